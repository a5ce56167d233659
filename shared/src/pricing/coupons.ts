import { z } from 'zod';
import { type Currency, currencySchema, INT_COLUMN_MAX, storedMinorSchema } from '../money.ts';
import { err, ok, type Result } from '../result.ts';

/**
 * Coupons: a percentage or a fixed amount off the goods (never off shipping), optionally with
 * free standard shipping, a minimum spend, a validity window and usage limits.
 *
 * Conventions:
 * - Codes are compared in one form: trimmed and upper-cased (`normalizeCouponCode`).
 * - Times are epoch milliseconds. The window is half-open: usable from `startsAt` (inclusive)
 *   until `endsAt` (exclusive), so a coupon ending at midnight is no longer usable at midnight.
 * - Minimum spend is compared with the gross goods subtotal before any discount.
 * - Percentage discounts are rounded half up once per order, not per line; the order
 *   discount is then spread over the lines by the caller (see cart-totals.ts).
 * - A fixed amount never exceeds the subtotal: the goods cannot cost less than nothing.
 */

export const couponKinds = ['percentage', 'fixed'] as const;
export type CouponKind = (typeof couponKinds)[number];

/** Trim and upper-case: the one form coupon codes are stored and compared in. */
export const normalizeCouponCode = (code: string): string => code.trim().toUpperCase();

export const couponCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .min(3, 'Coupon code must be at least 3 characters')
  .max(32, 'Coupon code must be at most 32 characters')
  .regex(/^[A-Z0-9]+(?:[-_][A-Z0-9]+)*$/, 'Coupon code may contain only A-Z, 0-9 and single - or _');

const epochMs = z.number().int('Time must be whole epoch milliseconds').min(0);
const limit = z
  .number()
  .int('Limit must be a whole number')
  .min(1, 'Limit must be at least 1')
  .max(INT_COLUMN_MAX, 'Limit is too large');

/**
 * A coupon definition. Optional fields may be absent or null (database rows carry nulls).
 * Refinements (each with a field code): percentage needs `percentBasisPoints` and fixed needs
 * `amountMinor` (COUPON_VALUE_REQUIRED), not the other kind's field (COUPON_VALUE_NOT_ALLOWED);
 * a fixed amount or minimum spend needs the `currency` it is in (COUPON_CURRENCY_REQUIRED);
 * `endsAt` must come after `startsAt` (COUPON_WINDOW_INVERTED).
 */
export const couponSchema = z
  .strictObject({
    code: couponCodeSchema,
    kind: z.enum(couponKinds),
    /** 1..10000 (0.01% .. 100%). */
    percentBasisPoints: z
      .number()
      .int('Percentage must be whole basis points (10% = 1000)')
      .min(1, 'Percentage must be at least 0.01%')
      .max(10_000, 'Percentage cannot exceed 100%')
      .nullish(),
    /** Fixed amount off, in minor units of `currency`. 0 is allowed for a free-shipping-only coupon. */
    amountMinor: storedMinorSchema.nullish(),
    currency: currencySchema.nullish(),
    minimumSpendMinor: storedMinorSchema.nullish(),
    startsAt: epochMs.nullish(),
    endsAt: epochMs.nullish(),
    usageLimitTotal: limit.nullish(),
    usageLimitPerCustomer: limit.nullish(),
    freeShipping: z.boolean().nullish(),
  })
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string, code: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message, params: { code } });
    if (c.kind === 'percentage') {
      if (c.percentBasisPoints == null)
        issue('percentBasisPoints', 'A percentage coupon needs percentBasisPoints', 'COUPON_VALUE_REQUIRED');
      if (c.amountMinor != null)
        issue('amountMinor', 'A percentage coupon has no amountMinor', 'COUPON_VALUE_NOT_ALLOWED');
    } else {
      if (c.amountMinor == null)
        issue('amountMinor', 'A fixed coupon needs amountMinor', 'COUPON_VALUE_REQUIRED');
      if (c.percentBasisPoints != null)
        issue('percentBasisPoints', 'A fixed coupon has no percentBasisPoints', 'COUPON_VALUE_NOT_ALLOWED');
    }
    if (c.currency == null && (c.kind === 'fixed' || c.minimumSpendMinor != null)) {
      issue('currency', 'A fixed amount or minimum spend needs a currency', 'COUPON_CURRENCY_REQUIRED');
    }
    if (c.startsAt != null && c.endsAt != null && c.endsAt <= c.startsAt) {
      issue('endsAt', 'endsAt must be after startsAt', 'COUPON_WINDOW_INVERTED');
    }
  });

