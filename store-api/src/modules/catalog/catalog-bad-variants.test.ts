import { newId } from '@shoebox/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../test-support/harness.ts';
import { useCatalogApp } from '../../test-support/admin-catalog-fixtures.ts';

// Bad variant input: each refusal has a precise code and writes nothing.
describe(`admin catalog (${testDialect})`, () => {
  const { post, patch, newProduct, variantBody, refused } = useCatalogApp();

  describe('variants', () => {
    describe('refuses bad variants with a precise code and no writes', () => {
      let productId: string;
      let otherProductId: string;
      beforeAll(async () => {
        productId = (await newProduct({ styleCode: 'BAD' })).id;
        otherProductId = (await newProduct({ styleCode: 'BAD2' })).id;
        const first = await post(
          `/admin/products/${productId}/variants`,
          variantBody({ sku: 'Bad-Nude-38', gtin: '4006381333931' }),
        );
        expect(first.body).toMatchObject({ sku: 'BAD-NUDE-38', gtin: '4006381333931' });
        const upc = await post(
          `/admin/products/${productId}/variants`,
          variantBody({ sizeEu: 39, gtin: '614141000036' }),
        );
        expect(upc.status).toBe(201);
      });

      it.each([
        [
          'a SKU differing only in case',
          () => variantBody({ sizeEu: 40, sku: 'bad-nude-38' }),
          409,
          'SKU_TAKEN',
          undefined,
        ],
        [
          'a GTIN with a bad check digit',
          () => variantBody({ sizeEu: 40, gtin: '4006381333932' }),
          400,
          'VALIDATION_FAILED',
          'GTIN_CHECK_DIGIT',
        ],
        [
          'a GTIN of the wrong length',
          () => variantBody({ sizeEu: 40, gtin: '40063813339' }),
          400,
          'VALIDATION_FAILED',
          'GTIN_LENGTH',
        ],
        [
          'an EAN-13 that is a stored UPC-A',
          () => variantBody({ sizeEu: 40, gtin: '0614141000036' }),
          409,
          'GTIN_TAKEN',
          undefined,
        ],
        [
          'a UPC-A whose EAN-13 form is stored',
          () => variantBody({ sizeEu: 40, gtin: '614141000036' }),
          409,
          'GTIN_TAKEN',
          undefined,
        ],
        [
          'the same GTIN again',
          () => variantBody({ sizeEu: 40, gtin: '4006381333931' }),
          409,
          'GTIN_TAKEN',
          undefined,
        ],
        [
          'an existing colour, size and width',
          () => variantBody({ sku: 'BAD-OTHER' }),
          409,
          'VARIANT_EXISTS',
          undefined,
        ],
        [
          'a size that is not a half size',
          () => variantBody({ sizeEu: 38.2 }),
          400,
          'VALIDATION_FAILED',
          'INVALID_EU_SIZE',
        ],
        [
          'a size out of range',
          () => variantBody({ sizeEu: 44 }),
          400,
          'VALIDATION_FAILED',
          'INVALID_EU_SIZE',
        ],
        [
          'a negative price',
          () => variantBody({ sizeEu: 40, priceMinor: -100 }),
          400,
          'VALIDATION_FAILED',
          'TOO_SMALL',
        ],
        [
          'a fractional price',
          () => variantBody({ sizeEu: 40, priceMinor: 12.5 }),
          400,
          'VALIDATION_FAILED',
          'NOT_INTEGER',
        ],
        [
          'an unknown field',
          () => variantBody({ sizeEu: 40, colour: 'red' }),
          400,
          'VALIDATION_FAILED',
          'UNKNOWN_FIELD',
        ],
        [
          'an unknown width',
          () => variantBody({ sizeEu: 40, width: 'huge' }),
          400,
          'VALIDATION_FAILED',
          'INVALID_VALUE',
        ],
        [
          'a SKU with SQL in it',
          () => variantBody({ sizeEu: 40, sku: "X'; DROP TABLE variants;--" }),
          400,
          'VALIDATION_FAILED',
          'INVALID_FORMAT',
        ],
        [
          'a compare-at price not above the base price',
          () => variantBody({ sizeEu: 40, compareAtMinor: 8900 }),
          422,
          'COMPARE_AT_NOT_HIGHER',
          undefined,
        ],
        [
          'a compare-at price not above its own price',
          () => variantBody({ sizeEu: 40, priceMinor: 5000, compareAtMinor: 4000 }),
          422,
          'COMPARE_AT_NOT_HIGHER',
          undefined,
        ],
        [
          'an unknown colour',
          () => variantBody({ sizeEu: 40, colourId: newId() }),
          422,
          'COLOUR_NOT_FOUND',
          'COLOUR_NOT_FOUND',
        ],
      ])('%s', async (_name, body, status, code, fieldCode) => {
        await refused(() => post(`/admin/products/${productId}/variants`, body()), status, code, fieldCode);
      });

      it('a SKU taken by another product, in lower case', async () => {
        await refused(
          () => post(`/admin/products/${otherProductId}/variants`, variantBody({ sku: 'bad-nude-38' })),
          409,
          'SKU_TAKEN',
        );
      });

      it('a variant of a missing product', async () => {
        await refused(
          () => post(`/admin/products/${newId()}/variants`, variantBody()),
          404,
          'PRODUCT_NOT_FOUND',
        );
      });

      it('a patch that would duplicate a SKU or GTIN or break the compare-at rule', async () => {
        const v = (await post(`/admin/products/${otherProductId}/variants`, variantBody())).body;
        await refused(() => patch(`/admin/variants/${v.id}`, { sku: 'bad-nude-38' }), 409, 'SKU_TAKEN');
        await refused(() => patch(`/admin/variants/${v.id}`, { gtin: '614141000036' }), 409, 'GTIN_TAKEN');
        await refused(
          () => patch(`/admin/variants/${v.id}`, { compareAtMinor: 100 }),
          422,
          'COMPARE_AT_NOT_HIGHER',
        );
        await refused(
          () => patch(`/admin/variants/${v.id}`, { sizeEu: 39 }),
          400,
          'VALIDATION_FAILED',
          'UNKNOWN_FIELD',
        );
        await refused(() => patch(`/admin/variants/${newId()}`, { active: false }), 404, 'VARIANT_NOT_FOUND');
        // A base price at or below an existing compare-at price of a variant without its own price.
        await patch(`/admin/variants/${v.id}`, { compareAtMinor: 9900 });
        await refused(
          () => patch(`/admin/products/${otherProductId}`, { basePriceMinor: 9900 }),
          422,
          'COMPARE_AT_NOT_HIGHER',
        );
      });
    });
  });
});
