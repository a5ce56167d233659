/**
 * Shipments: every label this device knows, filtered by status and searched by order or tracking
 * number (in the URL, like the orders queue). Reprint and void work offline; advancing a
 * house-carrier parcel needs the server, and says so while offline. A pick batch's labels print
 * as one PDF (BatchLabels.tsx).
 */
import { Box, Button, Stack, Typography } from '@mui/material';
import { type DomainError, type HouseTrackingStatus, nextTrackingStatus } from '@shoebox/shared';
import { useMemo, useRef, useState } from 'react';
import { useScreenKeys } from '../../app/screen-keys.ts';
import type { ResultOf } from '../../../ipc/index.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import {
  EmptyState,
  ErrorState,
  LoadingSkeleton,
  OfflineNotice,
  Page,
} from '../../components/ScreenState.tsx';
import { type AppColumn, columnsFor } from '../../components/table-features.ts';
import { useUrlTableState } from '../../components/url-table-state.ts';
import { useBackend } from '../../lib/backend.tsx';
import { when } from '../../lib/format.ts';
import { useSyncStatus } from '../../lib/sync-status.ts';
import { useInvoke } from '../../lib/use-invoke.ts';
import { errorWords } from '../../lib/words.ts';
import { BatchLabels } from './BatchLabels.tsx';
import { fallbackPrinter } from './use-pack-station.ts';
import { printDocuments, printedWords } from './printing.ts';
import {
  advanceWords,
  ShipmentChip,
  type ShipmentStatus,
  shipmentStatusWords,
  trackingWords,
} from './shipment-words.tsx';
import { VoidDialog } from './VoidDialog.tsx';

export const shipmentsShortcuts = [{ keys: 'f', what: 'Search by order or tracking number' }];

type Shipment = ResultOf<'shipments.list'>['items'][number];
interface Actions {
  offline: boolean;
  reprint(s: Shipment): void;
  void(s: Shipment): void;
  advance(s: Shipment, next: HouseTrackingStatus): void;
}

const col = columnsFor<Shipment>();
function shipmentColumns(actions: Actions): AppColumn<Shipment>[] {
  return [
    col.accessor('orderNumber', {
      header: 'Order',
      cell: (c) => (
        <Box sx={{ fontFamily: 'ui-monospace, monospace', fontWeight: 600, whiteSpace: 'nowrap' }}>
          {c.getValue()}
        </Box>
      ),
    }),
    col.accessor('trackingNumber', {
      header: 'Tracking',
      cell: (c) => <Box sx={{ fontFamily: 'ui-monospace, monospace' }}>{c.getValue()}</Box>,
    }),
    col.accessor('status', {
      header: 'Status',
      filterFn: 'equalsString',
      cell: (c) => (
        <ShipmentChip
          status={c.getValue() as ShipmentStatus}
          // With the carrier, the last tracking event says more than the status.
          label={
            c.getValue() === 'in_transit'
              ? trackingWords[c.row.original.trackingStatus as HouseTrackingStatus]
              : undefined
          }
        />
      ),
    }),
    col.accessor((s) => `${s.carrier === 'house' ? 'House' : s.carrier} ${s.service}`, {
      id: 'service',
      header: 'Service',
      enableGlobalFilter: false,
      cell: (c) => <Box sx={{ whiteSpace: 'nowrap' }}>{c.getValue()}</Box>,
    }),
    col.accessor('weightGrams', {
      header: 'Weight',
      enableGlobalFilter: false,
      cell: (c) => `${(c.getValue() / 1000).toFixed(2)} kg`,
    }),
    col.accessor('createdAt', {
      header: 'Labelled',
      sortFn: 'datetime',
      enableGlobalFilter: false,
      cell: (c) => `${when(c.getValue())}${c.row.original.pending ? ' · not synced yet' : ''}`,
    }),
    col.display({
      id: 'actions',
      header: 'Actions',
      cell: (c) => <RowActions shipment={c.row.original} actions={actions} />,
    }),
  ];
}

