/**
 * Staff and roles (owners): everyone with their role, whether the account is on, and their last
 * sign-in (and whether a code was part of it). A row opens the person: change the role, switch
 * the account off or on, reset two-factor, read the sign-in history. Online only.
 */
import { Button, Chip, Typography } from '@mui/material';
import type { Role } from '@shoebox/shared';
import { useState } from 'react';
import type { StaffRow } from '../../../ipc/index.ts';
import { useScreenKeys } from '../../app/screen-keys.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, Page } from '../../components/ScreenState.tsx';
import { columnsFor } from '../../components/table-features.ts';
import { useUrlTableState } from '../../components/url-table-state.ts';
import { when } from '../../lib/format.ts';
import { roleName } from '../../lib/roles.ts';
import { useInvoke } from '../../lib/use-invoke.ts';
import { Kbd } from '../inventory/InventoryScreen.tsx';
import { Loaded, OnlineOnly } from './online-only.tsx';
import { AddStaffDialog, PersonDialog } from './staff-dialogs.tsx';

export const staffShortcuts = [{ keys: 'a', what: 'Add a staff member' }];

export const lastSignInWords = (p: Pick<StaffRow, 'lastSignInAt' | 'lastSignInStep'>) =>
  p.lastSignInAt === null
    ? 'Never'
    : `${when(p.lastSignInAt)} · ${p.lastSignInStep === 'password' ? 'password only' : 'with a code'}`;

const col = columnsFor<StaffRow>();
const columns = [
  col.accessor('name', { header: 'Name' }),
  col.accessor('email', { header: 'Email' }),
  col.accessor((p) => roleName(p.role as Role), { id: 'role', header: 'Role' }),
  col.accessor((p) => (p.active ? 'Active' : 'Switched off'), {
    id: 'active',
    header: 'Account',
    cell: (c) => (
      <Chip
        size="small"
        variant="outlined"
        color={c.row.original.active ? 'default' : 'warning'}
        label={c.getValue()}
      />
    ),
  }),
  col.accessor((p) => p.lastSignInAt ?? '', {
    id: 'lastSignIn',
    header: 'Last sign-in',
    cell: (c) => lastSignInWords(c.row.original),
  }),
];

export function StaffScreen() {
  const [adding, setAdding] = useState(false);
  useScreenKeys({ a: () => setAdding(true) });
  return (
    <Page
      title="Staff and roles"
      actions={
        <Button variant="contained" onClick={() => setAdding(true)}>
          Add staff <Kbd>a</Kbd>
        </Button>
      }
    >
      <OnlineOnly what="Managing staff">
        <StaffTable adding={adding} onAdded={() => setAdding(false)} />
      </OnlineOnly>
    </Page>
  );
}

function StaffTable({ adding, onAdded }: { adding: boolean; onAdded(): void }) {
  const staff = useInvoke('staff.list', {});
  const view = useUrlTableState();
  const [open, setOpen] = useState<StaffRow | null>(null);
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        Owners manage staff, devices and keys; managers run orders, products and customers; the warehouse
        picks, packs and counts and never sees money. Switching an account off signs it out everywhere.
      </Typography>
      <Loaded state={staff} label="Loading staff">
        {(data) => (
          <DataTable
            label="Staff"
            data={data.items}
            columns={columns}
            getRowId={(p) => p.id}
            view={view}
            onRowClick={setOpen}
            empty={<EmptyState title="No staff yet" description="Add the first person with Add staff." />}
          />
        )}
      </Loaded>
      <AddStaffDialog open={adding} onClose={onAdded} onDone={staff.reload} />
      {open && (
        <PersonDialog
          person={open}
          onClose={() => setOpen(null)}
          onChanged={() => {
            setOpen(null);
            staff.reload();
          }}
        />
      )}
    </>
  );
}
