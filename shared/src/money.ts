import { z } from 'zod';
import { err, ok, type Result } from './result.ts';

/**
 * Money is always an integer count of minor units (cents, pence) plus a currency, so sums and
 * comparisons are exact; floats only appear at the edge, for display.
 */

export const currencies = ['EUR', 'USD', 'GBP'] as const;
export type Currency = (typeof currencies)[number];

export interface Money {
  amountMinor: number;
  currency: Currency;
}

/** Every supported currency has two decimals; a currency with 0 or 3 would need a table here. */
export const MINOR_PER_MAJOR = 100;

/**
 * Upper bound for any single amount: 100 million in major units. Far above any shoe order,
 * and products of it with rates or quantities stay well inside Number.MAX_SAFE_INTEGER.
 */
export const MAX_MINOR = 100_000_000_00;

export const currencySchema = z.enum(currencies);

export const minorSchema = z
  .number()
  .int('Amount must be a whole number of minor units')
  .min(0, 'Amount cannot be negative')
  .max(MAX_MINOR, 'Amount is too large');

/**
 * The largest amount or count a stored INT column holds (MySQL's signed INT): prices, coupon
 * amounts and limits are stored as INT, so their inputs stop here instead of failing at the insert.
 */
export const INT_COLUMN_MAX = 2_147_483_647;
/** An amount in minor units that is stored in an INT column. */
export const storedMinorSchema = minorSchema.max(INT_COLUMN_MAX, 'Amount is too large');

export const moneySchema = z.object({ amountMinor: minorSchema, currency: currencySchema });

// Intl.NumberFormat construction is slow relative to format(); price lists format thousands.
const formatters = new Map<string, Intl.NumberFormat>();
const formatterFor = (currency: Currency, locale: string): Intl.NumberFormat => {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
};

/** Formats minor units for people, e.g. formatMoney(1250, 'EUR') -> '€12.50'. Negative amounts (refunds) keep their sign. */
export const formatMoney = (amountMinor: number, currency: Currency, locale = 'en-IE'): string =>
  formatterFor(currency, locale).format(amountMinor / MINOR_PER_MAJOR);

const majorPattern = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses what a person types as a price ('12', '12.5', '12.50') into minor units without
 * going through floats, so '0.29' is exactly 29 and never 28.999...
 * Only '.' is a decimal separator: guessing whether ',' means decimals or thousands is how
 * prices end up 100 times too big.
 */
export const parseMajorToMinor = (s: string): Result<number> => {
  const text = s.trim();
  if (text === '') return err('Amount is required');
  if (text.startsWith('-')) return err('Amount cannot be negative');
  if (/^\d+\.\d{3,}$/.test(text)) return err('Amount can have at most 2 decimals');
  const match = majorPattern.exec(text);
  if (!match) return err('Amount must be a number like 12.50');
  const [, whole = '0', fraction = ''] = match;
  // Checked on the string so that absurdly long inputs never become imprecise numbers.
  if (whole.replace(/^0+/, '').length > String(MAX_MINOR / MINOR_PER_MAJOR).length) {
    return err('Amount is too large');
  }
  const minor = Number(whole) * MINOR_PER_MAJOR + Number(fraction.padEnd(2, '0'));
  return minor > MAX_MINOR ? err('Amount is too large') : ok(minor);
};

const assertSafeInteger = (name: string, n: number): void => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be a safe integer, got ${n}`);
};

// Fractional weights are scaled to integers so the exact BigInt path below handles them too;
// a millionth of precision is far below a minor unit for any realistic split.
const WEIGHT_SCALE = 1_000_000;
const toIntegerWeights = (weights: number[]): bigint[] => {
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`Weights must be finite and >= 0, got ${w}`);
  }
  const allIntegers = weights.every((w) => Number.isSafeInteger(w));
  return weights.map((w) => BigInt(allIntegers ? w : Math.round(w * WEIGHT_SCALE)));
};

/**
 * Splits `totalMinor` across `weights` in proportion, using the largest-remainder method so
 * the parts always add up to exactly the total (a discount spread over order lines must not
 * gain or lose a cent). Ties go to the earlier weight, so the result is deterministic.
 * All-zero weights split evenly, because the total still has to land somewhere.
 * A negative total is split like its absolute value and negated (symmetric for refunds).
 */
export const allocateProportionally = (totalMinor: number, weights: number[]): number[] => {
  assertSafeInteger('totalMinor', totalMinor);
  if (weights.length === 0) {
    if (totalMinor === 0) return [];
    throw new RangeError('Cannot allocate a non-zero total across no weights');
  }
  if (totalMinor < 0) return allocateProportionally(-totalMinor, weights).map((n) => (n === 0 ? 0 : -n));

  let scaled = toIntegerWeights(weights);
  if (scaled.every((w) => w === 0n)) scaled = scaled.map(() => 1n);
  const sum = scaled.reduce((a, b) => a + b, 0n);
  const total = BigInt(totalMinor);

  const parts = scaled.map((w, index) => ({ index, floor: (total * w) / sum, remainder: (total * w) % sum }));
  let leftover = total - parts.reduce((a, p) => a + p.floor, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  const shares = parts.map((p) => p.floor);
  for (const p of byRemainder) {
    if (leftover === 0n) break;
    shares[p.index] = p.floor + 1n;
    leftover -= 1n;
  }
  return shares.map(Number);
};

/**
 * The tax contained in a VAT-inclusive price: gross * rate / (1 + rate), with the rate in
 * basis points (23% = 2300). Rounded half-up, i.e. half away from zero, so a refund's tax
 * mirrors the sale's tax exactly. Integer arithmetic only, to avoid float rounding drift.
 */
export const vatIncluded = (grossMinor: number, rateBasisPoints: number): number => {
  assertSafeInteger('grossMinor', grossMinor);
  assertSafeInteger('rateBasisPoints', rateBasisPoints);
  if (rateBasisPoints < 0) throw new RangeError(`rateBasisPoints must be >= 0, got ${rateBasisPoints}`);
  if (grossMinor < 0) {
    const tax = vatIncluded(-grossMinor, rateBasisPoints);
    return tax === 0 ? 0 : -tax;
  }
  const numerator = BigInt(grossMinor) * BigInt(rateBasisPoints);
  const denominator = 10_000n + BigInt(rateBasisPoints);
  return Number((2n * numerator + denominator) / (2n * denominator));
};