function RowActions({ shipment: s, actions }: { shipment: Shipment; actions: Actions }) {
  const next = s.carrier === 'house' ? nextTrackingStatus(s.trackingStatus as HouseTrackingStatus) : null;
  const live = s.status !== 'voided';
  return (
    <Stack direction="row" spacing={0.5} sx={{ whiteSpace: 'nowrap' }} onClick={(e) => e.stopPropagation()}>
      {live && (
        <Button size="small" onClick={() => actions.reprint(s)}>
          Reprint
        </Button>
      )}
      {s.status === 'labelled' && (
        <Button size="small" color="error" onClick={() => actions.void(s)}>
          Void…
        </Button>
      )}
      {live && next && (
        <span title={actions.offline ? 'Tracking needs the shop server: it is offline.' : ''}>
          <Button size="small" disabled={actions.offline} onClick={() => actions.advance(s, next)}>
            {advanceWords[next]}
          </Button>
        </span>
      )}
    </Stack>
  );
}

const statusChoices = {
  id: 'status',
  label: 'Status',
  options: Object.entries(shipmentStatusWords).map(([value, label]) => ({ value, label })),
};

export function ShipmentsScreen() {
  const backend = useBackend();
  const list = useInvoke('shipments.list', { limit: 500 });
  const settings = useInvoke('printing.settings', {});
  const view = useUrlTableState();
  const offline = useSyncStatus()?.state === 'offline';
  const [voiding, setVoiding] = useState<Shipment | null>(null);
  const [message, setMessage] = useState<{
    text: string;
    error?: Pick<DomainError, 'code' | 'message'>;
  } | null>(null);

  const actions: Actions = {
    offline,
    reprint: async (s) => {
      try {
        const docs = await backend.invoke('shipments.documents', { shipmentId: s.id });
        const outcome = await printDocuments(
          backend,
          settings.status === 'ready' ? settings.data : fallbackPrinter,
          docs,
        );
        setMessage({
          text: `${s.orderNumber}: ${printedWords(outcome)}`,
          ...(outcome.error ? { error: outcome.error } : {}),
        });
      } catch (e) {
        setMessage({ text: `${s.orderNumber}: not reprinted.`, error: e as DomainError });
      }
    },
    void: setVoiding,
    advance: async (s, next) => {
      try {
        await backend.invoke('shipments.track', { shipmentId: s.id, status: next });
        setMessage({ text: `${s.trackingNumber}: ${trackingWords[next].toLowerCase()}.` });
        list.reload();
      } catch (e) {
        setMessage({ text: `${s.trackingNumber}: not changed.`, error: e as DomainError });
      }
    },
  };
  // The columns stay the same objects across renders (the table keeps its state); their buttons
  // call the latest actions through the ref.
  const latest = useRef(actions);
  latest.current = actions;
  const columns = useMemo(
    () =>
      shipmentColumns({
        offline,
        reprint: (s) => latest.current.reprint(s),
        void: (s) => latest.current.void(s),
        advance: (s, next) => latest.current.advance(s, next),
      }),
    [offline],
  );
  const filterRef = useRef<HTMLDivElement>(null);
  useScreenKeys({ f: () => filterRef.current?.querySelector('input')?.focus() });

  return (
    <Page
      title="Shipments"
      actions={<BatchLabels printer={settings.status === 'ready' ? settings.data : fallbackPrinter} />}
    >
      {offline && (
        <OfflineNotice stillWorks="Reprinting and voiding labels work as usual. Advancing a parcel's tracking needs the shop server, so those buttons wait until it answers." />
      )}
      {message && (
        <Typography
          role="status"
          data-testid="shipments-message"
          color={message.error ? 'error' : 'text.primary'}
        >
          {message.text} {message.error ? `${errorWords(message.error).title} (${message.error.code})` : ''}
        </Typography>
      )}
      <Box ref={filterRef}>
        <FilterBar view={view} choices={[statusChoices]} quickLabel="Order or tracking number" />
      </Box>
      {list.status === 'loading' && <LoadingSkeleton rows={10} label="Loading shipments" />}
      {list.status === 'error' && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.status === 'ready' &&
        (list.data.items.length === 0 ? (
          <EmptyState
            title="No shipments yet"
            description="A shipment appears here when the pack station prints its label."
          />
        ) : (
          <DataTable
            label="Shipments"
            data={list.data.items}
            columns={columns}
            getRowId={(s) => s.id}
            view={view}
            height="calc(100vh - 260px)"
            empty={
              <EmptyState
                title="No shipments match"
                description="Clear the search or choose another status."
              />
            }
          />
        ))}
      <VoidDialog
        shipment={voiding}
        onClose={() => setVoiding(null)}
        onVoided={(s) => {
          setVoiding(null);
          setMessage({ text: `Label ${s.trackingNumber} of ${s.orderNumber} voided.` });
          list.reload();
        }}
      />
    </Page>
  );
}
