import { describe, expect, it } from 'vitest';
import { computeCartTotals } from './cart-totals.ts';
import { cart, line, percent, pump } from './cart-totals.fixtures.ts';

describe('computeCartTotals: shipping selection', () => {
  it('quotes nothing and selects nothing without a destination', () => {
    const totals = computeCartTotals(cart({ lines: [pump] }));
    expect(totals.availableShipping).toEqual([]);
    expect(totals.shipping).toBeNull();
    expect(totals.shippingIssue).toBeNull();
  });

  it('flags a chosen method without a destination', () => {
    const totals = computeCartTotals(cart({ lines: [pump], shippingMethodId: 'house-standard' }));
    expect(totals.shippingIssue).toBe('SHIPPING_DESTINATION_REQUIRED');
    expect(totals.shippingMinor).toBe(0);
  });

  it('flags an unknown method or one the parcel is too heavy for', () => {
    const heavy = line('H-1', 10, 5000, 1000); // 10000 + 300 + 900 = 11200 g: over express's 10 kg
    const input = cart({ lines: [heavy], destination: { country: 'IE' } });
    const express = computeCartTotals({ ...input, shippingMethodId: 'house-express' });
    expect(express.weightGrams).toBe(11_200);
    expect(express.shipping).toBeNull();
    expect(express.shippingIssue).toBe('SHIPPING_METHOD_UNAVAILABLE');
    expect(express.availableShipping.map((q) => q.methodId)).toEqual(['house-standard']);
    expect(computeCartTotals({ ...input, shippingMethodId: 'pigeon' }).shippingIssue).toBe(
      'SHIPPING_METHOD_UNAVAILABLE',
    );
  });

  it('offers no methods priced in another currency', () => {
    const totals = computeCartTotals(
      cart({
        lines: [pump],
        currency: 'GBP',
        destination: { country: 'GB' },
        shippingMethodId: 'house-standard',
      }),
    );
    expect(totals.availableShipping).toEqual([]);
    expect(totals.shippingIssue).toBe('SHIPPING_METHOD_UNAVAILABLE');
  });

  it('an empty cart costs nothing and ships nothing', () => {
    const totals = computeCartTotals(cart({ destination: { country: 'IE' }, coupon: percent('TEN', 1000) }));
    expect(totals).toMatchObject({
      lines: [],
      subtotalMinor: 0,
      discountMinor: 0,
      shippingMinor: 0,
      taxMinor: 0,
      totalMinor: 0,
      weightGrams: 0,
      availableShipping: [],
      coupon: { code: 'TEN', applied: true },
    });
  });
});
