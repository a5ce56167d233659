import type { StoreVariant } from '@shoebox/shared/store';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SizeSelector } from './SizeSelector.tsx';

const variant = (sizeEu: number, available: number): StoreVariant => ({
  id: `00000000-0000-4000-8000-0000000000${sizeEu}`,
  sku: `DORA-BLACK-${sizeEu}`,
  gtin: null,
  sizeEu,
  sizeLabels: { eu: String(sizeEu), us: String(sizeEu - 30), uk: String(sizeEu - 33) },
  width: 'standard',
  priceMinor: 12995,
  compareAtMinor: null,
  available,
  inStock: available > 0,
});
const run = [variant(37, 5), variant(38, 0), variant(39, 2), variant(40, 0)];

afterEach(cleanup);

describe('SizeSelector', () => {
  it('shows every size; sold-out ones are disabled and say so', () => {
    render(<SizeSelector variants={run} selectedSku={null} onSelect={() => undefined} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['37', '38', '39', '40']);
    expect((screen.getByRole('button', { name: 'EU 37' }) as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByRole('button', { name: 'EU 38, sold out' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect((screen.getByRole('button', { name: 'EU 40, sold out' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('selects an in-stock size and never a sold-out one', () => {
    const onSelect = vi.fn();
    render(<SizeSelector variants={run} selectedSku={null} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('button', { name: 'EU 38, sold out' }));
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'EU 39' }));
    expect(onSelect).toHaveBeenCalledWith('DORA-BLACK-39');
  });

  it('marks the chosen size, warns when few pairs are left, and shows an error with the group', () => {
    render(
      <SizeSelector
        variants={run}
        selectedSku="DORA-BLACK-39"
        onSelect={() => undefined}
        error="Choose your size first."
      />,
    );
    expect(screen.getByRole('button', { name: 'EU 39' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'EU 37' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByText('Only 2 left in this size')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Choose your size first.');
    expect(screen.getByRole('group').getAttribute('aria-describedby')).toBe('size-error');
  });
});
