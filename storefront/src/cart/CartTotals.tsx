import type { CartView } from '@shoebox/shared/store';
import { money } from '../app/format.ts';

type Totals = CartView['totals'];

const couponReasons: Record<string, string> = {
  COUPON_MINIMUM_SPEND_NOT_MET: 'needs a larger order',
  COUPON_REQUIRES_ACCOUNT: 'needs you to sign in',
  COUPON_CUSTOMER_LIMIT_REACHED: 'has already been used on your account',
  COUPON_EXPIRED: 'has expired',
  COUPON_NOT_STARTED: 'is not valid yet',
  COUPON_USAGE_LIMIT_REACHED: 'has been used up',
};

/** The bag's sums as the API computed them (VAT included in prices). */
export function CartTotals({ totals }: { totals: Totals }) {
  const m = (minor: number) => money(minor, totals.currency);
  const coupon = totals.coupon;
  return (
    <dl className="totals">
      <dt>Subtotal</dt>
      <dd>{m(totals.subtotalMinor)}</dd>
      {totals.discountMinor > 0 && (
        <>
          <dt>Discount{coupon ? ` (${coupon.code})` : ''}</dt>
          <dd className="discount">−{m(totals.discountMinor)}</dd>
        </>
      )}
      {coupon && !coupon.applied && (
        <p className="field-error">
          Code {coupon.code} {couponReasons[coupon.reason ?? ''] ?? 'cannot be used on this bag'}
          {coupon.shortByMinor ? `: add ${m(coupon.shortByMinor)} more` : ''}.
        </p>
      )}
      <dt>Delivery</dt>
      <dd>
        {totals.shipping
          ? totals.shippingMinor === 0
            ? 'Free'
            : m(totals.shippingMinor)
          : 'Chosen at checkout'}
      </dd>
      <dt className="total">Total</dt>
      <dd className="total" data-testid="cart-total">
        {m(totals.totalMinor)}
      </dd>
      <dt className="muted small">Including VAT</dt>
      <dd className="muted small">{m(totals.taxMinor)}</dd>
    </dl>
  );
}
