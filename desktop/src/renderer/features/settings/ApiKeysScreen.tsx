/**
 * API keys (owners): keys other systems use to talk to the shop, each with only the permissions
 * it needs. A new key's secret is shown once, right after it is made; revoking stops it at once.
 */
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  TextField,
  Typography,
} from '@mui/material';
import { type Permission, permissions } from '@shoebox/shared';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, Page } from '../../components/ScreenState.tsx';
import { columnsFor } from '../../components/table-features.ts';
import { useUrlTableState } from '../../components/url-table-state.ts';
import { useBackend } from '../../lib/backend.tsx';
import { when } from '../../lib/format.ts';
import { permissionWords } from '../../lib/roles.ts';
import { useInvoke } from '../../lib/use-invoke.ts';
import { Loaded, OnlineOnly } from './online-only.tsx';

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const mono = { fontFamily: 'ui-monospace, monospace' } as const;
const col = columnsFor<ApiKeyRow>();
const columns = (revoke: (k: ApiKeyRow) => void) => [
  col.accessor('name', { header: 'Name' }),
  col.accessor('prefix', { header: 'Starts with', cell: (c) => <span style={mono}>{c.getValue()}…</span> }),
  col.accessor((k) => k.permissions.join(', '), { id: 'permissions', header: 'May' }),
  col.accessor((k) => k.lastUsedAt ?? '', {
    id: 'lastUsed',
    header: 'Last used',
    cell: (c) => (c.row.original.lastUsedAt ? when(c.row.original.lastUsedAt) : 'Never'),
  }),
  col.accessor((k) => (k.revokedAt ? 'Revoked' : 'Active'), {
    id: 'state',
    header: 'State',
    cell: (c) =>
      c.row.original.revokedAt ? (
        `Revoked ${when(c.row.original.revokedAt)}`
      ) : (
        <Button size="small" color="error" onClick={() => revoke(c.row.original)}>
          Revoke…
        </Button>
      ),
  }),
];

export function ApiKeysScreen() {
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title="API keys"
      actions={
        <Button variant="contained" onClick={() => setCreating(true)}>
          Create a key
        </Button>
      }
    >
      <OnlineOnly what="Managing API keys">
        <KeysTable creating={creating} onCreated={() => setCreating(false)} />
      </OnlineOnly>
    </Page>
  );
}

function KeysTable({ creating, onCreated }: { creating: boolean; onCreated(): void }) {
  const backend = useBackend();
  const keys = useInvoke('apiKeys.list', {});
  const view = useUrlTableState();
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const [secret, setSecret] = useState<{ name: string; key: string } | null>(null);
  return (
    <>
      <Loaded state={keys} label="Loading API keys">
        {(data) => (
          <DataTable
            label="API keys"
            data={data.items}
            columns={columns(setRevoking)}
            getRowId={(k) => k.id}
            view={view}
            empty={
              <EmptyState
                title="No API keys"
                description="Make one for each system that talks to the shop (an accounting tool, a marketplace), with only what it needs."
              />
            }
          />
        )}
      </Loaded>
      <CreateKeyDialog
        open={creating}
        onClose={onCreated}
        onCreated={(created) => {
          setSecret(created);
          keys.reload();
        }}
      />
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke the key "${revoking?.name ?? ''}"?`}
        confirmLabel="Revoke the key"
        danger
        onClose={() => setRevoking(null)}
        run={async () => {
          if (!revoking) return;
          await backend.invoke('apiKeys.revoke', { id: revoking.id });
          keys.reload();
        }}
      >
        <Typography variant="body2">
          Whatever uses it is refused from now on. This cannot be undone; make a new key if it is needed
          again.
        </Typography>
      </ConfirmDialog>
    </>
  );
}

function CreateKeyDialog(props: {
  open: boolean;
  onClose(): void;
  onCreated(created: { name: string; key: string }): void;
}) {
  const backend = useBackend();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<Permission[]>([]);
  const toggle = (p: Permission) => setChosen((c) => (c.includes(p) ? c.filter((x) => x !== p) : [...c, p]));
  return (
    <ConfirmDialog
      open={props.open}
      title="Create an API key"
      confirmLabel="Create the key"
      disabled={!name.trim() || chosen.length === 0}
      onClose={props.onClose}
      run={async () => {
        const created = await backend.invoke('apiKeys.create', { name: name.trim(), permissions: chosen });
        setName('');
        setChosen([]);
        props.onCreated({ name: created.name, key: created.key });
      }}
    >
      <TextField
        label="Name (what uses it)"
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoFocus
      />
      <FormGroup aria-label="Permissions" sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr' }}>
        {permissions.map((p) => (
          <FormControlLabel
            key={p}
            control={<Checkbox size="small" checked={chosen.includes(p)} onChange={() => toggle(p)} />}
            label={permissionWords[p]}
          />
        ))}
      </FormGroup>
    </ConfirmDialog>
  );
}

function SecretDialog({
  secret,
  onClose,
}: {
  secret: { name: string; key: string } | null;
  onClose(): void;
}) {
  const [copied, setCopied] = useState(false);
  const close = () => {
    setCopied(false);
    onClose();
  };
  return (
    <Dialog open={secret !== null} maxWidth="sm" fullWidth aria-labelledby="secret-title">
      <DialogTitle id="secret-title">The key "{secret?.name}"</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          Copy it now: it is shown this once and the shop does not keep it. If it is lost, revoke it and make
          a new one.
        </Alert>
        <Box
          data-testid="api-key-secret"
          sx={{
            ...mono,
            p: 1.5,
            bgcolor: 'action.hover',
            borderRadius: 1,
            wordBreak: 'break-all',
            userSelect: 'all',
          }}
        >
          {secret?.key}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button
          onClick={() => {
            void navigator.clipboard?.writeText(secret?.key ?? '').then(
              () => setCopied(true),
              () => {},
            );
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
        <Button variant="contained" onClick={close}>
          I have copied it
        </Button>
      </DialogActions>
    </Dialog>
  );
}
