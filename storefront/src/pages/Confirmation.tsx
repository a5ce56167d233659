import type { CustomerOrderDetail } from '@shoebox/shared/store';
import { api } from '../app/api.ts';
import { useMeta } from '../app/meta.ts';
import { Link } from '../app/router.tsx';
import { useFetch } from '../app/use-fetch.ts';
import { OrderSummary } from '../components/OrderSummary.tsx';
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
          <OrderSummary order={order} totalLabel="Total paid" />
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
