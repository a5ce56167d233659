import { describe, expect, it } from 'vitest';
import { type CartPricingInput, computeCartTotals, validateCartPricingInput } from './cart-totals.ts';
import { boot, cart, pump } from './cart-totals.fixtures.ts';
import { houseCarrierMethods } from './shipping-rates.ts';

describe('validateCartPricingInput', () => {
  const codes = (input: CartPricingInput) => {
    const result = validateCartPricingInput(input);
    return result.ok ? [] : result.error.map((e) => [e.code, e.path]);
  };

  it('accepts a valid cart and returns it', () => {
    const input = cart({ lines: [pump, boot] });
    expect(validateCartPricingInput(input)).toEqual({ ok: true, value: input });
  });

  it.each([
    [
      'zero quantity',
      cart({ lines: [{ ...pump, quantity: 0 }] }),
      [['CART_INVALID_QUANTITY', 'lines.0.quantity']],
    ],
    [
      'negative quantity',
      cart({ lines: [{ ...pump, quantity: -1 }] }),
      [['CART_INVALID_QUANTITY', 'lines.0.quantity']],
    ],
    [
      'fractional quantity',
      cart({ lines: [{ ...pump, quantity: 1.5 }] }),
      [['CART_INVALID_QUANTITY', 'lines.0.quantity']],
    ],
    [
      'negative price',
      cart({ lines: [{ ...pump, unitPriceMinor: -1 }] }),
      [['CART_INVALID_PRICE', 'lines.0.unitPriceMinor']],
    ],
    [
      'fractional price',
      cart({ lines: [{ ...pump, unitPriceMinor: 89.95 }] }),
      [['CART_INVALID_PRICE', 'lines.0.unitPriceMinor']],
    ],
    [
      'negative compare-at price',
      cart({ lines: [{ ...pump, compareAtMinor: -5 }] }),
      [['CART_INVALID_PRICE', 'lines.0.compareAtMinor']],
    ],
    [
      'negative weight',
      cart({ lines: [{ ...pump, weightGrams: -1 }] }),
      [['CART_INVALID_WEIGHT', 'lines.0.weightGrams']],
    ],
    [
      'line in another currency',
      cart({ lines: [pump, { ...boot, currency: 'GBP' }] }),
      [['CART_CURRENCY_MISMATCH', 'lines.1.currency']],
    ],
    ['unsupported currency', cart({ currency: 'JPY' as 'EUR' }), [['CART_INVALID_CURRENCY', 'currency']]],
    [
      'amount too large',
      cart({ lines: [{ ...pump, quantity: 100_000, unitPriceMinor: 10_000_000 }] }),
      [['CART_AMOUNT_TOO_LARGE', 'lines.0']],
    ],
    [
      'cart total too large',
      cart({ lines: [1, 2, 3].map(() => ({ ...pump, quantity: 1000, unitPriceMinor: 4_000_000 })) }),
      [['CART_AMOUNT_TOO_LARGE', 'lines']],
    ],
    [
      'bad country',
      cart({ destination: { country: 'Ireland' } }),
      [['CART_INVALID_COUNTRY', 'destination.country']],
    ],
    ['bad clock', cart({ now: Number.NaN }), [['CART_INVALID_TIME', 'now']]],
    [
      'invalid coupon',
      cart({ coupon: { code: 'X10', kind: 'percentage' } }),
      [['CART_INVALID_COUPON', 'coupon']],
    ],
    [
      'negative usage',
      cart({ couponUsage: { total: -1, byCustomer: 0 } }),
      [['CART_INVALID_COUPON_USAGE', 'couponUsage']],
    ],
    [
      'default country without a rate',
      cart({ defaultCountry: 'JP' }),
      [['CART_INVALID_TAX_CONFIG', 'defaultCountry']],
    ],
    ['bad rates', cart({ taxRates: { IE: 23.5 } }), [['CART_INVALID_TAX_CONFIG', 'taxRates']]],
    [
      'bad shipping config',
      cart({ shippingMethods: [houseCarrierMethods[0]!, houseCarrierMethods[0]!] }),
      [['CART_INVALID_SHIPPING_CONFIG', 'shippingMethods']],
    ],
  ])('refuses %s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('reports every problem at once', () => {
    const input = cart({
      lines: [
        { ...pump, quantity: 0 },
        { ...boot, unitPriceMinor: -1 },
      ],
      now: -1,
    });
    expect(codes(input)).toEqual([
      ['CART_INVALID_QUANTITY', 'lines.0.quantity'],
      ['CART_INVALID_PRICE', 'lines.1.unitPriceMinor'],
      ['CART_INVALID_TIME', 'now'],
    ]);
  });

  it('computeCartTotals throws RangeError with the errors as cause', () => {
    const input = cart({ lines: [{ ...pump, quantity: 0 }] });
    expect(() => computeCartTotals(input)).toThrow(RangeError);
    try {
      computeCartTotals(input);
    } catch (error) {
      expect((error as Error).message).toBe(
        'Invalid cart pricing input: lines.0.quantity: CART_INVALID_QUANTITY',
      );
      expect((error as Error).cause).toEqual([
        { code: 'CART_INVALID_QUANTITY', path: 'lines.0.quantity', message: expect.any(String) },
      ]);
    }
  });
});
