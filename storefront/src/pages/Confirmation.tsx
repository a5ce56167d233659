import type { CustomerOrderDetail } from '@shoebox/shared/store';
import { api } from '../app/api.ts';
import { money } from '../app/format.ts';
import { useMeta } from '../app/meta.ts';
import { Link } from '../app/router.tsx';
import { useFetch } from '../app/use-fetch.ts';
import { lastOrder } from '../checkout/pending-order.ts';

/** The order confirmation: what was bought, where it goes, the total (looked up with the order's e-mail). */
export default function Confirmation({ number }: { number: string }) {
  useMeta({ title: `Order ${number}`, canonicalPath: `/order/${number}`, noindex: true });
  const ref = lastOrder.get(number);
  const { data: order, error } = useFetch<CustomerOrderDetail | null>(number, () =>
    ref ? api.store.orders.lookup({ orderNumber: number, email: ref.email }) : Promise.resolve(null),
  );
  return (
    <div className="confirmation narrow">
      <h1>Thank you! Your order is placed</h1>
      <p className="order-number">
        Order number <strong>{number}</strong>
      </p>
      {ref && <p>A confirmation is on its way to {ref.email}.</p>}
      {error && <p className="muted">We could not load the order details just now ({error}).</p>}
      {order && (
        <>
          <p>
            Status: <strong>{order.status.replace('_', ' ')}</strong>
          </p>
          <ul className="lines">
            {order.lines.map((l) => (
              <li key={l.sku} className="line">
                <div>
                  <strong>{l.productName}</strong>
                  <span className="muted">
                    {l.colourName} · EU {l.sizeEu} · × {l.quantity}
                  </span>
                </div>
                <span className="price">{money(l.lineTotalMinor, order.currency)}</span>
              </li>
            ))}
          </ul>
          <dl className="totals">
            <dt>Delivery</dt>
            <dd>
              {order.totals.shippingMinor === 0 ? 'Free' : money(order.totals.shippingMinor, order.currency)}
            </dd>
            <dt className="total">Total paid</dt>
            <dd className="total">{money(order.totals.totalMinor, order.currency)}</dd>
          </dl>
          <p>
            Delivering to {order.shippingAddress.name}, {order.shippingAddress.line1},{' '}
            {order.shippingAddress.postalCode} {order.shippingAddress.city}
          </p>
        </>
      )}
      <Link href="/" className="button primary wide">
        Continue shopping
      </Link>
    </div>
  );
}
