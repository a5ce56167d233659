/** A band under the top bar on every screen while the shop server cannot be reached. */
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import { Box, Typography } from '@mui/material';
import type { SyncStatus } from '../../ipc/index.ts';
import { when } from '../lib/format.ts';

export function OfflineBanner({ status }: { status: SyncStatus | undefined }) {
  if (status?.state !== 'offline') return null;
  const since = status.lastContactAt ? ` Last answer at ${when(status.lastContactAt)}.` : '';
  const pending =
    status.pending > 0
      ? ` ${status.pending} change${status.pending === 1 ? '' : 's'} waiting to be sent.`
      : ' Nothing is waiting to be sent.';
  return (
    <Box
      role="alert"
      data-testid="offline-banner"
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1,
        px: 3,
        py: 0.75,
        bgcolor: '#fff8c5',
        borderBottom: '1px solid #d4a72c',
        color: '#4d2d00',
      }}
    >
      <CloudOffOutlined fontSize="small" />
      <Typography variant="body2">
        <strong>Offline:</strong> the shop server cannot be reached.{since}
        {pending}
      </Typography>
    </Box>
  );
}
