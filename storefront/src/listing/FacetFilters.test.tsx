import type { StoreFacets } from '@shoebox/shared/store';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FacetFilters } from './FacetFilters.tsx';
import { type Filters, filtersFrom, searchOf } from './filters.ts';

const facets: StoreFacets = {
  category: [],
  brand: [
    { value: 'kestrel', label: 'Kestrel', count: 4 },
    { value: 'solenne', label: 'Solenne', count: 0 },
  ],
  size: [
    { value: '38', label: 'EU 38 / US 7.5 / UK 5', count: 12 },
    { value: '38.5', label: 'EU 38.5 / US 8 / UK 5.5', count: 0 },
  ],
  colour: [
    { value: 'black', label: 'Black', count: 10 },
    { value: 'pink', label: 'Pink', count: 0 },
  ],
  heel: [{ value: 'low', label: 'Low (2.5 to 5 cm)', count: 7 }],
  price: { min: 8995, max: 28000 },
};

const base = (search = ''): Filters => filtersFrom(new URLSearchParams(search));

function setup(filters: Filters) {
  const onChange = vi.fn<(f: Filters) => void>();
  render(<FacetFilters facets={facets} filters={filters} currency="EUR" onChange={onChange} />);
  return onChange;
}

const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

afterEach(cleanup);

describe('FacetFilters', () => {
  it('shows each value with its count and disables values that would give nothing', () => {
    setup(base());
    expect(box('Size (EU) EU 38 / US 7.5 / UK 5, 12 styles').disabled).toBe(false);
    expect(box('Size (EU) EU 38.5 / US 8 / UK 5.5, 0 styles').disabled).toBe(true);
    expect(box('Colour Pink, 0 styles').disabled).toBe(true);
    expect(box('Brand Solenne, 0 styles').disabled).toBe(true);
    expect(screen.getByText('Black').closest('label')?.textContent).toBe('Black10');
  });

  it('keeps a chosen value enabled even when its count drops to 0, so it can be unticked', () => {
    setup(base('colour=pink'));
    expect(box('Colour Pink, 0 styles').checked).toBe(true);
    expect(box('Colour Pink, 0 styles').disabled).toBe(false);
  });

  it('adds and removes values and goes back to page 1', () => {
    const onChange = setup(base('size=38&page=3'));
    fireEvent.click(box('Colour Black, 10 styles'));
    expect(onChange.mock.calls[0]![0]).toMatchObject({ size: ['38'], colour: ['black'], page: 1 });
    fireEvent.click(box('Size (EU) EU 38 / US 7.5 / UK 5, 12 styles'));
    expect(onChange.mock.calls[1]![0]).toMatchObject({ size: [], page: 1 });
  });

  it('reads the price range in euros and sends minor units, in order', () => {
    const onChange = setup(base());
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '150' } });
    fireEvent.change(screen.getByLabelText('to'), { target: { value: '99.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onChange.mock.calls[0]![0]).toMatchObject({ minPrice: 9950, maxPrice: 15000, page: 1 });
  });

  it('round-trips filters through the URL without defaults', () => {
    const url = '?q=boots&size=38,39&colour=black&minPrice=5000&inStock=true&sort=price_asc&page=2';
    expect(searchOf(base(url))).toBe(url);
    expect(searchOf(base('sort=popularity&page=1'))).toBe('');
    expect(base('sort=cheapest&page=-4')).toMatchObject({ sort: 'popularity', page: 1 });
  });
});
