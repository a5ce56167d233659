/**
 * The size selector, the hero of the product page: every size of the chosen colour and width as a
 * button; sizes with no pair left stay visible but disabled and crossed out, so the shopper sees
 * the run rather than wondering whether the size exists.
 */
import type { StoreVariant } from '@shoebox/shared/store';

interface Props {
  variants: StoreVariant[];
  selectedSku: string | null;
  onSelect: (sku: string) => void;
  /** Shown under the group, e.g. "Choose your size". */
  error?: string | null;
}

export const LOW_STOCK = 3;

export function SizeSelector({ variants, selectedSku, onSelect, error }: Props) {
  const selected = variants.find((v) => v.sku === selectedSku);
  return (
    <fieldset className="sizes" aria-describedby={error ? 'size-error' : undefined}>
      <legend>Size (EU){selected ? <span className="muted">: {selected.sizeLabels.eu}</span> : null}</legend>
      <div className="size-grid">
        {variants.map((v) => (
          <button
            key={v.sku}
            type="button"
            className="size"
            aria-pressed={v.sku === selectedSku}
            disabled={!v.inStock}
            aria-label={`EU ${v.sizeLabels.eu}${v.inStock ? '' : ', sold out'}`}
            onClick={() => onSelect(v.sku)}
          >
            {v.sizeLabels.eu}
          </button>
        ))}
      </div>
      {error && (
        <p id="size-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      {selected && selected.available <= LOW_STOCK && (
        <p className="low-stock">Only {selected.available} left in this size</p>
      )}
    </fieldset>
  );
}
