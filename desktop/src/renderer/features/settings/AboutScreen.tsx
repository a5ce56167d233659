/** Settings > About this device: the install's identity, version and the server it talks to. */
import { Paper, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { ErrorState, LoadingSkeleton, Page } from '../../components/ScreenState.tsx';
import { when } from '../../lib/format.ts';
import { useInvoke } from '../../lib/use-invoke.ts';

export function AboutScreen() {
  const device = useInvoke('devices.current', {});
  return (
    <Page title="About this device">
      {device.status === 'loading' && <LoadingSkeleton rows={5} label="Loading device details" />}
      {device.status === 'error' && <ErrorState error={device.error} onRetry={device.reload} />}
      {device.status === 'ready' && (
        <Paper>
          <Table aria-label="This device">
            <TableBody>
              {[
                ['Device name', device.data.name],
                ['Device id', device.data.id],
                ['Running as', device.data.mode === 'electron' ? 'Desktop app' : 'Browser (web back office)'],
                ['App version', device.data.appVersion],
                ['Shop server', device.data.apiUrl],
                ['Set up on', when(device.data.createdAt)],
              ].map(([label, value]) => (
                <TableRow key={label}>
                  <TableCell component="th" sx={{ width: 200, fontWeight: 600 }}>
                    {label}
                  </TableCell>
                  <TableCell>{value}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Page>
  );
}
