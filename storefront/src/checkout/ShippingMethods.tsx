import type { CartView } from '@shoebox/shared/store';
import { money } from '../app/format.ts';

type Quote = CartView['totals']['availableShipping'][number];

/** Delivery options for the address, each with its price and delivery time. */
export function ShippingMethods(props: {
  quotes: Quote[];
  selected: string | null;
  busy: boolean;
  onSelect: (methodId: string) => void;
}) {
  const { quotes, selected, busy, onSelect } = props;
  if (quotes.length === 0) return <p className="field-error">We cannot deliver to this address yet.</p>;
  return (
    <fieldset className="methods">
      <legend>Delivery method</legend>
      {quotes.map((q) => (
        <label key={q.methodId} className="method">
          <input
            type="radio"
            name="shipping-method"
            value={q.methodId}
            checked={selected === q.methodId}
            disabled={busy}
            onChange={() => onSelect(q.methodId)}
          />
          <span>
            {q.name}
            <small className="muted">
              {' '}
              {q.etaDays.min}–{q.etaDays.max} working days
            </small>
          </span>
          <strong>{q.priceMinor === 0 ? 'Free' : money(q.priceMinor, q.currency)}</strong>
        </label>
      ))}
    </fieldset>
  );
}
