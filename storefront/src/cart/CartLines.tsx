import type { CartView } from '@shoebox/shared/store';
import { MAX_CART_LINE_UNITS } from '@shoebox/shared/store';
import { useState } from 'react';
import { messageOf } from '../app/api.ts';
import { money } from '../app/format.ts';
import { removeLine, setLineQuantity } from './cart-store.ts';

/** The bag's lines; a line with fewer pairs left than wanted says so (a size that sold out meanwhile). */
export function CartLines({ cart, editable }: { cart: CartView; editable: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<unknown>) => {
    setError(null);
    action().catch((e: unknown) => setError(messageOf(e)));
  };
  return (
    <>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ul className="lines">
        {cart.lines.map((l) => {
          const short = l.available < l.quantity || !l.sellable;
          const max = Math.max(l.quantity, Math.min(MAX_CART_LINE_UNITS, l.available));
          return (
            <li key={l.variantId} className="line">
              <div>
                <strong>{l.productName}</strong>
                <span className="muted">
                  {l.colourName} · EU {l.sizeEu}
                  {l.width !== 'standard' ? ` · ${l.width.replace('_', ' ')}` : ''}
                </span>
                {short && (
                  <span className="field-error">
                    {l.available === 0 || !l.sellable ? 'Sold out in this size' : `Only ${l.available} left`}
                  </span>
                )}
              </div>
              <div className="line-actions">
                {editable ? (
                  <>
                    <label>
                      <span className="visually-hidden">Quantity of {l.productName}</span>
                      <select
                        value={l.quantity}
                        onChange={(e) => run(() => setLineQuantity(l.variantId, Number(e.target.value)))}
                      >
                        {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
                          <option key={n}>{n}</option>
                        ))}
                      </select>
                    </label>
                    <button type="button" className="link" onClick={() => run(() => removeLine(l.variantId))}>
                      Remove<span className="visually-hidden"> {l.productName}</span>
                    </button>
                  </>
                ) : (
                  <span>× {l.quantity}</span>
                )}
                <span className="price">{money(l.lineTotalMinor, cart.currency)}</span>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
