import { z } from 'zod';

/**
 * GTINs are the barcodes on shoeboxes (EAN-13 in Europe, UPC-A from US brands). The pack
 * station matches scans against them, so they are stored in one normalised form.
 */

const digitsOnly = /^\d+$/;

/**
 * The GS1 mod-10 check digit for a GTIN body (all digits but the last): weights 3,1,3,...
 * from the right, which is why one function serves GTIN-8, -12, -13 and -14.
 */
export const gtinCheckDigit = (body: string): number => {
  if (!digitsOnly.test(body)) throw new RangeError(`A GTIN body must be digits only, got '${body}'`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
};

const gtinLength = /^(?:\d{8}|\d{12}|\d{13}|\d{14})$/;

/** True for a GTIN-8, UPC-A (12), EAN-13 or GTIN-14 with a correct check digit. Expects digits only; see normalizeGtin. */
export const isValidGtin = (code: string): boolean =>
  gtinLength.test(code) && gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));

/**
 * The stored form of a scanned or typed GTIN: whitespace removed, and UPC-A (12 digits) or a
 * GTIN-14 with indicator 0 written as the equivalent EAN-13, so the same box matches whichever
 * way the scanner reports it. A leading zero never changes the check digit, so validity is kept.
 * Anything else is returned without whitespace but otherwise as typed, for the validator to reject.
 */
export const normalizeGtin = (s: string): string => {
  const code = s.replace(/\s+/g, '');
  if (/^\d{12}$/.test(code)) return `0${code}`;
  if (/^0\d{13}$/.test(code)) return code.slice(1);
  return code;
};

export const GTIN_LENGTH_MESSAGE = 'GTIN must be 8, 12, 13 or 14 digits';
export const GTIN_CHECK_DIGIT_MESSAGE = 'GTIN check digit is wrong';

/**
 * Validates and normalises a GTIN. The two failures get distinct messages because they mean
 * different things at the pack station: a typo in length versus a misread or made-up code.
 */
export const gtinSchema = z
  .string()
  .overwrite(normalizeGtin)
  // After normalisation a 12-digit UPC-A is 13 digits, but people know it as 12, hence the wording.
  .regex(gtinLength, { message: GTIN_LENGTH_MESSAGE, abort: true })
  .refine(isValidGtin, GTIN_CHECK_DIGIT_MESSAGE);

/**
 * Builds a valid EAN-13 from a numeric prefix and a serial: makeEan13('200', 42) ->
 * '2000000000428'. Prefixes 200-299 are GS1's in-store range, safe for demo and own-label
 * boxes because they can never clash with a real brand's barcode.
 */
export const makeEan13 = (prefix: string, n: number): string => {
  if (!/^\d{1,11}$/.test(prefix))
    throw new RangeError(`EAN-13 prefix must be 1 to 11 digits, got '${prefix}'`);
  const serialDigits = 12 - prefix.length;
  if (!Number.isSafeInteger(n) || n < 0 || String(n).length > serialDigits) {
    throw new RangeError(`Serial ${n} does not fit in ${serialDigits} digits after prefix '${prefix}'`);
  }
  const body = prefix + String(n).padStart(serialDigits, '0');
  return body + gtinCheckDigit(body);
};
