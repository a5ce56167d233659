import { describe, expect, it } from 'vitest';
import { changesOf, fieldsOf, emptyForm, minorToText, parseGtin, parsePrice } from './product-form.ts';
import { matrixPreview } from './variant-matrix.ts';

describe('the product form', () => {
  it('takes prices as money and gives integer minor units, refusing what is not money', () => {
    expect(parsePrice('89.5')).toEqual({ minor: 8950 });
    expect(parsePrice('0.29')).toEqual({ minor: 29 });
    expect(parsePrice('', true)).toEqual({ minor: null });
    expect(parsePrice('12,50')).toHaveProperty('error');
    expect(parsePrice('1.999')).toEqual({ error: 'Amount can have at most 2 decimals' });
    expect(minorToText(8905)).toBe('89.05');
  });

  it('checks a barcode’s check digit and length, and says which is wrong', () => {
    expect(parseGtin('4006381333931')).toEqual({ gtin: '4006381333931' });
    expect(parseGtin('036000291452')).toEqual({ gtin: '0036000291452' });
    expect(parseGtin('')).toEqual({ gtin: null });
    expect(parseGtin('4006381333932')).toEqual({
      error: 'The last digit (the check digit) does not match: the barcode was probably mistyped.',
    });
    expect(parseGtin('12345')).toEqual({ error: 'A barcode has 8, 12, 13 or 14 digits.' });
    expect(parseGtin('40063813339AB')).toEqual({ error: 'A barcode has digits only.' });
  });

  it('sends only the changed fields, with their values as loaded', () => {
    const form = { ...emptyForm, name: 'Ana Pump', material: 'Leather', basePrice: '89.00', tags: 'a, b' };
    const loaded = fieldsOf(form, true);
    const edited = fieldsOf({ ...form, basePrice: '95.50', tags: 'a,b' }, true);
    if (!('fields' in loaded) || !('fields' in edited)) throw new Error('form should parse');
    expect(changesOf(loaded.fields, edited.fields)).toEqual({
      fields: { basePriceMinor: 9550 },
      base: { basePriceMinor: 8900 },
    });
  });

  it('names every field that is wrong', () => {
    const result = fieldsOf({ ...emptyForm, heelHeightMm: '4.5', basePrice: 'abc' }, true);
    expect(Object.keys('errors' in result ? result.errors : {}).sort()).toEqual([
      'basePrice',
      'heelHeightMm',
      'material',
      'name',
    ]);
  });
});

describe('the variant matrix preview', () => {
  it('lists every colour x width x size and marks the ones that exist', () => {
    const preview = matrixPreview(
      { colourIds: ['black', 'red'], sizes: [39, 38], widths: ['standard', 'wide'] },
      [{ colourId: 'black', sizeEu: 38, width: 'standard' }],
    );
    expect(preview.cells).toHaveLength(8);
    expect(preview.newCount).toBe(7);
    expect(preview.existingCount).toBe(1);
    expect(preview.cells[0]).toEqual({ colourId: 'black', sizeEu: 38, width: 'standard', exists: true });
  });
});
