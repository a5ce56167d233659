import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { widths } from './sizes.ts';
import { buildSku, codeFromName, normalizeSku, sameSku, skuSchema, slugify } from './sku.ts';

describe('normalizeSku', () => {
  it('trims and upper-cases', () => {
    expect(normalizeSku('  mila-nude-38\t')).toBe('MILA-NUDE-38');
  });

  it('makes SKUs that differ only in case or padding compare equal', () => {
    expect(sameSku('mila-nude-38', ' MILA-NUDE-38 ')).toBe(true);
    expect(sameSku('MILA-NUDE-38', 'MILA-NUDE-39')).toBe(false);
  });
});

describe('skuSchema', () => {
  it('accepts and normalises valid SKUs', () => {
    expect(skuSchema.parse(' mila-nude-38 ')).toBe('MILA-NUDE-38');
    expect(skuSchema.parse('ABC')).toBe('ABC');
    expect(skuSchema.parse('A'.repeat(64))).toBe('A'.repeat(64));
  });

  it.each([
    ['AB', 'SKU must be at least 3 characters'],
    ['A'.repeat(65), 'SKU must be at most 64 characters'],
    ['-MILA-38', 'SKU may contain only A-Z, 0-9 and single dashes between them'],
    ['MILA-38-', 'SKU may contain only A-Z, 0-9 and single dashes between them'],
    ['MILA--38', 'SKU may contain only A-Z, 0-9 and single dashes between them'],
    ['MILA NUDE 38', 'SKU may contain only A-Z, 0-9 and single dashes between them'],
    ['MILA_NUDE', 'SKU may contain only A-Z, 0-9 and single dashes between them'],
    ['MILÀ-38', 'SKU may contain only A-Z, 0-9 and single dashes between them'],
  ])('rejects %j with %j', (input, message) => {
    const result = skuSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe('buildSku', () => {
  it('joins style, colour and size in upper case', () => {
    expect(buildSku('mila', 'nude', 38)).toBe('MILA-NUDE-38');
    expect(buildSku('MILA-POINTED', 'BLK', 40, 'standard')).toBe('MILA-POINTED-BLK-40');
  });

  it('writes half sizes with an H', () => {
    expect(buildSku('MILA', 'NUDE', 38.5)).toBe('MILA-NUDE-38H');
  });

  it('appends a suffix for non-standard widths only', () => {
    expect(buildSku('MILA', 'NUDE', 38, 'narrow')).toBe('MILA-NUDE-38-N');
    expect(buildSku('MILA', 'NUDE', 38, 'wide')).toBe('MILA-NUDE-38-W');
    expect(buildSku('MILA', 'NUDE', 38.5, 'extra_wide')).toBe('MILA-NUDE-38H-XW');
  });

  it('refuses invalid sizes and codes', () => {
    expect(() => buildSku('MILA', 'NUDE', 44)).toThrow(RangeError);
    expect(() => buildSku('MILA', 'NUDE', 38.25)).toThrow(RangeError);
    expect(() => buildSku('', 'NUDE', 38)).toThrow(RangeError);
    expect(() => buildSku('MI LA', 'NUDE', 38)).toThrow(RangeError);
    expect(() => buildSku('MILA', 'NUDE-', 38)).toThrow(RangeError);
  });

  it('gives every size and width of a style a distinct, valid SKU', () => {
    const skus = new Set<string>();
    for (let eu = 35; eu <= 43; eu += 0.5) {
      for (const width of widths) {
        const sku = buildSku('MILA', 'NUDE', eu, width);
        expect(skuSchema.safeParse(sku).success).toBe(true);
        skus.add(sku);
      }
    }
    expect(skus.size).toBe(17 * widths.length);
  });
});

describe('codeFromName', () => {
  it('keeps whole words that fit in 12 characters', () => {
    expect(codeFromName('Mila pointed-toe pump')).toBe('MILA-POINTED');
    expect(codeFromName('Nude')).toBe('NUDE');
    expect(codeFromName('Dark brown suede')).toBe('DARK-BROWN');
  });

  it('strips diacritics and spells special letters in ASCII', () => {
    expect(codeFromName('Crème brûlée')).toBe('CREME-BRULEE');
    expect(codeFromName('Straße')).toBe('STRASSE');
    expect(codeFromName('Søren')).toBe('SOREN');
  });

  it('cuts a single word longer than 12 characters', () => {
    expect(codeFromName('Extraordinarily')).toBe('EXTRAORDINAR');
  });

  it('returns an empty code for names without ASCII letters or digits', () => {
    expect(codeFromName('—!?')).toBe('');
    expect(codeFromName('靴')).toBe('');
  });

  it('always returns a valid SKU segment of at most 12 characters, the same every time', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (name) => {
        const code = codeFromName(name);
        expect(code.length).toBeLessThanOrEqual(12);
        expect(code === '' || /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/.test(code)).toBe(true);
        expect(codeFromName(name)).toBe(code);
      }),
    );
  });
});

describe('slugify', () => {
  it('makes a lower-case URL slug without diacritics', () => {
    expect(slugify('Mila Pointed-Toe Pump — Nude')).toBe('mila-pointed-toe-pump-nude');
    expect(slugify('Ballerines Élodie en cuir')).toBe('ballerines-elodie-en-cuir');
    expect(slugify("Women's  Chelsea boot")).toBe('womens-chelsea-boot');
  });

  it('keeps slugs to at most 80 characters, on a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('word')).toBe(true);
  });

  it('only ever yields lower-case letters, digits and single inner dashes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (name) => {
        const slug = slugify(name);
        return slug === '' || (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 80);
      }),
    );
  });
});
