/**
 * Orders: the queue. Every order from this device's cache in one virtualised table; the filters,
 * sort and quick filter live in the address, and saved views are named addresses. Money shows
 * only for roles that may see it (the backend sends null otherwise, and the column is left out).
 */
import FlagOutlined from '@mui/icons-material/FlagOutlined';
import { Box, Stack, Typography } from '@mui/material';
import type { AdminOrderSummary } from '@shoebox/shared/contracts';
import { useMemo, useRef } from 'react';
import { navigate, useLocation } from '../../app/router.tsx';
import { useScreenKeys } from '../../app/screen-keys.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { EmptyState, ErrorState, LoadingSkeleton, Page } from '../../components/ScreenState.tsx';
import { type AppColumn, columnsFor } from '../../components/table-features.ts';
import { useUrlTableState } from '../../components/url-table-state.ts';
import { money, when } from '../../lib/format.ts';
import { useAllPages } from '../../lib/use-all-pages.ts';
import { StatusChip, statusWords } from './order-words.tsx';
import { SavedViews } from './SavedViews.tsx';

export const ordersShortcuts = [
  { keys: 'f', what: 'Filter the queue' },
  { keys: '1-9', what: 'Switch to a saved view' },
  { keys: 'Enter', what: 'Open the order on the focused row' },
];

const col = columnsFor<AdminOrderSummary>();

function orderColumns(moneyVisible: boolean): AppColumn<AdminOrderSummary>[] {
  const columns: AppColumn<AdminOrderSummary>[] = [
    col.accessor('number', {
      header: 'Order',
      cell: (c) => <Box sx={{ fontFamily: 'ui-monospace, monospace', fontWeight: 600 }}>{c.getValue()}</Box>,
    }),
    col.accessor('createdAt', { header: 'Placed', sortFn: 'datetime', cell: (c) => when(c.getValue()) }),
    col.accessor('customerName', {
      header: 'Customer',
      cell: (c) => (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', minWidth: 0 }}>
          <span>{c.getValue()}</span>
          <Typography variant="caption" color="text.secondary" noWrap>
            {c.row.original.email}
          </Typography>
        </Stack>
      ),
    }),
    col.accessor('itemCount', { header: 'Items' }),
    col.accessor('status', {
      header: 'Status',
      filterFn: 'equalsString',
      cell: (c) => <StatusChip status={c.getValue()} />,
    }),
    col.accessor((o) => (o.flagged ? 'yes' : 'no'), {
      id: 'flagged',
      header: 'Flag',
      filterFn: 'equalsString',
      enableGlobalFilter: false,
      cell: (c) =>
        c.row.original.flagged ? (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: 'warning.main' }}>
            <FlagOutlined fontSize="small" />
            <span>Flagged</span>
          </Stack>
        ) : null,
    }),
  ];
  if (moneyVisible)
    columns.push(
      col.accessor('totalMinor', {
        header: 'Total',
        enableGlobalFilter: false,
        cell: (c) => money(c.getValue(), c.row.original.currency),
      }),
    );
  return columns;
}

const statusChoices = {
  id: 'status',
  label: 'Status',
  options: Object.entries(statusWords).map(([value, label]) => ({ value, label })),
};
const flagChoices = {
  id: 'flagged',
  label: 'Flag',
  options: [
    { value: 'yes', label: 'Flagged' },
    { value: 'no', label: 'Not flagged' },
  ],
};

export function OrdersScreen() {
  const orders = useAllPages('orders.list', {});
  const view = useUrlTableState();
  const { search } = useLocation();
  const filterRef = useRef<HTMLDivElement>(null);
  const moneyVisible = orders.status === 'ready' && orders.data.last.moneyVisible;
  const columns = useMemo(() => orderColumns(moneyVisible), [moneyVisible]);
  const viewsRef = useRef<{ pick(index: number): void }>(null);

  useScreenKeys({
    f: () => filterRef.current?.querySelector('input')?.focus(),
    ...Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [String(i + 1), () => viewsRef.current?.pick(i)]),
    ),
  });

  return (
    <Page title="Orders" actions={<SavedViews ref={viewsRef} current={search.toString()} />}>
      <Box ref={filterRef}>
        <FilterBar view={view} choices={[statusChoices, flagChoices]} quickLabel="Order, customer or email" />
      </Box>
      {orders.status === 'loading' && <LoadingSkeleton rows={10} label="Loading orders" />}
      {orders.status === 'error' && <ErrorState error={orders.error} onRetry={orders.reload} />}
      {orders.status === 'ready' &&
        (orders.data.items.length === 0 ? (
          <EmptyState
            title="No orders yet"
            description="Orders placed in the web shop appear here as soon as this device has synced them."
          />
        ) : (
          <DataTable
            label="Orders"
            data={orders.data.items}
            columns={columns}
            getRowId={(o) => o.id}
            view={view}
            height="calc(100vh - 210px)"
            onRowClick={(o) => navigate(`/orders/${o.number}`)}
            empty={
              <EmptyState
                title="No orders match these filters"
                description="Clear the filter or pick another view."
              />
            }
          />
        ))}
    </Page>
  );
}
