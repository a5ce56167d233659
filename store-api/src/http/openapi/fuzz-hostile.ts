/**
 * Hostile values for the fuzz pass: strings and numbers that break naive parsers, SQL and FTS
 * syntax, unicode, junk path segments, malformed JSON (fuzz-inputs.ts mixes them into requests).
 */
import fc from 'fast-check';

// ---- hostile values ------------------------------------------------------------------------

/** Strings that have broken someone's parser, query or renderer before. */
export const nastyStrings: readonly string[] = [
  '',
  ' ',
  '   padded   ',
  '👠👡🩰 high heels 👢',
  '\u202Eطلب الحذاء\u202C',
  'שלום עולם',
  'a\u0000b',
  '\u0000',
  '\u200B\u200D\uFEFF',
  '\uD800',
  'Ǆ̶̧͖̰̥̋͛ȧ̴̡͙̠l̷̜̾g̸̱̀o̵̟̎',
  "' OR 1=1 --",
  "'; DROP TABLE products;--",
  '"; DROP TABLE stock_levels;--',
  "1'); DELETE FROM orders; --",
  '" OR ""="',
  '"a" NEAR b*',
  'NEAR(a b, 2)',
  '*',
  'a AND OR NOT',
  '+-~<>()',
  '%',
  '_%_',
  '\\',
  '\\x00\\u0000',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, literally
  '{{7*7}}${7*7}',
  '../../etc/passwd',
  '%00',
  '%2F%2E%2E',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '1e308',
  '-1',
  '0.5',
  'true',
  '[]',
  '{}',
  'x'.repeat(300),
  'y'.repeat(10_000),
];

/** 100 kB: bigger than any field allows, bigger than the fuzz app's body limit. */
export const hugeString = 'z'.repeat(100_000);

export const nastyNumbers: readonly unknown[] = [
  1e308,
  -1e308,
  -1,
  0,
  0.5,
  -0.5,
  1.000000001,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  5e-324,
  'NaN',
  '1e308',
  '-1',
  '0.5',
  '12abc',
  '',
];

const nastyScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 3, arbitrary: fc.constantFrom(...nastyNumbers) },
  { weight: 1, arbitrary: fc.constant(hugeString) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(true, false, null) },
);

/** A value of the wrong type, or a hostile value of the right one. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: nastyScalar },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>([], {}, [null], { $gt: '' }, { toString: 'x' }, [[[[[]]]]]),
  },
  { weight: 1, arbitrary: fc.array(nastyScalar, { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom('a', '__proto__', 'constructor', '$where'), nastyScalar),
  },
);

/** Strings that are not ids for a path parameter (never empty and never a dot segment, which URLs normalise away). */
export const junkPathSegments: readonly string[] = [
  'not-an-id',
  '0',
  '-1',
  '1e308',
  '0.5',
  'NaN',
  "' OR 1=1 --",
  "x'; DROP TABLE products;--",
  '"a" NEAR b*',
  '👠',
  '\u202Eطلب',
  'a\u0000b',
  '%',
  'a/b',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0196a7b4-6c3e-7f00-8000-00000000000g',
  'x'.repeat(2000),
  'null',
];

/** Bodies that are not JSON at all, sent as application/json. */
export const malformedJson: readonly string[] = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '[1,2',
  'NaN',
  'undefined',
  '\u0000',
  '{"a":"\u0000',
  '\uFEFF{"a":1}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  '{"a":1e999999}',
  '',
];

export interface RawBody {
  data: string | Uint8Array;
  contentType?: string;
  /** A Content-Encoding header. */
  encoding?: string;
}
