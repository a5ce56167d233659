/** One pair of an order in the returns form: return it or not, why, and refund or another size. */
import type { CustomerOrderDetail, ReturnReason, StoreVariant } from '@shoebox/shared/store';
import { useState } from 'react';
import { messageOf } from '../app/api.ts';
import { exchangeSizes } from './exchange-sizes.ts';
import { REASONS, reasonCodes, sizeReasons } from './reasons.ts';

type Line = CustomerOrderDetail['lines'][number];

export interface LineChoice {
  selected: boolean;
  reason: ReturnReason | '';
  /** The variant id of the size wanted instead; null: a refund. */
  exchangeVariantId: string | null;
}

export const emptyChoice: LineChoice = { selected: false, reason: '', exchangeVariantId: null };

export function ReturnLine(props: {
  line: Line;
  choice: LineChoice;
  error: string | undefined;
  onChange: (choice: LineChoice) => void;
}) {
  const { line, choice, error, onChange } = props;
  const [sizes, setSizes] = useState<StoreVariant[] | null>(null);
  const [sizesError, setSizesError] = useState<string | null>(null);
  const id = `return-${line.id}`;
  const offerExchange = choice.reason !== '' && sizeReasons.includes(choice.reason);

  const wantExchange = async () => {
    onChange({ ...choice, exchangeVariantId: '' });
    if (sizes) return;
    try {
      setSizes(await exchangeSizes(line));
    } catch (e) {
      setSizesError(messageOf(e));
    }
  };

  return (
    <li className="return-line">
      <label className="check">
        <input
          type="checkbox"
          checked={choice.selected}
          onChange={(e) => onChange({ ...choice, selected: e.target.checked })}
        />
        <span>
          {line.productName}, {line.colourName}, EU {line.sizeEu}
          {line.quantity > 1 && <span className="muted"> · {line.quantity} pairs</span>}
        </span>
      </label>
      {choice.selected && (
        <div className="return-details">
          <label htmlFor={`${id}-reason`}>Why are you sending it back?</label>
          <select
            id={`${id}-reason`}
            value={choice.reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) =>
              onChange({ ...choice, reason: e.target.value as ReturnReason, exchangeVariantId: null })
            }
          >
            <option value="">Choose a reason</option>
            {reasonCodes.map((r) => (
              <option key={r} value={r}>
                {REASONS[r]}
              </option>
            ))}
          </select>
          {error && (
            <p id={`${id}-error`} className="field-error">
              {error}
            </p>
          )}
          {offerExchange && (
            <fieldset className="return-outcome">
              <legend>What would you like?</legend>
              <label className="check">
                <input
                  type="radio"
                  name={`${id}-outcome`}
                  checked={choice.exchangeVariantId === null}
                  onChange={() => onChange({ ...choice, exchangeVariantId: null })}
                />
                A refund
              </label>
              <label className="check">
                <input
                  type="radio"
                  name={`${id}-outcome`}
                  checked={choice.exchangeVariantId !== null}
                  onChange={wantExchange}
                />
                Another size (we send it when your return arrives)
              </label>
              {choice.exchangeVariantId !== null && (
                <ExchangeSize
                  id={`${id}-size`}
                  sizes={sizes}
                  error={sizesError}
                  value={choice.exchangeVariantId}
                  onPick={(v) => onChange({ ...choice, exchangeVariantId: v })}
                />
              )}
            </fieldset>
          )}
        </div>
      )}
    </li>
  );
}

function ExchangeSize(props: {
  id: string;
  sizes: StoreVariant[] | null;
  error: string | null;
  value: string;
  onPick: (variantId: string) => void;
}) {
  const { id, sizes, error, value, onPick } = props;
  if (error) return <p className="field-error">{error}</p>;
  if (!sizes) return <p className="muted">Finding the sizes in stock…</p>;
  if (sizes.length === 0)
    return (
      <p className="muted">No other size of this colour is in stock right now; choose a refund instead.</p>
    );
  return (
    <>
      <label htmlFor={id}>Size</label>
      <select id={id} value={value} onChange={(e) => onPick(e.target.value)}>
        <option value="">Choose a size</option>
        {sizes.map((v) => (
          <option key={v.id} value={v.id}>
            EU {v.sizeLabels.eu} (US {v.sizeLabels.us}, UK {v.sizeLabels.uk})
          </option>
        ))}
      </select>
    </>
  );
}
