/** `/account/orders/:number`: one of the signed-in shopper's orders, with its timeline. */
import { accountApi, authed } from '../account/session.ts';
import { money } from '../app/format.ts';
import { useMeta } from '../app/meta.ts';
import { Link } from '../app/router.tsx';
import { useFetch } from '../app/use-fetch.ts';

const said: Record<string, string> = {
  placed: 'Placed',
  paid: 'Paid',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
};

export default function AccountOrder({ number }: { number: string }) {
  useMeta({ title: `Order ${number}`, canonicalPath: `/account/orders/${number}`, noindex: true });
  const { data: order, error } = useFetch(`account:order:${number}`, () =>
    authed(() => accountApi.orders.get(number)),
  );
  return (
    <div className="narrow account">
      <p className="crumbs">
        <Link href="/account">Your account</Link>
      </p>
      <h1>Order {number}</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!order && !error && <p className="loading">Loading…</p>}
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
            <dt className="total">Total</dt>
            <dd className="total">{money(order.totals.totalMinor, order.currency)}</dd>
          </dl>
          <h2>Delivery</h2>
          <p>
            {order.shippingAddress.name}, {order.shippingAddress.line1}, {order.shippingAddress.postalCode}{' '}
            {order.shippingAddress.city}
          </p>
          <h2>History</h2>
          <ol className="timeline">
            {order.timeline.map((e) => (
              <li key={`${e.type}-${e.at}`}>
                {said[e.type] ?? e.type} · {new Date(e.at).toLocaleString('en-IE')}
                {e.amountMinor !== undefined && ` · ${money(e.amountMinor, order.currency)}`}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
