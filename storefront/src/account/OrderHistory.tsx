/** The shopper's orders, newest first, each linking to its detail page. */
import { money } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useFetch } from '../app/use-fetch.ts';
import { accountApi, authed } from './session.ts';

export function OrderHistory() {
  const { data, error } = useFetch('account:orders', () =>
    authed(() => accountApi.orders.list({ pageSize: 20 })),
  );
  return (
    <section aria-labelledby="orders-title" className="account-section">
      <h2 id="orders-title">Orders</h2>
      {error && <p className="field-error">{error}</p>}
      {data && data.items.length === 0 && <p className="muted">No orders yet.</p>}
      <ul className="orders">
        {data?.items.map((o) => (
          <li key={o.number} className="line">
            <div>
              <Link href={`/account/orders/${o.number}`}>{o.number}</Link>
              <span className="muted">
                {new Date(o.placedAt).toLocaleDateString('en-IE')} · {o.itemCount}{' '}
                {o.itemCount === 1 ? 'pair' : 'pairs'} · {o.status.replace('_', ' ')}
              </span>
            </div>
            <span className="price">{money(o.totalMinor, o.currency)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
