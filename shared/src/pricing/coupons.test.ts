import { describe, expect, it } from 'vitest';
import {
  type Coupon,
  type CouponContext,
  couponSchema,
  evaluateCoupon,
  normalizeCouponCode,
} from './coupons.ts';

const NOW = Date.UTC(2025, 5, 15, 12);
const DAY = 86_400_000;

const percent = (bp: number, extra: Partial<Coupon> = {}): Coupon => ({
  code: 'SPRING10',
  kind: 'percentage',
  percentBasisPoints: bp,
  ...extra,
});
const fixed = (amountMinor: number, extra: Partial<Coupon> = {}): Coupon => ({
  code: 'TENOFF',
  kind: 'fixed',
  amountMinor,
  currency: 'EUR',
  ...extra,
});
const context = (extra: Partial<CouponContext> = {}): CouponContext => ({
  subtotalMinor: 30_890,
  currency: 'EUR',
  now: NOW,
  usage: { total: 0, byCustomer: 0 },
  customerId: 'c-1',
  ...extra,
});

describe('evaluateCoupon: value', () => {
  it.each([
    // 30890 * 10% = 3089.0
    [percent(1000), 30_890, 3089],
    // 12345 * 10% = 1234.5 -> half up -> 1235
    [percent(1000), 12_345, 1235],
    // 12345 * 12.5% = 1543.125 -> 1543
    [percent(1250), 12_345, 1543],
    // 12990 * 15% = 1948.5 -> 1949
    [percent(1500), 12_990, 1949],
    // 1 * 0.01% = 0.0001 -> 0
    [percent(1), 1, 0],
    [percent(10_000), 12_345, 12_345],
    [fixed(1000), 30_890, 1000],
    // A fixed amount larger than the goods is capped at the subtotal.
    [fixed(5000), 4200, 4200],
    [fixed(0, { freeShipping: true }), 4200, 0],
  ])('%j on %i gives %i off', (coupon, subtotalMinor, discountMinor) => {
    const result = evaluateCoupon(coupon, context({ subtotalMinor }));
    expect(result).toEqual({
      ok: true,
      value: { discountMinor, freeShipping: coupon.freeShipping === true },
    });
  });

  it('reports free shipping', () => {
    expect(evaluateCoupon(percent(500, { freeShipping: true }), context())).toEqual({
      ok: true,
      value: { discountMinor: 1545, freeShipping: true },
    });
  });

  it('treats missing usage and null fields as unlimited', () => {
    const coupon = percent(1000, {
      startsAt: null,
      endsAt: null,
      usageLimitTotal: null,
      minimumSpendMinor: null,
    });
    expect(evaluateCoupon(coupon, { subtotalMinor: 1000, currency: 'EUR', now: NOW }).ok).toBe(true);
  });
});

