import { DomainError, type ErrorCode, type FieldError } from '@shoebox/shared';
import { imageInputFormats, imageLimits } from '@shoebox/shared/contracts';
import { httpErrors } from '../../http/http.errors.ts';
import { commonErrors } from '../../lib/common.errors.ts';

/**
 * Catalog error codes. Convention for "not found":
 * - the resource named in the URL does not exist -> 404 (kind not_found), e.g. PATCH /admin/brands/:id;
 * - an id or code referenced from a request body or a CSV row does not exist -> 422 (kind
 *   business_rule): the request is well-formed, but it points at something that is not there.
 * The code is the same in both cases (BRAND_NOT_FOUND), the status says which side was wrong.
 */
export const catalogErrorCodes = {
  brandSlugTaken: 'BRAND_SLUG_TAKEN',
  categorySlugTaken: 'CATEGORY_SLUG_TAKEN',
  colourCodeTaken: 'COLOUR_CODE_TAKEN',
  styleCodeTaken: 'STYLE_CODE_TAKEN',
  productSlugTaken: 'PRODUCT_SLUG_TAKEN',
  skuTaken: 'SKU_TAKEN',
  gtinTaken: 'GTIN_TAKEN',
  variantExists: 'VARIANT_EXISTS',
} as const;

export type Referenced = 'brand' | 'category' | 'colour' | 'product' | 'variant';

const notFoundCodes: Record<Referenced, ErrorCode> = {
  brand: 'BRAND_NOT_FOUND',
  category: 'CATEGORY_NOT_FOUND',
  colour: 'COLOUR_NOT_FOUND',
  product: 'PRODUCT_NOT_FOUND',
  variant: 'VARIANT_NOT_FOUND',
};

/** The resource in the URL does not exist: 404. */
export const missing = (what: Referenced, id: string) =>
  new DomainError('not_found', notFoundCodes[what], `No ${what} with id ${id}.`, { details: { id } });

/** A body refers to something that does not exist: 422. */
export const missingReference = (what: Referenced, field: string, ids: readonly string[]) =>
  new DomainError('business_rule', notFoundCodes[what], `No ${what} with id ${ids.join(', ')}.`, {
    details: { field, ids },
    errors: [{ path: field, message: `Unknown ${what}`, code: notFoundCodes[what] }],
  });

export const notFoundCodeOf = (what: Referenced): ErrorCode => notFoundCodes[what];

export const taken = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError('conflict', code, message, details ? { details } : {});

/** A value the server would derive (slug, code) came out empty, so the caller has to give it. */
export const derivedEmpty = (field: string, code: string, message: string) =>
  httpErrors.validationFailed('body', `${field}: ${message}`, [{ path: field, message, code }]);

export const versionConflict = (currentVersion: number) =>
  commonErrors.versionConflict(
    'The product changed since you loaded it; reload and apply your change again.',
    { currentVersion },
  );

export const pricesDenied = () => httpErrors.permissionDenied('prices:write');

export const productHasNoVariants = () =>
  new DomainError(
    'business_rule',
    'PRODUCT_HAS_NO_VARIANTS',
    'A product can be active only when it has at least one active variant.',
  );

export const compareAtNotHigher = (details: Record<string, unknown>) =>
  new DomainError(
    'business_rule',
    'COMPARE_AT_NOT_HIGHER',
    'The compare-at price must be higher than the price the variant sells at.',
    { details },
  );

export const csvMalformed = (message: string, details: Record<string, unknown>) =>
  new DomainError('validation', 'CSV_MALFORMED', message, { details });

export const csvHeaderInvalid = (message: string, errors: FieldError[]) =>
  new DomainError('validation', 'CSV_HEADER_INVALID', message, { errors });

/** Most errors reported for one import; the count of all of them is in details. */
export const MAX_CSV_ERRORS = 200;

export const csvInvalid = (errors: FieldError[]) => {
  const rows = new Set(errors.map((e) => e.path.split(':')[0]));
  return new DomainError(
    'validation',
    'CSV_INVALID',
    `${rows.size} row(s) of the CSV have errors, so nothing was imported. Rows are numbered as in a spreadsheet: the header is row 1 and the first data row is row 2.`,
    {
      errors: errors.slice(0, MAX_CSV_ERRORS),
      details: { errorCount: errors.length, rowsWithErrors: rows.size },
    },
  );
};

/** A variant looked up by SKU or barcode (the scanner's lookup). */
export const variantNotScanned = (query: Record<string, unknown>) =>
  lookupErrors.variantNotFound('No variant has this SKU or barcode.', query);

/**
 * A product or variant named in a URL does not exist (404): the one builder of these codes, for
 * every module that looks products up (inventory, the store pages, the wishlist).
 */
export const lookupErrors = {
  /** `by`: what the caller named it by (id, slug, address). */
  productNotFound: (by: 'id' | 'slug' | 'address' = 'id') =>
    new DomainError('not_found', 'PRODUCT_NOT_FOUND', `No product with this ${by}.`),
  variantNotFound: (message: string, details: Record<string, unknown>) =>
    new DomainError('not_found', 'VARIANT_NOT_FOUND', message, { details }),
};

export const gtinSerialsExhausted = (prefix: string, needed: number) =>
  new DomainError(
    'business_rule',
    'GTIN_SERIALS_EXHAUSTED',
    `Prefix ${prefix} has no room for ${needed} more EAN-13 serials; use a shorter prefix.`,
    { details: { gtinPrefix: prefix, needed } },
  );

/** Product images: what an upload is refused for. */
export const imageErrors = {
  notFound: () => new DomainError('not_found', 'IMAGE_NOT_FOUND', 'No image with this id.'),
  productNotFound: () => lookupErrors.productNotFound('id'),
  required: () => new DomainError('validation', 'IMAGE_REQUIRED', 'Send the image file as the request body.'),
  unsupported: (detected: string | null) =>
    new DomainError(
      'validation',
      'IMAGE_TYPE_UNSUPPORTED',
      `The file is not a JPEG, PNG, WebP or AVIF image${detected ? ` (it looks like ${detected})` : ''}. The type is judged from the file's content, not its name or Content-Type.`,
      { details: { detected, accepted: [...imageInputFormats] } },
    ),
  unreadable: (reason: string) =>
    new DomainError(
      'business_rule',
      'IMAGE_UNREADABLE',
      'The image could not be decoded: the file is damaged or incomplete.',
      { details: { reason } },
    ),
  tooLarge: (width: number | null, height: number | null) =>
    new DomainError(
      'business_rule',
      'IMAGE_TOO_LARGE_DIMENSIONS',
      `The image is too large: at most ${imageLimits.maxSide} px a side and ${imageLimits.maxPixels / 1_000_000} megapixels.`,
      { details: { width, height, maxSide: imageLimits.maxSide, maxPixels: imageLimits.maxPixels } },
    ),
  tooSmall: (width: number, height: number) =>
    new DomainError(
      'business_rule',
      'IMAGE_TOO_SMALL',
      `The image is ${width}x${height} px; it must be at least ${imageLimits.minSide}x${imageLimits.minSide} px.`,
      { details: { width, height, minSide: imageLimits.minSide } },
    ),
};
