/** A style's movement history, newest first. It lives on the server, so offline it says so. */
import { Typography } from '@mui/material';
import { useEffect } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, ErrorState, LoadingSkeleton, OfflineNotice } from '../../components/ScreenState.tsx';
import { columnsFor } from '../../components/table-features.ts';
import { when } from '../../lib/format.ts';
import { useInvoke } from '../../lib/use-invoke.ts';
import type { ResultOf } from '../../../ipc/index.ts';
import { movementWords, reasonWords, signed } from './movement-words.ts';

type Movement = ResultOf<'inventory.movements'>['items'][number];
const col = columnsFor<Movement>();
const columns = [
  col.accessor('createdAt', { header: 'When', cell: (c) => when(c.getValue()) }),
  col.accessor('sku', {
    header: 'SKU',
    cell: (c) => <span style={{ fontFamily: 'ui-monospace, monospace' }}>{c.getValue()}</span>,
  }),
  col.accessor('locationCode', { header: 'Location' }),
  col.accessor('kind', { header: 'What', cell: (c) => movementWords[c.getValue()] ?? c.getValue() }),
  col.accessor('onHandDelta', {
    header: 'Units',
    cell: (c) => <strong>{signed(c.getValue())}</strong>,
  }),
  col.accessor((m) => (m.reason ? (reasonWords[m.reason] ?? m.reason) : (m.reference ?? '')), {
    id: 'why',
    header: 'Reason or reference',
  }),
];
const view = { quick: '', sorting: [], columnFilters: [], setSorting: () => {} };

export function MovementHistory({
  productId,
  locationId,
  version,
}: {
  productId: string;
  locationId: string | null;
  /** Bumped after a write here, to read the history again. */
  version: number;
}) {
  const history = useInvoke('inventory.movements', {
    productId,
    pageSize: 100,
    ...(locationId ? { locationId } : {}),
  });
  const { reload } = history;
  // A new version means a write happened here: read the history again.
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  return (
    <section aria-labelledby="history-title">
      <Typography id="history-title" variant="h2" sx={{ mb: 1 }}>
        Movement history
      </Typography>
      {history.status === 'loading' && <LoadingSkeleton rows={4} label="Loading movements" />}
      {history.status === 'error' &&
        (history.error.code === 'API_UNREACHABLE' ? (
          <OfflineNotice stillWorks="The movement history is kept on the shop server and shows again when it answers. Stock levels, counts, receiving and adjustments work offline." />
        ) : (
          <ErrorState error={history.error} onRetry={history.reload} />
        ))}
      {history.status === 'ready' && (
        <DataTable
          label="Movement history"
          data={history.data.items}
          columns={columns}
          getRowId={(m) => m.id}
          view={view}
          height={360}
          empty={
            <EmptyState
              title="No movements yet"
              description="Receiving, counting or adjusting this style writes its history here."
            />
          }
        />
      )}
    </section>
  );
}
