/**
 * Returns: the list (status filter and order search in the URL) and one return's detail, where
 * each line gets its inspection (restock, B-stock, write-off) and the return is received (offline
 * too). Refunding needs `orders:refund` and the server, and asks first with the amount.
 */
import { Box } from '@mui/material';
import type { ResultOf } from '../../../ipc/index.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { useScreenKeys } from '../../app/screen-keys.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { EmptyState, ErrorState, LoadingSkeleton, Page } from '../../components/ScreenState.tsx';
import { type AppColumn, columnsFor } from '../../components/table-features.ts';
import { useUrlTableState } from '../../components/url-table-state.ts';
import { when } from '../../lib/format.ts';
import { useInvoke } from '../../lib/use-invoke.ts';
import { useRef } from 'react';
import { ReturnDetail } from './ReturnDetail.tsx';
import { ReturnChip, type ReturnStatus, returnStatusWords } from './shipment-words.tsx';

export const returnsShortcuts = [
  { keys: 'f', what: 'Search by order number' },
  { keys: 'Enter', what: 'Open the return on the focused row' },
];

type Row = ResultOf<'returns.list'>['items'][number];
const col = columnsFor<Row>();
const columns: AppColumn<Row>[] = [
  col.accessor('orderNumber', {
    header: 'Order',
    cell: (c) => <Box sx={{ fontFamily: 'ui-monospace, monospace', fontWeight: 600 }}>{c.getValue()}</Box>,
  }),
  col.accessor('status', {
    header: 'Status',
    filterFn: 'equalsString',
    cell: (c) => <ReturnChip status={c.getValue() as ReturnStatus} />,
  }),
  col.accessor('unitCount', { header: 'Pairs', enableGlobalFilter: false }),
  col.accessor((r) => (r.hasExchange ? 'Exchange' : 'Refund'), {
    id: 'kind',
    header: 'Kind',
    enableGlobalFilter: false,
  }),
  col.accessor('createdAt', {
    header: 'Opened',
    sortFn: 'datetime',
    enableGlobalFilter: false,
    cell: (c) => when(c.getValue()),
  }),
  col.accessor('receivedAt', {
    header: 'Received',
    enableGlobalFilter: false,
    cell: (c) =>
      `${c.getValue() ? when(c.getValue()!) : '—'}${c.row.original.pending ? ' · not synced yet' : ''}`,
  }),
];
const statusChoices = {
  id: 'status',
  label: 'Status',
  options: Object.entries(returnStatusWords).map(([value, label]) => ({ value, label })),
};

export function ReturnsScreen() {
  const list = useInvoke('returns.list', {});
  const view = useUrlTableState();
  const filterRef = useRef<HTMLDivElement>(null);
  useScreenKeys({ f: () => filterRef.current?.querySelector('input')?.focus() });
  return (
    <Page title="Returns">
      <Box ref={filterRef}>
        <FilterBar view={view} choices={[statusChoices]} quickLabel="Order number" />
      </Box>
      {list.status === 'loading' && <LoadingSkeleton rows={8} label="Loading returns" />}
      {list.status === 'error' && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.status === 'ready' &&
        (list.data.items.length === 0 ? (
          <EmptyState
            title="No returns yet"
            description="Returns customers open from their account, or staff open for them, appear here to be received and inspected."
          />
        ) : (
          <DataTable
            label="Returns"
            data={list.data.items}
            columns={columns}
            getRowId={(r) => r.id}
            view={view}
            onRowClick={(r) => navigate(`/returns/${r.id}`)}
            empty={
              <EmptyState title="No returns match" description="Clear the search or choose another status." />
            }
          />
        ))}
    </Page>
  );
}

export function ReturnDetailScreen() {
  const { pathname } = useLocation();
  const id = decodeURIComponent(pathname.split('/')[2] ?? '');
  const detail = useInvoke('returns.detail', { returnId: id });
  if (detail.status === 'loading')
    return (
      <Page title="Return">
        <LoadingSkeleton rows={5} label="Loading the return" />
      </Page>
    );
  if (detail.status === 'error')
    return (
      <Page title="Return">
        <ErrorState error={detail.error} onRetry={detail.reload} />
      </Page>
    );
  return <ReturnDetail detail={detail.data} onChanged={detail.reload} />;
}