describe('evaluateCoupon: rejections', () => {
  it.each([
    ['COUPON_NOT_STARTED', percent(1000, { startsAt: NOW + 1 }), context()],
    ['COUPON_EXPIRED', percent(1000, { endsAt: NOW }), context()],
    ['COUPON_EXPIRED', percent(1000, { startsAt: NOW - 2 * DAY, endsAt: NOW - DAY }), context()],
    ['COUPON_CURRENCY_MISMATCH', fixed(1000), context({ currency: 'GBP' })],
    ['COUPON_CURRENCY_MISMATCH', percent(1000, { currency: 'USD' }), context()],
    [
      'COUPON_USAGE_LIMIT_REACHED',
      percent(1000, { usageLimitTotal: 100 }),
      context({ usage: { total: 100, byCustomer: 0 } }),
    ],
    ['COUPON_REQUIRES_ACCOUNT', percent(1000, { usageLimitPerCustomer: 1 }), context({ customerId: null })],
    [
      'COUPON_CUSTOMER_LIMIT_REACHED',
      percent(1000, { usageLimitPerCustomer: 2 }),
      context({ usage: { total: 5, byCustomer: 2 } }),
    ],
  ] as const)('%s', (code, coupon, ctx) => {
    expect(evaluateCoupon(coupon, ctx)).toEqual({ ok: false, error: { code } });
  });

  it('COUPON_MINIMUM_SPEND_NOT_MET says how much is missing', () => {
    const coupon = fixed(2000, { minimumSpendMinor: 10_000 });
    expect(evaluateCoupon(coupon, context({ subtotalMinor: 8995 }))).toEqual({
      ok: false,
      error: { code: 'COUPON_MINIMUM_SPEND_NOT_MET', shortByMinor: 1005 },
    });
  });

  it('window is half-open: usable from startsAt, no longer at endsAt', () => {
    const coupon = percent(1000, { startsAt: NOW, endsAt: NOW + DAY });
    expect(evaluateCoupon(coupon, context({ now: NOW })).ok).toBe(true);
    expect(evaluateCoupon(coupon, context({ now: NOW + DAY - 1 })).ok).toBe(true);
    expect(evaluateCoupon(coupon, context({ now: NOW - 1 }))).toEqual({
      ok: false,
      error: { code: 'COUPON_NOT_STARTED' },
    });
    expect(evaluateCoupon(coupon, context({ now: NOW + DAY }))).toEqual({
      ok: false,
      error: { code: 'COUPON_EXPIRED' },
    });
  });

  it('limits allow use below them', () => {
    const coupon = percent(1000, { usageLimitTotal: 100, usageLimitPerCustomer: 2 });
    expect(evaluateCoupon(coupon, context({ usage: { total: 99, byCustomer: 1 } })).ok).toBe(true);
  });

  it('minimum spend is met at exactly the amount, compared before the discount', () => {
    const coupon = fixed(2000, { minimumSpendMinor: 10_000 });
    expect(evaluateCoupon(coupon, context({ subtotalMinor: 10_000 }))).toEqual({
      ok: true,
      value: { discountMinor: 2000, freeShipping: false },
    });
  });

  it('reports the first failing check in a fixed order, minimum spend last', () => {
    const everything = fixed(2000, {
      startsAt: NOW - DAY,
      endsAt: NOW + DAY,
      minimumSpendMinor: 50_000,
      usageLimitTotal: 1,
      usageLimitPerCustomer: 1,
    });
    const code = (c: Coupon, ctx: CouponContext) => {
      const r = evaluateCoupon(c, ctx);
      return r.ok ? null : r.error.code;
    };
    const used = { total: 1, byCustomer: 1 };
    expect(code({ ...everything, endsAt: NOW }, context({ currency: 'GBP', usage: used }))).toBe(
      'COUPON_EXPIRED',
    );
    expect(code(everything, context({ currency: 'GBP', usage: used }))).toBe('COUPON_CURRENCY_MISMATCH');
    expect(code(everything, context({ usage: used, customerId: null }))).toBe('COUPON_USAGE_LIMIT_REACHED');
    expect(code(everything, context({ usage: { total: 0, byCustomer: 1 }, customerId: null }))).toBe(
      'COUPON_REQUIRES_ACCOUNT',
    );
    expect(code(everything, context({ usage: { total: 0, byCustomer: 1 } }))).toBe(
      'COUPON_CUSTOMER_LIMIT_REACHED',
    );
    expect(code(everything, context({ usage: { total: 0, byCustomer: 0 } }))).toBe(
      'COUPON_MINIMUM_SPEND_NOT_MET',
    );
  });
});

