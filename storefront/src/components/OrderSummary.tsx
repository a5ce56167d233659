import type { CustomerOrderDetail } from '@shoebox/shared/store';
import { money } from '../app/format.ts';

/** An order's status, lines and totals, as the confirmation and the account's order page show them. */
export function OrderSummary({ order, totalLabel }: { order: CustomerOrderDetail; totalLabel: string }) {
  return (
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
        <dt className="total">{totalLabel}</dt>
        <dd className="total">{money(order.totals.totalMinor, order.currency)}</dd>
      </dl>
    </>
  );
}
