/**
 * Home, the dashboard: today's orders and stock to look at (TodayCards), the state of this device (online or not, what is waiting to be sent) and who is signed in
 * with what their role lets them do. The day's work (orders to pick, low stock) joins it when the
 * offline cache arrives.
 */
import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { permissions } from '@shoebox/shared';
import { Link } from '../../app/router.tsx';
import { OfflineNotice, Page } from '../../components/ScreenState.tsx';
import { SyncIndicator, syncLabel } from '../../components/SyncIndicator.tsx';
import { when } from '../../lib/format.ts';
import { permissionWords, roleName } from '../../lib/roles.ts';
import { useSession } from '../../lib/session.tsx';
import { useSyncStatus } from '../../lib/sync-status.ts';
import { TodayCards } from './TodayCards.tsx';

export function HomeScreen() {
  const { session } = useSession();
  const status = useSyncStatus();
  if (!session) return null;
  const granted = new Set(session.permissions);
  const firstName = session.user.name.split(' ')[0];

  return (
    <Page title={`Hello, ${firstName}`}>
      {status?.state === 'offline' && (
        <OfflineNotice stillWorks="You stay signed in and can move around the app. Anything you change is kept on this device and sent when the shop server answers again." />
      )}
      <TodayCards />
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 2 }}>
        <Paper sx={{ p: 2 }} aria-labelledby="sync-card-title">
          <Typography id="sync-card-title" variant="h2" sx={{ mb: 1 }}>
            Connection
          </Typography>
          <Stack spacing={1}>
            <Box>
              <SyncIndicator status={status} testId="home-sync-state" />
            </Box>
            <Typography data-testid="sync-summary">{syncLabel(status)}</Typography>
            <Typography variant="body2" color="text.secondary">
              Shop server: {status?.apiUrl ?? '…'}
              {status?.lastContactAt ? ` · last answer ${when(status.lastContactAt)}` : ''}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Changes waiting to be sent: {status?.pending ?? 0} · needing attention:{' '}
              {status?.needsAttention ?? 0}
            </Typography>
            {(status?.needsAttention ?? 0) > 0 && <Link to="/sync">Open Needs attention</Link>}
          </Stack>
        </Paper>
        <Paper sx={{ p: 2 }} aria-labelledby="role-card-title">
          <Typography id="role-card-title" variant="h2" sx={{ mb: 1 }}>
            Signed in
          </Typography>
          <Typography>
            {session.user.name} ({session.user.email})
          </Typography>
          <Stack direction="row" spacing={1} sx={{ my: 1, alignItems: 'center' }}>
            <Typography>Role:</Typography>
            <Chip label={roleName(session.user.role)} size="small" data-testid="role" />
            {session.offline && <Chip label="Signed in offline" size="small" variant="outlined" />}
          </Stack>
          <Typography variant="body2" color="text.secondary">
            Since {when(session.signedInAt)}
          </Typography>
        </Paper>
      </Box>
      <Paper sx={{ p: 2 }} aria-labelledby="can-title">
        <Typography id="can-title" variant="h2" sx={{ mb: 1 }}>
          What your role can do
        </Typography>
        <Box component="ul" sx={{ m: 0, pl: 2.5, columns: 2 }} data-testid="permissions">
          {permissions
            .filter((p) => granted.has(p))
            .map((p) => (
              <li key={p}>
                <Typography variant="body2">{permissionWords[p]}</Typography>
              </li>
            ))}
        </Box>
      </Paper>
    </Page>
  );
}