describe('couponSchema', () => {
  const issueCodes = (input: unknown) => {
    const parsed = couponSchema.safeParse(input);
    if (parsed.success) return [];
    return parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      code: (issue as { params?: { code?: string } }).params?.code ?? issue.code,
    }));
  };

  it('normalises the code to upper case', () => {
    const parsed = couponSchema.parse({ code: ' spring-10 ', kind: 'percentage', percentBasisPoints: 1000 });
    expect(parsed.code).toBe('SPRING-10');
    expect(normalizeCouponCode(' spring-10 ')).toBe('SPRING-10');
  });

  it('refuses amounts and limits larger than their stored columns hold', () => {
    const fixed = { code: 'BIG', kind: 'fixed', amountMinor: 2000, currency: 'EUR' };
    expect(issueCodes({ ...fixed, amountMinor: 2_147_483_648 }).map((i) => i.path)).toEqual(['amountMinor']);
    expect(issueCodes({ ...fixed, minimumSpendMinor: 6_748_263_772 }).map((i) => i.path)).toEqual([
      'minimumSpendMinor',
    ]);
    expect(issueCodes({ ...fixed, usageLimitTotal: 2_147_483_648 }).map((i) => i.path)).toEqual([
      'usageLimitTotal',
    ]);
    expect(issueCodes({ ...fixed, amountMinor: 2_147_483_647, usageLimitTotal: 2_147_483_647 })).toEqual([]);
  });

  it('accepts full definitions and nulls for absent fields', () => {
    const full = {
      code: 'WELCOME20',
      kind: 'fixed',
      amountMinor: 2000,
      currency: 'EUR',
      minimumSpendMinor: 10_000,
      startsAt: NOW,
      endsAt: NOW + DAY,
      usageLimitTotal: 500,
      usageLimitPerCustomer: 1,
      freeShipping: true,
    };
    expect(couponSchema.safeParse(full).success).toBe(true);
    const sparse = {
      ...full,
      kind: 'percentage',
      percentBasisPoints: 1000,
      amountMinor: null,
      currency: null,
    };
    expect(couponSchema.safeParse({ ...sparse, minimumSpendMinor: null }).success).toBe(true);
  });

  it.each([
    [{ code: 'X10', kind: 'percentage' }, 'percentBasisPoints', 'COUPON_VALUE_REQUIRED'],
    [{ code: 'X10', kind: 'fixed', currency: 'EUR' }, 'amountMinor', 'COUPON_VALUE_REQUIRED'],
    [
      { code: 'X10', kind: 'percentage', percentBasisPoints: 1000, amountMinor: 5 },
      'amountMinor',
      'COUPON_VALUE_NOT_ALLOWED',
    ],
    [
      { code: 'X10', kind: 'fixed', amountMinor: 500, currency: 'EUR', percentBasisPoints: 1000 },
      'percentBasisPoints',
      'COUPON_VALUE_NOT_ALLOWED',
    ],
    [{ code: 'X10', kind: 'fixed', amountMinor: 500 }, 'currency', 'COUPON_CURRENCY_REQUIRED'],
    [
      { code: 'X10', kind: 'percentage', percentBasisPoints: 1000, minimumSpendMinor: 5000 },
      'currency',
      'COUPON_CURRENCY_REQUIRED',
    ],
    [
      { code: 'X10', kind: 'percentage', percentBasisPoints: 1000, startsAt: NOW, endsAt: NOW },
      'endsAt',
      'COUPON_WINDOW_INVERTED',
    ],
  ])('refuses %j at %s with %s', (input, path, code) => {
    expect(issueCodes(input)).toEqual([{ path, code }]);
  });

  it.each([
    [{ code: 'X10', kind: 'percentage', percentBasisPoints: 0 }],
    [{ code: 'X10', kind: 'percentage', percentBasisPoints: 10_001 }],
    [{ code: 'X10', kind: 'percentage', percentBasisPoints: 10.5 }],
    [{ code: 'X10', kind: 'fixed', amountMinor: -1, currency: 'EUR' }],
    [{ code: 'X10', kind: 'fixed', amountMinor: 1.5, currency: 'EUR' }],
    [{ code: 'X', kind: 'percentage', percentBasisPoints: 1000 }],
    [{ code: 'TEN OFF', kind: 'percentage', percentBasisPoints: 1000 }],
    [{ code: 'X10', kind: 'bogo', percentBasisPoints: 1000 }],
    [{ code: 'X10', kind: 'percentage', percentBasisPoints: 1000, usageLimitTotal: 0 }],
    [{ code: 'X10', kind: 'percentage', percentBasisPoints: 1000, stackable: true }],
  ])('rejects %j', (input) => {
    expect(couponSchema.safeParse(input).success).toBe(false);
  });
});
