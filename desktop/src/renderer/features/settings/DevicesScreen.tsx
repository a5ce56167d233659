/**
 * Devices (owners): every desktop that holds a copy of the shop, who registered it, when it was
 * last seen. Revoking one (a lost laptop) wipes its copy at its next sync and signs it out.
 */
import { Button, Chip, Typography } from '@mui/material';
import { useState } from 'react';
import type { DeviceListEntry } from '@shoebox/shared/contracts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, Page } from '../../components/ScreenState.tsx';
import { columnsFor } from '../../components/table-features.ts';
import { useUrlTableState } from '../../components/url-table-state.ts';
import { useBackend } from '../../lib/backend.tsx';
import { when } from '../../lib/format.ts';
import { useInvoke } from '../../lib/use-invoke.ts';
import { Loaded, OnlineOnly } from './online-only.tsx';

const col = columnsFor<DeviceListEntry>();
const columns = (revoke: (d: DeviceListEntry) => void) => [
  col.accessor('name', { header: 'Device' }),
  col.accessor((d) => d.staff?.name ?? 'Unknown', { id: 'staff', header: 'Registered by' }),
  col.accessor((d) => (d.mode === 'electron' ? 'Desktop app' : 'Browser'), { id: 'mode', header: 'Runs as' }),
  col.accessor('appVersion', { header: 'Version' }),
  col.accessor((d) => d.lastSeenAt ?? '', {
    id: 'lastSeen',
    header: 'Last seen',
    cell: (c) => (c.row.original.lastSeenAt ? when(c.row.original.lastSeenAt) : 'Never'),
  }),
  col.accessor((d) => (d.revokedAt ? 'Revoked' : 'Active'), {
    id: 'state',
    header: 'State',
    cell: (c) =>
      c.row.original.revokedAt ? (
        <Chip
          size="small"
          color="error"
          variant="outlined"
          label={`Revoked ${when(c.row.original.revokedAt)}`}
        />
      ) : (
        <Button size="small" color="error" onClick={() => revoke(c.row.original)}>
          Revoke…
        </Button>
      ),
  }),
];

export function DevicesScreen() {
  return (
    <Page title="Devices">
      <OnlineOnly what="Managing devices">
        <DevicesTable />
      </OnlineOnly>
    </Page>
  );
}

function DevicesTable() {
  const backend = useBackend();
  const devices = useInvoke('devices.list', {});
  const view = useUrlTableState();
  const [revoking, setRevoking] = useState<DeviceListEntry | null>(null);
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        Each desktop keeps a copy of orders, stock and customers' delivery addresses so it works offline. If a
        laptop is lost or sold, revoke it here.
      </Typography>
      <Loaded state={devices} label="Loading devices">
        {(data) => (
          <DataTable
            label="Devices"
            data={data.items}
            columns={columns(setRevoking)}
            getRowId={(d) => d.id}
            view={view}
            empty={
              <EmptyState
                title="No devices yet"
                description="A desktop appears here the first time someone signs in on it."
              />
            }
          />
        )}
      </Loaded>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking?.name ?? 'this device'}?`}
        confirmLabel="Revoke the device"
        danger
        onClose={() => setRevoking(null)}
        run={async () => {
          if (!revoking) return;
          await backend.invoke('devices.revoke', { id: revoking.id });
          devices.reload();
        }}
      >
        <Typography variant="body2">
          For a lost or stolen laptop. The next time it connects, its copy of the shop is wiped and whoever is
          signed in is signed out. Changes made on it that never reached the server are lost. It cannot be
          undone: the device would have to be set up again.
        </Typography>
      </ConfirmDialog>
    </>
  );
}
