/**
 * The audit log (owners): who changed what and when, newest first, filtered on the server by kind
 * of record, record id and person (the filters are in the address), a page at a time.
 */
import { Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { z } from 'zod';
import type { auditEntry } from '@shoebox/shared/contracts';
import { useSearchParam } from '../../app/router.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, Page } from '../../components/ScreenState.tsx';
import { columnsFor } from '../../components/table-features.ts';
import { useUrlTableState } from '../../components/url-table-state.ts';
import { when } from '../../lib/format.ts';
import { allows, useSession } from '../../lib/session.tsx';
import { useInvoke } from '../../lib/use-invoke.ts';
import { Loaded, OnlineOnly } from './online-only.tsx';

type AuditRow = z.output<typeof auditEntry>;
const PAGE_SIZE = 50;

/** The kinds of record the API writes to the log, in the words of the shop. */
export const auditEntities: Record<string, string> = {
  order: 'Orders',
  product: 'Products',
  variant: 'Variants',
  staff: 'Staff',
  device: 'Devices',
  api_key: 'API keys',
  stock_location: 'Stock locations',
  bin: 'Bins',
  return: 'Returns',
  customer: 'Customers',
  coupon: 'Coupons',
  settings: 'Shop settings',
};

/** A change as one line: the fields that differ, "field: before → after". */
export function changeWords(before: unknown, after: unknown): string {
  const a = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const b = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const show = (v: unknown) =>
    v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
  return keys.map((k) => `${k}: ${show(a[k])} → ${show(b[k])}`).join('; ');
}

const col = columnsFor<AuditRow>();
const columns = (names: Map<string, string>) => [
  col.accessor('createdAt', { header: 'When', cell: (c) => when(c.getValue()) }),
  col.accessor((e) => names.get(e.actorId) ?? `${e.actorType} ${e.actorId.slice(0, 8)}`, {
    id: 'who',
    header: 'Who',
  }),
  col.accessor('action', { header: 'What' }),
  col.accessor((e) => auditEntities[e.entity] ?? e.entity, { id: 'entity', header: 'Record' }),
  col.accessor('entityId', {
    header: 'Id',
    // The end of an id tells records apart (the start of a UUIDv7 is its time); the whole id on hover.
    cell: (c) => (
      <span title={c.getValue()} style={{ fontFamily: 'ui-monospace, monospace' }}>
        …{c.getValue().slice(-8)}
      </span>
    ),
  }),
  col.accessor((e) => changeWords(e.before, e.after), {
    id: 'change',
    header: 'Change',
    cell: (c) => (
      <Typography
        variant="body2"
        sx={{ maxWidth: 460, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        title={c.getValue()}
      >
        {c.getValue()}
      </Typography>
    ),
  }),
];

export function AuditLogScreen() {
  return (
    <Page title="Audit log">
      <OnlineOnly what="The audit log">
        <AuditTable />
      </OnlineOnly>
    </Page>
  );
}

function AuditTable() {
  const { session } = useSession();
  const [entity, setEntity] = useSearchParam('entity');
  const [entityId, setEntityId] = useSearchParam('id');
  const [actorId, setActorId] = useSearchParam('who');
  const [pageText, setPage] = useSearchParam('page');
  const page = Math.max(1, Number(pageText) || 1);
  const log = useInvoke('audit.list', {
    ...(entity ? { entity } : {}),
    ...(entityId ? { entityId } : {}),
    ...(actorId ? { actorId } : {}),
    page,
    pageSize: PAGE_SIZE,
  });
  const staff = useInvoke('staff.list', {});
  const names = new Map(staff.status === 'ready' ? staff.data.items.map((p) => [p.id, p.name]) : []);
  const view = useUrlTableState();
  const filter = (set: (v: string | null) => void) => (value: string) => {
    setPage(null);
    set(value || null);
  };
  return (
    <>
      <Stack direction="row" spacing={1}>
        <TextField
          select
          label="Record"
          value={entity ?? ''}
          onChange={(e) => filter(setEntity)(e.target.value)}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value="">Everything</MenuItem>
          {Object.entries(auditEntities).map(([k, label]) => (
            <MenuItem key={k} value={k}>
              {label}
            </MenuItem>
          ))}
        </TextField>
        {allows(session, 'staff:manage') && (
          <TextField
            select
            label="Who"
            value={actorId ?? ''}
            onChange={(e) => filter(setActorId)(e.target.value)}
            sx={{ minWidth: 200 }}
          >
            <MenuItem value="">Anyone</MenuItem>
            {[...names].map(([id, name]) => (
              <MenuItem key={id} value={id}>
                {name}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField
          label="Record id"
          value={entityId ?? ''}
          onChange={(e) => filter(setEntityId)(e.target.value.trim())}
          sx={{ minWidth: 320 }}
        />
      </Stack>
      <Loaded state={log} label="Loading the audit log" rows={10}>
        {(data) => (
          <>
            <DataTable
              label="Audit log"
              data={data.items}
              columns={columns(names)}
              getRowId={(e) => e.id}
              view={view}
              height="calc(100vh - 280px)"
              empty={
                <EmptyState title="Nothing in the log matches" description="Clear a filter to see more." />
              }
            />
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'flex-end' }}>
              <Typography variant="body2" color="text.secondary">
                {data.total === 0
                  ? 'No entries'
                  : `${(page - 1) * PAGE_SIZE + 1}–${Math.min(page * PAGE_SIZE, data.total)} of ${data.total}`}
              </Typography>
              <Button disabled={page <= 1} onClick={() => setPage(String(page - 1))}>
                Newer
              </Button>
              <Button disabled={page * PAGE_SIZE >= data.total} onClick={() => setPage(String(page + 1))}>
                Older
              </Button>
            </Stack>
          </>
        )}
      </Loaded>
    </>
  );
}
