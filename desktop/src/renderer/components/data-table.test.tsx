import { Button, ThemeProvider } from '@mui/material';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { theme } from '../app/theme.ts';
import { navigate } from '../app/router.tsx';
import { money } from '../lib/format.ts';
import { DataTable } from './DataTable.tsx';
import { FilterBar } from './FilterBar.tsx';
import { columnsFor } from './table-features.ts';
import { useUrlTableState } from './url-table-state.ts';

interface Shoe {
  sku: string;
  name: string;
  status: string;
  priceMinor: number;
}
const shoes: Shoe[] = [
  { sku: 'SB-002', name: 'Bria pump', status: 'active', priceMinor: 12_000 },
  { sku: 'SB-001', name: 'Alba loafer', status: 'draft', priceMinor: 9_500 },
  { sku: 'SB-003', name: 'Cora boot', status: 'active', priceMinor: 18_900 },
];
const col = columnsFor<Shoe>();
const columns = [
  col.accessor('sku', { header: 'SKU' }),
  col.accessor('name', { header: 'Name' }),
  col.accessor('status', { header: 'Status', filterFn: 'equalsString' }),
  col.accessor('priceMinor', {
    header: 'Price',
    cell: (c) => money(c.getValue(), 'EUR'),
    enableGlobalFilter: false,
  }),
];

function Harness(props: { onOpen?(s: Shoe): void; onArchive?(s: Shoe[]): void; data?: Shoe[] }) {
  const view = useUrlTableState();
  return (
    <ThemeProvider theme={theme}>
      <FilterBar
        view={view}
        choices={[{ id: 'status', label: 'Status', options: [{ value: 'draft', label: 'Draft' }] }]}
      />
      <DataTable
        label="Shoes"
        data={props.data ?? shoes}
        columns={columns}
        getRowId={(s) => s.sku}
        view={view}
        onRowClick={props.onOpen}
        selectionActions={(selected) => <Button onClick={() => props.onArchive?.(selected)}>Archive</Button>}
        empty={<p>No shoes match these filters.</p>}
      />
    </ThemeProvider>
  );
}

const bodyRows = () =>
  within(screen.getByRole('table', { name: 'Shoes' }))
    .getAllByRole('row')
    .slice(1);
const skus = () => bodyRows().map((r) => within(r).getAllByRole('cell')[1]?.textContent);

beforeEach(() => navigate('/shoes', { replace: true }));
afterEach(cleanup);

describe('DataTable', () => {
  it('sorts by a column header and keeps the sort in the URL', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(skus()).toEqual(['SB-002', 'SB-001', 'SB-003']);
    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(skus()).toEqual(['SB-001', 'SB-002', 'SB-003']);
    expect(window.location.search).toBe('?sort=name');
    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(skus()).toEqual(['SB-003', 'SB-002', 'SB-001']);
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('reads the quick filter and column filters from the URL, and writes them back', async () => {
    navigate('/shoes?q=boot', { replace: true });
    const user = userEvent.setup();
    render(<Harness />);
    expect(skus()).toEqual(['SB-003']);
    await user.clear(screen.getByLabelText('Filter'));
    expect(skus()).toHaveLength(3);
    await user.click(screen.getByLabelText('Status'));
    await user.click(await screen.findByRole('option', { name: 'Draft' }));
    expect(skus()).toEqual(['SB-001']);
    expect(new URLSearchParams(window.location.search).get('f.status')).toBe('draft');
  });

  it('shows the empty state when nothing matches', () => {
    navigate('/shoes?q=sandal', { replace: true });
    render(<Harness />);
    expect(screen.getByText('No shoes match these filters.')).toBeTruthy();
  });

  it('opens a row by click or Enter, and a checkbox selects without opening', async () => {
    const onOpen = vi.fn();
    const onArchive = vi.fn();
    const user = userEvent.setup();
    render(<Harness onOpen={onOpen} onArchive={onArchive} />);
    await user.click(screen.getByText('Bria pump'));
    expect(onOpen).toHaveBeenLastCalledWith(shoes[0]);
    bodyRows()[2]!.focus();
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith(shoes[2]);

    await user.click(screen.getByLabelText('Select row SB-001'));
    await user.click(screen.getByLabelText('Select row SB-003'));
    expect(onOpen).toHaveBeenCalledTimes(2);
    expect(screen.getByText('2 selected')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    expect(onArchive.mock.calls[0]![0].map((s: Shoe) => s.sku).sort()).toEqual(['SB-001', 'SB-003']);
  });

  it('shows money with its currency', () => {
    render(<Harness />);
    expect(screen.getByText('€120.00')).toBeTruthy();
  });
});
