import { z } from 'zod';
import { isValidEuSize, type Width } from './sizes.ts';

/**
 * SKUs are `STYLE-COLOUR-SIZE[-WIDTH]` in upper case. They are compared case-insensitively
 * everywhere (MySQL folds case, SQLite does not), so normalise before storing or looking up.
 */

/** Trim and upper-case: the one form SKUs are stored and compared in. */
export const normalizeSku = (s: string): string => s.trim().toUpperCase();

export const sameSku = (a: string, b: string): boolean => normalizeSku(a) === normalizeSku(b);

// Dash-separated groups of A-Z/0-9: rules out leading, trailing and double dashes in one go.
const skuPattern = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/** Validates and normalises a SKU; parsing ' mila-nude-38 ' yields 'MILA-NUDE-38'. */
export const skuSchema = z
  .string()
  .trim()
  .toUpperCase()
  .min(3, 'SKU must be at least 3 characters')
  .max(64, 'SKU must be at most 64 characters')
  .regex(skuPattern, 'SKU may contain only A-Z, 0-9 and single dashes between them');

// Style and colour codes follow the SKU alphabet. They may contain dashes themselves
// (codeFromName joins words with them), which is harmless: SKUs are never split apart again.
const codePattern = skuPattern;

const widthSuffixes: Readonly<Record<Width, string>> = {
  narrow: 'N',
  standard: '',
  wide: 'W',
  extra_wide: 'XW',
};

// 'H' rather than a dot or '5': '38.5' is not allowed in a SKU and '385' reads as size 385.
const sizePart = (euSize: number): string =>
  Number.isInteger(euSize) ? String(euSize) : `${Math.floor(euSize)}H`;

/**
 * Builds a variant SKU: buildSku('mila', 'nude', 38.5, 'wide') -> 'MILA-NUDE-38H-W'.
 * Standard width adds nothing, since most styles only come in standard.
 * Throws RangeError for inputs that cannot make a valid SKU; callers validate codes first.
 */
export const buildSku = (styleCode: string, colourCode: string, euSize: number, width?: Width): string => {
  if (!isValidEuSize(euSize)) throw new RangeError(`Not a valid EU size: ${euSize}`);
  const style = normalizeSku(styleCode);
  const colour = normalizeSku(colourCode);
  for (const [name, code] of [
    ['style', style],
    ['colour', colour],
  ] as const) {
    if (!codePattern.test(code)) throw new RangeError(`Invalid ${name} code for a SKU: '${code}'`);
  }
  const suffix = width ? widthSuffixes[width] : '';
  const sku = [style, colour, sizePart(euSize), suffix].filter((part) => part !== '').join('-');
  const parsed = skuSchema.safeParse(sku);
  if (!parsed.success) throw new RangeError(`Cannot build a valid SKU from '${sku}'`);
  return parsed.data;
};

// Letters that Unicode decomposition leaves intact but that have a usual ASCII spelling.
const asciiFallbacks: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lower-case ASCII words of a name: 'Café Crème ballerina' -> ['cafe', 'creme', 'ballerina']. */
const asciiWords = (name: string): string[] =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (ch) => asciiFallbacks[ch] ?? '')
    // "Women's" should become "womens", not "women-s".
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');

/** Joins whole words with '-' while the result fits in `max`; a single over-long first word is cut. */
const joinWithin = (words: string[], max: number): string => {
  let out = '';
  for (const word of words) {
    const next = out === '' ? word : `${out}-${word}`;
    if (next.length > max) break;
    out = next;
  }
  return out === '' && words[0] ? words[0].slice(0, max) : out;
};

export const MAX_CODE_LENGTH = 12;

/**
 * A short upper-case code for a style or colour name, used to build SKUs:
 * 'Mila pointed-toe pump' -> 'MILA-POINTED'. Deterministic, so re-running an import gives the
 * same codes. Whole words are kept while they fit in 12 characters. Returns '' when the name
 * has no ASCII letters or digits at all; the caller must then ask for a code.
 */
export const codeFromName = (name: string): string =>
  joinWithin(asciiWords(name), MAX_CODE_LENGTH).toUpperCase();

export const MAX_SLUG_LENGTH = 80;

/** A lower-case URL slug: 'Mila Pointed-Toe Pump — Nude' -> 'mila-pointed-toe-pump-nude'. */
export const slugify = (name: string): string => joinWithin(asciiWords(name), MAX_SLUG_LENGTH);
