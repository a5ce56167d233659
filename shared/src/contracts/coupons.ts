import { z } from 'zod';
import { couponKinds, couponSchema } from '../pricing/coupons.ts';
import { pageOf, pageQuery } from './common.ts';

/**
 * Admin coupons. A coupon is the shared `couponSchema` (codes trimmed and upper-cased, unique)
 * plus `active`: a deactivated coupon can no longer be put on a cart. Times are epoch ms, as in
 * the shared pricing rules. `timesUsed` counts checkouts that redeemed it.
 */
export const createCouponBody = couponSchema.safeExtend({ active: z.boolean().default(true) });
export type CreateCouponBody = z.output<typeof createCouponBody>;

const fields = couponSchema.shape;
/** Any subset of the fields; the coupon after the change is validated again with `couponSchema`. */
export const updateCouponBody = z.strictObject({
  code: fields.code.optional(),
  kind: fields.kind.optional(),
  percentBasisPoints: fields.percentBasisPoints,
  amountMinor: fields.amountMinor,
  currency: fields.currency,
  minimumSpendMinor: fields.minimumSpendMinor,
  startsAt: fields.startsAt,
  endsAt: fields.endsAt,
  usageLimitTotal: fields.usageLimitTotal,
  usageLimitPerCustomer: fields.usageLimitPerCustomer,
  freeShipping: fields.freeShipping,
  active: z.boolean().optional(),
});
export type UpdateCouponBody = z.output<typeof updateCouponBody>;

export const listCouponsQuery = z.strictObject({
  ...pageQuery,
  /** Part of a code. */
  q: z.string().trim().min(1).max(64).optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const adminCoupon = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: z.enum(couponKinds),
  percentBasisPoints: z.number().int().nullable(),
  amountMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  minimumSpendMinor: z.number().int().nullable(),
  startsAt: z.number().int().nullable(),
  endsAt: z.number().int().nullable(),
  usageLimitTotal: z.number().int().nullable(),
  usageLimitPerCustomer: z.number().int().nullable(),
  freeShipping: z.boolean(),
  active: z.boolean(),
  timesUsed: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminCoupon = z.output<typeof adminCoupon>;
export const adminCouponPage = pageOf(adminCoupon);
