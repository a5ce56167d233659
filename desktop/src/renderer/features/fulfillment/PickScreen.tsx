/**
 * Pick: the open batches, making a new one from the oldest paid orders (needs the server), and
 * one batch as stops in walking order by bin (`?batch=`), picked by scan or tap (PickBatch.tsx).
 */
import { Box, Button, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { useMemo, useState } from 'react';
import type { ResultOf } from '../../../ipc/index.ts';
import { navigate, useSearchParam } from '../../app/router.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import {
  EmptyState,
  ErrorState,
  LoadingSkeleton,
  OfflineNotice,
  Page,
} from '../../components/ScreenState.tsx';
import { type AppColumn, columnsFor } from '../../components/table-features.ts';
import { useBackend } from '../../lib/backend.tsx';
import { when } from '../../lib/format.ts';
import { useSyncStatus } from '../../lib/sync-status.ts';
import { useInvoke } from '../../lib/use-invoke.ts';
import { PickBatch } from './PickBatch.tsx';

export const pickShortcuts = [
  { keys: 'scan or type + Enter', what: 'Confirm the pair at the current stop' },
  { keys: 'S', what: 'Report the current stop short' },
  { keys: 'Esc', what: 'Back to the open batches' },
];

type Batch = ResultOf<'pick.batches'>['items'][number];
const col = columnsFor<Batch>();
const columns: AppColumn<Batch>[] = [
  col.accessor('number', { header: 'Batch', cell: (c) => <strong>{c.getValue()}</strong> }),
  col.accessor('createdAt', { header: 'Made', cell: (c) => when(c.getValue()) }),
  col.accessor('orderCount', { header: 'Orders' }),
  col.accessor('pickedUnits', {
    header: 'Picked',
    cell: (c) => {
      const b = c.row.original;
      return (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <LinearProgress
            variant="determinate"
            value={(100 * (b.pickedUnits + b.shortUnits)) / Math.max(1, b.unitCount)}
            sx={{ width: 120 }}
          />
          <span>
            {b.pickedUnits} of {b.unitCount}
            {b.shortUnits ? ` · ${b.shortUnits} short` : ''}
          </span>
        </Stack>
      );
    },
  }),
  col.accessor((b) => (b.pending ? 'Not synced yet' : ''), { id: 'pending', header: 'Sync' }),
];
const noView = { quick: '', sorting: [], columnFilters: [], setSorting: () => {} };

export function PickScreen() {
  const [batch] = useSearchParam('batch');
  return batch ? <PickBatch batchId={batch} /> : <Batches />;
}

function Batches() {
  const batches = useInvoke('pick.batches', {});
  const status = useSyncStatus();
  const offline = status?.state === 'offline';
  const create = <MakeBatch offline={offline} />;
  const data = useMemo(() => (batches.status === 'ready' ? batches.data.items : []), [batches]);
  return (
    <Page title="Pick" actions={create}>
      {offline && (
        <OfflineNotice stillWorks="Picking an open batch works as usual, by scan or tap. Making a new batch needs the shop server." />
      )}
      {batches.status === 'loading' && <LoadingSkeleton rows={4} label="Loading pick batches" />}
      {batches.status === 'error' && <ErrorState error={batches.error} onRetry={batches.reload} />}
      {batches.status === 'ready' &&
        (data.length === 0 ? (
          <EmptyState
            title="No open pick batches"
            description="A batch gathers the oldest paid orders into one walk through the stockroom, stop by stop in bin order. Make one to start picking."
          />
        ) : (
          <DataTable
            label="Open pick batches"
            data={data}
            columns={columns}
            getRowId={(b) => b.id}
            view={noView}
            onRowClick={(b) => navigate(`/pick?batch=${b.id}`)}
            empty={null}
          />
        ))}
    </Page>
  );
}

function MakeBatch({ offline }: { offline: boolean }) {
  const backend = useBackend();
  const [count, setCount] = useState('10');
  const oldest = Math.min(200, Math.max(1, Math.round(Number(count)) || 0));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DomainError | null>(null);
  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      const made = await backend.invoke('pick.create', { oldest });
      navigate(`/pick?batch=${made.id}`);
    } catch (e) {
      setError(e as DomainError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ maxWidth: 560 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          label="Oldest paid orders"
          type="number"
          size="small"
          value={count}
          onChange={(e) => setCount(e.target.value)}
          slotProps={{ htmlInput: { min: 1, max: 200 } }}
          sx={{ width: 170 }}
        />
        <Button
          variant="contained"
          disabled={offline || busy || !Number(count)}
          onClick={() => void make()}
          sx={{ minHeight: 40 }}
        >
          Make a batch
        </Button>
      </Stack>
      {offline && (
        <Typography variant="caption" color="text.secondary" component="p">
          Making a batch needs the shop server (it moves the orders to picking for every device).
        </Typography>
      )}
      {error && <ErrorState error={error} />}
    </Box>
  );
}