export type Coupon = z.output<typeof couponSchema>;

export const couponRejectionCodes = [
  'COUPON_NOT_STARTED',
  'COUPON_EXPIRED',
  'COUPON_CURRENCY_MISMATCH',
  'COUPON_USAGE_LIMIT_REACHED',
  'COUPON_REQUIRES_ACCOUNT',
  'COUPON_CUSTOMER_LIMIT_REACHED',
  'COUPON_MINIMUM_SPEND_NOT_MET',
] as const;
export type CouponRejectionCode = (typeof couponRejectionCodes)[number];

export interface CouponRejection {
  code: CouponRejectionCode;
  /** For COUPON_MINIMUM_SPEND_NOT_MET: how much more the shopper must spend ("add 12.50 more"). */
  shortByMinor?: number;
}

/** Redemptions already recorded, not counting the cart being priced. */
export interface CouponUsage {
  total: number;
  byCustomer: number;
}

export interface CouponContext {
  /** Gross goods subtotal before discount, minor units. */
  subtotalMinor: number;
  currency: Currency;
  /** Epoch ms, passed in: pure rules never read the clock. */
  now: number;
  /** Missing usage counts as none; the server must pass real counts and re-check in its transaction. */
  usage?: CouponUsage | null;
  customerId?: string | null;
}

export interface CouponEffect {
  /** Order-level discount on the goods, 0..subtotalMinor. */
  discountMinor: number;
  /** Whether standard shipping becomes free (see shipping-rates.ts). */
  freeShipping: boolean;
}

/** round(amount * bp / 10000), halves rounded up, exact for any safe integers. */
const percentOf = (amountMinor: number, basisPoints: number): number =>
  Number((BigInt(amountMinor) * BigInt(basisPoints) * 2n + 10_000n) / 20_000n);

/**
 * Decides whether a coupon applies and what it is worth. Checks run in a fixed order so the
 * reason given is stable: validity window, currency, total limit, account, per-customer limit,
 * and minimum spend last (the one the shopper can fix by adding to the cart).
 */
export const evaluateCoupon = (
  coupon: Coupon,
  context: CouponContext,
): Result<CouponEffect, CouponRejection> => {
  const { subtotalMinor, currency, now } = context;
  const usage = context.usage ?? { total: 0, byCustomer: 0 };
  const customerId = context.customerId ?? null;
  const reject = (code: CouponRejectionCode) => err({ code });

  if (coupon.startsAt != null && now < coupon.startsAt) return reject('COUPON_NOT_STARTED');
  if (coupon.endsAt != null && now >= coupon.endsAt) return reject('COUPON_EXPIRED');
  if (coupon.currency != null && coupon.currency !== currency) return reject('COUPON_CURRENCY_MISMATCH');
  if (coupon.usageLimitTotal != null && usage.total >= coupon.usageLimitTotal) {
    return reject('COUPON_USAGE_LIMIT_REACHED');
  }
  if (coupon.usageLimitPerCustomer != null) {
    // A guest cannot be counted, so a per-customer limit can only be honoured for an account.
    if (customerId === null) return reject('COUPON_REQUIRES_ACCOUNT');
    if (usage.byCustomer >= coupon.usageLimitPerCustomer) return reject('COUPON_CUSTOMER_LIMIT_REACHED');
  }
  if (coupon.minimumSpendMinor != null && subtotalMinor < coupon.minimumSpendMinor) {
    return err({
      code: 'COUPON_MINIMUM_SPEND_NOT_MET',
      shortByMinor: coupon.minimumSpendMinor - subtotalMinor,
    });
  }

  const raw =
    coupon.kind === 'percentage'
      ? percentOf(subtotalMinor, coupon.percentBasisPoints ?? 0)
      : (coupon.amountMinor ?? 0);
  return ok({ discountMinor: Math.min(raw, subtotalMinor), freeShipping: coupon.freeShipping === true });
};
