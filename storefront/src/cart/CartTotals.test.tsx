import type { CartView } from '@shoebox/shared/store';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CartTotals } from './CartTotals.tsx';

type Totals = CartView['totals'];
const standard = {
  methodId: 'house-standard',
  name: 'Standard',
  service: 'standard',
  zone: 'domestic',
  currency: 'EUR' as const,
  etaDays: { min: 2, max: 3 },
  priceMinor: 495,
  tablePriceMinor: 495,
  freeOverMinor: null,
};
const totals = (over: Partial<Totals>): Totals => ({
  currency: 'EUR',
  lines: [],
  subtotalMinor: 25990,
  discountMinor: 0,
  shippingMinor: 0,
  taxMinor: 4860,
  totalMinor: 25990,
  taxCountry: 'IE',
  taxRateBasisPoints: 2300,
  weightGrams: 1200,
  coupon: null,
  shipping: null,
  shippingIssue: null,
  availableShipping: [],
  ...over,
});

const row = (term: string) => screen.getByText(term).nextElementSibling?.textContent;

afterEach(cleanup);

describe('CartTotals', () => {
  it('shows subtotal and total, and delivery as chosen at checkout before an address', () => {
    render(<CartTotals totals={totals({})} />);
    expect(row('Subtotal')).toBe('€259.90');
    expect(row('Delivery')).toBe('Chosen at checkout');
    expect(screen.getByTestId('cart-total').textContent).toBe('€259.90');
    expect(row('Including VAT')).toBe('€48.60');
    expect(screen.queryByText(/Discount/)).toBeNull();
  });

  it('shows the coupon discount and the delivery price in the total', () => {
    const coupon = { code: 'SPRING10', applied: true, freeShipping: false };
    render(
      <CartTotals
        totals={totals({
          discountMinor: 2599,
          coupon,
          shipping: standard,
          shippingMinor: 495,
          totalMinor: 23886,
        })}
      />,
    );
    expect(row('Discount (SPRING10)')).toBe('−€25.99');
    expect(row('Delivery')).toBe('€4.95');
    expect(screen.getByTestId('cart-total').textContent).toBe('€238.86');
  });

  it('says free delivery and why a coupon does not apply', () => {
    const coupon = {
      code: 'BIG50',
      applied: false,
      reason: 'COUPON_MINIMUM_SPEND_NOT_MET',
      shortByMinor: 4010,
      freeShipping: false,
    };
    render(<CartTotals totals={totals({ coupon, shipping: { ...standard, priceMinor: 0 } })} />);
    expect(row('Delivery')).toBe('Free');
    expect(screen.getByText(/Code BIG50/).textContent).toBe(
      'Code BIG50 needs a larger order: add €40.10 more.',
    );
  });
});
