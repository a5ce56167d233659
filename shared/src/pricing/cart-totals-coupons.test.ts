import { describe, expect, it } from 'vitest';
import { computeCartTotals } from './cart-totals.ts';
import { cart, line, NOW, percent, pump } from './cart-totals.fixtures.ts';

describe('computeCartTotals: coupons', () => {
  it('a rejected coupon leaves the totals undiscounted and says why', () => {
    const totals = computeCartTotals(
      cart({
        lines: [line('D-1', 1, 8995, 900)],
        coupon: {
          code: 'twenty',
          kind: 'fixed',
          amountMinor: 2000,
          currency: 'EUR',
          minimumSpendMinor: 10_000,
        },
      }),
    );
    expect(totals.coupon).toEqual({
      code: 'TWENTY',
      applied: false,
      reason: 'COUPON_MINIMUM_SPEND_NOT_MET',
      shortByMinor: 1005,
      freeShipping: false,
    });
    expect(totals.discountMinor).toBe(0);
    expect(totals.totalMinor).toBe(8995);
    expect(totals.lines[0]!.discountMinor).toBe(0);
  });

  it.each([
    ['COUPON_NOT_STARTED', percent('SOON', 1000, { startsAt: NOW + 1 }), {}],
    ['COUPON_EXPIRED', percent('OLD', 1000, { endsAt: NOW }), {}],
    ['COUPON_CURRENCY_MISMATCH', percent('POUNDS', 1000, { currency: 'GBP' }), {}],
    [
      'COUPON_USAGE_LIMIT_REACHED',
      percent('GONE', 1000, { usageLimitTotal: 3 }),
      { couponUsage: { total: 3, byCustomer: 0 } },
    ],
    ['COUPON_REQUIRES_ACCOUNT', percent('ONCE', 1000, { usageLimitPerCustomer: 1 }), { customerId: null }],
    [
      'COUPON_CUSTOMER_LIMIT_REACHED',
      percent('ONCE', 1000, { usageLimitPerCustomer: 1 }),
      { customerId: 'c-1', couponUsage: { total: 1, byCustomer: 1 } },
    ],
  ] as const)('%s comes back unapplied with the reason', (reason, coupon, extra) => {
    const totals = computeCartTotals(cart({ lines: [pump], coupon, ...extra }));
    expect(totals.coupon).toEqual({ code: coupon.code, applied: false, reason, freeShipping: false });
    expect(totals.discountMinor).toBe(0);
    expect(totals.totalMinor).toBe(17_990);
  });

  it('a free-shipping coupon waives standard shipping abroad but not express', () => {
    const input = cart({
      lines: [line('D-1', 1, 8995, 900)],
      coupon: { code: 'SHIPFREE', kind: 'fixed', amountMinor: 0, currency: 'EUR', freeShipping: true },
      destination: { country: 'FR' },
    });
    const standard = computeCartTotals({ ...input, shippingMethodId: 'house-standard' });
    expect(standard.coupon).toEqual({ code: 'SHIPFREE', applied: true, freeShipping: true });
    expect(standard.shippingMinor).toBe(0);
    expect(standard.totalMinor).toBe(8995);
    const express = computeCartTotals({ ...input, shippingMethodId: 'house-express' });
    expect(express.shippingMinor).toBe(2495);
    expect(express.totalMinor).toBe(8995 + 2495);
  });

  it('the free-shipping threshold counts goods after the discount', () => {
    // 105.00 of goods, 10% off -> 94.50 < 100.00: domestic standard costs 5.95 (1200 g).
    const input = cart({
      lines: [line('G-1', 1, 10_500, 900)],
      destination: { country: 'IE' },
      shippingMethodId: 'house-standard',
    });
    expect(computeCartTotals(input).shippingMinor).toBe(0);
    expect(computeCartTotals({ ...input, coupon: percent('TEN', 1000) }).shippingMinor).toBe(595);
  });
});
