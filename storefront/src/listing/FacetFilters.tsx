/**
 * Facet filters with counts (size, colour family with swatches, heel band, brand, price range,
 * in stock). Every value shows how many styles it would give; values that would give none are
 * disabled unless already chosen. A sidebar on wide screens, a bottom sheet on phones (CSS).
 */
import type { StoreFacets, StoreFacetValue } from '@shoebox/shared/store';
import { type FormEvent, useId } from 'react';
import { type Filters, familySwatch, type ListFacet, toggle } from './filters.ts';

interface Props {
  facets: StoreFacets;
  filters: Filters;
  currency: string;
  onChange: (next: Filters) => void;
}

const titles: Record<ListFacet, string> = {
  size: 'Size (EU)',
  colour: 'Colour',
  heel: 'Heel height',
  brand: 'Brand',
};

export function FacetFilters({ facets, filters, currency, onChange }: Props) {
  return (
    <div className="facets">
      <FacetGroup facet="size" values={facets.size} filters={filters} onChange={onChange} compact />
      <FacetGroup facet="colour" values={facets.colour} filters={filters} onChange={onChange} />
      <FacetGroup facet="heel" values={facets.heel} filters={filters} onChange={onChange} />
      <FacetGroup facet="brand" values={facets.brand} filters={filters} onChange={onChange} />
      <PriceRange range={facets.price} filters={filters} currency={currency} onChange={onChange} />
      <fieldset className="facet">
        <legend>Availability</legend>
        <label className="facet-value">
          <input
            type="checkbox"
            checked={filters.inStock}
            onChange={() => onChange({ ...filters, inStock: !filters.inStock, page: 1 })}
          />
          <span>In stock only</span>
        </label>
      </fieldset>
    </div>
  );
}

function FacetGroup(props: {
  facet: ListFacet;
  values: StoreFacetValue[];
  filters: Filters;
  onChange: (next: Filters) => void;
  compact?: boolean;
}) {
  const { facet, values, filters, onChange, compact } = props;
  if (values.length === 0) return null;
  return (
    <fieldset className="facet">
      <legend>{titles[facet]}</legend>
      <div className={compact ? 'facet-values compact' : 'facet-values'}>
        {values.map((v) => {
          const checked = filters[facet].includes(v.value);
          const label = facet === 'size' ? v.value : v.label;
          return (
            <label key={v.value} className="facet-value" title={v.label}>
              <input
                type="checkbox"
                name={facet}
                value={v.value}
                checked={checked}
                disabled={v.count === 0 && !checked}
                onChange={() => onChange(toggle(filters, facet, v.value))}
                aria-label={`${titles[facet]} ${v.label}, ${v.count} styles`}
              />
              {facet === 'colour' && (
                <span
                  className="swatch"
                  style={{ background: familySwatch[v.value] ?? '#ccc' }}
                  aria-hidden
                />
              )}
              <span>{label}</span>
              <span className="count" aria-hidden>
                {v.count}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Whole currency units in the inputs, minor units in the URL and the API. */
function PriceRange(props: {
  range: StoreFacets['price'];
  filters: Filters;
  currency: string;
  onChange: (next: Filters) => void;
}) {
  const { range, filters, currency, onChange } = props;
  const id = useId();
  if (range.min === null || range.max === null) return null;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const minor = (name: string) => {
      const text = String(data.get(name) ?? '').trim();
      return text === '' || !Number.isFinite(Number(text)) ? undefined : Math.round(Number(text) * 100);
    };
    let min = minor('min');
    let max = minor('max');
    if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
    onChange({ ...filters, minPrice: min, maxPrice: max, page: 1 });
  };
  const bounds = [
    { name: 'min', label: 'From', placeholder: Math.floor(range.min / 100), value: filters.minPrice },
    { name: 'max', label: 'to', placeholder: Math.ceil(range.max / 100), value: filters.maxPrice },
  ];
  return (
    <form className="facet price" onSubmit={submit} key={`${filters.minPrice}-${filters.maxPrice}`}>
      <fieldset>
        <legend>Price ({currency})</legend>
        {bounds.map((b) => (
          <span key={b.name} className="price-bound">
            <label htmlFor={`${id}-${b.name}`}>{b.label}</label>
            <input
              id={`${id}-${b.name}`}
              name={b.name}
              inputMode="decimal"
              placeholder={String(b.placeholder)}
              defaultValue={b.value === undefined ? '' : b.value / 100}
            />
          </span>
        ))}
        <button type="submit">Apply</button>
      </fieldset>
    </form>
  );
}
