import { useEffect } from 'react';
import { useMeta } from '../app/meta.ts';
import { Link } from '../app/router.tsx';
import { CartLines } from '../cart/CartLines.tsx';
import { CartTotals } from '../cart/CartTotals.tsx';
import { CouponForm } from '../cart/CouponForm.tsx';
import { loadCart, useCart } from '../cart/cart-store.ts';
import { pendingOrder } from '../checkout/pending-order.ts';

export default function Cart() {
  useMeta({ title: 'Your bag', canonicalPath: '/cart', noindex: true });
  const { cart, loading } = useCart();
  useEffect(() => {
    loadCart(true).catch(() => undefined);
  }, []);
  if (!cart && loading) return <p className="loading">Loading…</p>;
  if (!cart || cart.lines.length === 0)
    return (
      <div className="narrow">
        <h1>Your bag is empty</h1>
        <p>
          Find your next pair: <Link href="/c/boots-booties">boots</Link>,{' '}
          <Link href="/c/sneakers">sneakers</Link> or <Link href="/">everything new</Link>.
        </p>
      </div>
    );
  // A declined card leaves the order waiting for payment: the bag is kept as it was, ready to pay again.
  const pending = cart.status === 'converted' ? pendingOrder.get(cart.id) : null;
  const editable = cart.status === 'open';
  const blocked = cart.lines.some((l) => l.available < l.quantity || !l.sellable);
  return (
    <div className="cart narrow">
      <h1>Your bag</h1>
      {pending && (
        <p className="notice" role="status">
          Order {pending.orderNumber} is waiting for payment. Your bag is kept as it was.
        </p>
      )}
      <CartLines cart={cart} editable={editable} />
      <CouponForm applied={cart.couponCode} disabled={!editable} />
      <CartTotals totals={cart.totals} />
      {blocked && editable && (
        <p className="field-error">Remove or change the sold-out sizes to check out.</p>
      )}
      {blocked && editable ? (
        <span className="button primary wide disabled" aria-disabled="true">
          Check out
        </span>
      ) : (
        <Link href="/checkout" className="button primary wide">
          {pending ? 'Pay for your order' : 'Check out'}
        </Link>
      )}
    </div>
  );
}
