/** `/account/orders/:number`: one of the signed-in shopper's orders, with its timeline. */
import { accountApi, authed } from '../account/session.ts';
import { money } from '../app/format.ts';
import { useMeta } from '../app/meta.ts';
import { Link } from '../app/router.tsx';
import { useFetch } from '../app/use-fetch.ts';
import { OrderSummary } from '../components/OrderSummary.tsx';

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
          <OrderSummary order={order} totalLabel="Total" />
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
