/**
 * The sync state in the top bar. Offline is always shown, never hidden; each state has its own
 * icon and words, so colour is never the only signal.
 */
import CloudDoneOutlined from '@mui/icons-material/CloudDoneOutlined';
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import CloudSyncOutlined from '@mui/icons-material/CloudSyncOutlined';
import HourglassEmpty from '@mui/icons-material/HourglassEmpty';
import { Chip, Tooltip } from '@mui/material';
import type { SyncStatus } from '../../ipc/index.ts';
import { when } from '../lib/format.ts';

export function syncLabel(status: SyncStatus | undefined): string {
  if (!status) return 'Checking connection';
  const pending = status.pending > 0 ? ` · ${status.pending} to send` : '';
  if (status.state === 'online') return `Online${pending}`;
  if (status.state === 'syncing') return `Syncing${pending}`;
  return `Offline${status.pending > 0 ? ` · ${status.pending} waiting` : ''}`;
}

export function SyncIndicator({
  status,
  testId = 'sync-state',
}: {
  status: SyncStatus | undefined;
  testId?: string;
}) {
  const label = syncLabel(status);
  const icon = !status ? (
    <HourglassEmpty />
  ) : status.state === 'online' ? (
    <CloudDoneOutlined />
  ) : status.state === 'syncing' ? (
    <CloudSyncOutlined />
  ) : (
    <CloudOffOutlined />
  );
  const color = status?.state === 'offline' ? 'warning' : status?.state === 'online' ? 'success' : 'default';
  const detail = status?.lastContactAt
    ? `Shop server ${status.apiUrl}, last answered ${when(status.lastContactAt)}`
    : `Shop server ${status?.apiUrl ?? ''} has not answered yet`;
  return (
    <Tooltip title={detail}>
      <Chip
        role="status"
        aria-live="polite"
        data-testid={testId}
        data-state={status?.state ?? 'unknown'}
        icon={icon}
        label={label}
        color={color}
        variant={status?.state === 'offline' ? 'filled' : 'outlined'}
        size="small"
      />
    </Tooltip>
  );
}
