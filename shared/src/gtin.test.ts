import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, gtinSchema, isValidGtin, makeEan13, normalizeGtin } from './gtin.ts';

// Real published codes: an EAN-13, a UPC-A, an EAN-8 and a GS1 GTIN-14 example.
const ean13 = '4006381333931';
const upcA = '036000291452';
const gtin8 = '96385074';
const gtin14 = '10012345678902';

describe('gtinCheckDigit', () => {
  it('computes the GS1 mod-10 check digit for every GTIN length', () => {
    expect(gtinCheckDigit(ean13.slice(0, -1))).toBe(1);
    expect(gtinCheckDigit(upcA.slice(0, -1))).toBe(2);
    expect(gtinCheckDigit(gtin8.slice(0, -1))).toBe(4);
    expect(gtinCheckDigit(gtin14.slice(0, -1))).toBe(2);
  });

  it('gives 0 when the weighted sum is already a multiple of ten', () => {
    expect(gtinCheckDigit('000000000000')).toBe(0);
  });

  it('refuses bodies that are not digits', () => {
    expect(() => gtinCheckDigit('12a4')).toThrow(RangeError);
    expect(() => gtinCheckDigit('')).toThrow(RangeError);
  });
});

describe('isValidGtin', () => {
  it('accepts EAN-13, UPC-A, GTIN-8 and GTIN-14 with a correct check digit', () => {
    for (const code of [ean13, upcA, gtin8, gtin14]) expect(isValidGtin(code)).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('036000291451')).toBe(false);
  });

  it('rejects other lengths, non-digits and unnormalised input', () => {
    for (const code of [
      '',
      '1234567',
      '40063813339310',
      '400638133393',
      '4006381333931x',
      ' 4006381333931',
    ]) {
      // 14 digits here has a wrong check digit; 12 digits is a wrong UPC-A.
      expect(isValidGtin(code)).toBe(false);
    }
    expect(isValidGtin('12345678901')).toBe(false); // 11 digits
  });

  it('detects every single-digit error', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (serial, position, shift) => {
          const code = makeEan13('200', serial);
          const wrong = (Number(code[position]) + shift) % 10;
          const typo = code.slice(0, position) + wrong + code.slice(position + 1);
          return isValidGtin(code) && !isValidGtin(typo);
        },
      ),
    );
  });
});

describe('normalizeGtin', () => {
  it('strips whitespace', () => {
    expect(normalizeGtin(' 4 006381 333931\n')).toBe(ean13);
  });

  it('pads UPC-A to 13 digits so it matches the same box scanned as EAN-13', () => {
    expect(normalizeGtin(upcA)).toBe(`0${upcA}`);
    expect(normalizeGtin(`0${upcA}`)).toBe(`0${upcA}`);
    expect(isValidGtin(normalizeGtin(upcA))).toBe(true);
  });

  it('writes a GTIN-14 with indicator 0 as its EAN-13', () => {
    expect(normalizeGtin(`0${ean13}`)).toBe(ean13);
    expect(normalizeGtin(`00${upcA}`)).toBe(`0${upcA}`);
  });

  it('leaves GTIN-8 and GTIN-14 with another indicator alone', () => {
    expect(normalizeGtin(gtin8)).toBe(gtin8);
    expect(normalizeGtin(gtin14)).toBe(gtin14);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '5', '9', ' ') }), (s) => {
        return normalizeGtin(normalizeGtin(s)) === normalizeGtin(s);
      }),
    );
  });
});

describe('gtinSchema', () => {
  it('accepts valid codes and outputs the normalised form', () => {
    expect(gtinSchema.parse(ean13)).toBe(ean13);
    expect(gtinSchema.parse(upcA)).toBe(`0${upcA}`);
    expect(gtinSchema.parse(' 9638 5074 ')).toBe(gtin8);
  });

  it.each(['123', '12345678901', '123456789012345', '40063813339a1', ''])(
    'says %j has the wrong length or characters',
    (input) => {
      const result = gtinSchema.safeParse(input);
      expect(result.error?.issues.map((i) => i.message)).toEqual(['GTIN must be 8, 12, 13 or 14 digits']);
    },
  );

  it.each(['4006381333932', '036000291451', '96385075'])('says %j has a wrong check digit', (input) => {
    const result = gtinSchema.safeParse(input);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['GTIN check digit is wrong']);
  });
});

describe('makeEan13', () => {
  it('builds a valid EAN-13 from a prefix and a zero-padded serial', () => {
    expect(makeEan13('200', 42)).toBe('2000000000428');
    expect(isValidGtin(makeEan13('200', 42))).toBe(true);
  });

  it('builds valid, distinct codes for every serial', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_998 }), (n) => {
        const a = makeEan13('200', n);
        const b = makeEan13('200', n + 1);
        return a.length === 13 && a.startsWith('200') && isValidGtin(a) && a !== b;
      }),
    );
  });

  it('refuses prefixes that are not 1 to 11 digits and serials that do not fit', () => {
    expect(() => makeEan13('', 1)).toThrow(RangeError);
    expect(() => makeEan13('2x0', 1)).toThrow(RangeError);
    expect(() => makeEan13('123456789012', 1)).toThrow(RangeError);
    expect(() => makeEan13('200', 1_000_000_000)).toThrow(RangeError);
    expect(() => makeEan13('200', -1)).toThrow(RangeError);
    expect(() => makeEan13('200', 1.5)).toThrow(RangeError);
  });
});
