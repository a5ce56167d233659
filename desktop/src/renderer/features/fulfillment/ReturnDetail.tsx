/** One return: inspect each line, receive it, and (managers, online) refund it after confirming the amount. */
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { useState } from 'react';
import type { ReturnDetail as Detail } from '../../../ipc/shapes/fulfillment.ts';
import { navigate } from '../../app/router.tsx';
import { ErrorState, OfflineNotice, Page } from '../../components/ScreenState.tsx';
import { useBackend } from '../../lib/backend.tsx';
import { money, size, when } from '../../lib/format.ts';
import { allows, useSession } from '../../lib/session.tsx';
import { useSyncStatus } from '../../lib/sync-status.ts';
import { ReturnChip, reasonWords } from './shipment-words.tsx';

type Inspection = 'restock' | 'b_stock' | 'write_off';
const inspectionWords: Record<Inspection, string> = {
  restock: 'Restock',
  b_stock: 'B-stock',
  write_off: 'Write off',
};

export function ReturnDetail({ detail: d, onChanged }: { detail: Detail; onChanged(): void }) {
  const backend = useBackend();
  const { session } = useSession();
  const offline = useSyncStatus()?.state === 'offline';
  const [choices, setChoices] = useState<Record<string, Inspection>>({});
  const [confirm, setConfirm] = useState<'receive' | 'refund' | null>(null);
  const [error, setError] = useState<DomainError | null>(null);
  const receiving = d.status === 'requested';
  const allChosen = d.lines.every((l) => choices[l.id]);
  const writeOffs = d.lines.filter((l) => choices[l.id] === 'write_off');
  const mayRefund = allows(session, 'orders:refund') && d.refundTotalMinor !== null;

  const run = async (what: 'receive' | 'refund') => {
    setError(null);
    try {
      if (what === 'receive')
        await backend.invoke('returns.receive', {
          returnId: d.id,
          lines: d.lines.map((l) => ({ returnLineId: l.id, inspection: choices[l.id]! })),
        });
      else await backend.invoke('returns.refund', { returnId: d.id });
      setConfirm(null);
      onChanged();
    } catch (e) {
      setError(e as DomainError);
    }
  };
  const receive = () => (writeOffs.length > 0 ? setConfirm('receive') : void run('receive'));

  return (
    <Page
      title={`Return for ${d.orderNumber}`}
      actions={
        <Stack direction="row" spacing={1}>
          <Button onClick={() => navigate('/returns')}>All returns</Button>
          <Button onClick={() => navigate(`/orders/${d.orderNumber}`)}>Open the order</Button>
        </Stack>
      }
    >
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <ReturnChip status={d.status} />
        <Typography color="text.secondary">
          Opened {when(d.createdAt)}
          {d.receivedAt ? ` · received ${when(d.receivedAt)}` : ''}
          {d.pending ? ' · not synced yet' : ''}
        </Typography>
      </Stack>
      {offline && (
        <OfflineNotice stillWorks="Receiving and inspecting work as usual and sync later. Refunds go through the payment provider, so they wait until the shop server answers." />
      )}
      <Paper>
        <Table aria-label="Returned pairs">
          <TableHead>
            <TableRow>
              <TableCell>Pair</TableCell>
              <TableCell>Reason</TableCell>
              <TableCell>Exchange for</TableCell>
              {mayRefund && <TableCell align="right">Refund</TableCell>}
              <TableCell>Inspection</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {d.lines.map((l) => (
              <TableRow key={l.id} data-testid="return-line">
                <TableCell>
                  <Typography sx={{ fontWeight: 600 }}>
                    {l.quantity} × {size(l.sizeEu, { forCustomer: true })}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {l.productName} · {l.colourName} · {l.sku}
                  </Typography>
                </TableCell>
                <TableCell>{reasonWords[l.reason] ?? l.reason}</TableCell>
                <TableCell>
                  {l.exchangeFor
                    ? `${size(l.exchangeFor.sizeEu)} ${l.exchangeFor.colourName} (reserved)`
                    : 'Refund'}
                </TableCell>
                {mayRefund && (
                  <TableCell align="right">
                    {l.exchangeFor ? 'Exchange' : money(l.refundMinor, d.currency)}
                  </TableCell>
                )}
                <TableCell>
                  {receiving ? (
                    <ToggleButtonGroup
                      exclusive
                      size="small"
                      aria-label={`Inspection of ${l.sku}`}
                      value={choices[l.id] ?? null}
                      onChange={(_, v: Inspection | null) => v && setChoices({ ...choices, [l.id]: v })}
                    >
                      {(Object.keys(inspectionWords) as Inspection[]).map((i) => (
                        <ToggleButton
                          key={i}
                          value={i}
                          sx={{
                            minHeight: 40,
                            px: 1.5,
                            '&.Mui-selected, &.Mui-selected:hover': {
                              bgcolor: i === 'write_off' ? 'error.main' : 'primary.main',
                              color: 'common.white',
                            },
                          }}
                        >
                          {choices[l.id] === i ? '✓ ' : ''}
                          {inspectionWords[i]}
                        </ToggleButton>
                      ))}
                    </ToggleButtonGroup>
                  ) : (
                    (l.inspection && inspectionWords[l.inspection]) || '—'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {error && <ErrorState error={error} />}
      {receiving && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Button variant="contained" disabled={!allChosen} onClick={receive} sx={{ minHeight: 48 }}>
            Receive the return
          </Button>
          {!allChosen && (
            <Typography color="text.secondary">Choose what happens to every pair first.</Typography>
          )}
        </Stack>
      )}
      {d.status === 'received' && mayRefund && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Button
            variant="contained"
            color="warning"
            disabled={offline}
            onClick={() => setConfirm('refund')}
            sx={{ minHeight: 48 }}
          >
            Refund {money(d.refundTotalMinor, d.currency)}…
          </Button>
          {offline && (
            <Typography color="text.secondary">
              Refunds need the shop server; it cannot be reached now.
            </Typography>
          )}
        </Stack>
      )}
      {d.status === 'received' && !mayRefund && (
        <Alert severity="info">Received. A manager refunds it or sends the exchange.</Alert>
      )}
      {d.refundId && <Typography color="text.secondary">Refunded ({d.refundId}).</Typography>}
      <Dialog open={confirm !== null} onClose={() => setConfirm(null)} aria-labelledby="return-confirm-title">
        <DialogTitle id="return-confirm-title">
          {confirm === 'refund'
            ? `Refund ${money(d.refundTotalMinor, d.currency)} for order ${d.orderNumber}?`
            : `Write off ${writeOffs.map((l) => `${size(l.sizeEu)} ${l.colourName} ${l.productName}`).join(', ')}?`}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {confirm === 'refund'
              ? "The money goes back to the customer's original payment. This cannot be undone."
              : 'Written-off pairs do not go back into stock. The other pairs are received as chosen.'}
          </DialogContentText>
          {error && <ErrorState error={error} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(null)}>Cancel</Button>
          <Button variant="contained" color="warning" onClick={() => void run(confirm ?? 'receive')}>
            {confirm === 'refund'
              ? `Refund ${money(d.refundTotalMinor, d.currency)}`
              : 'Receive and write off'}
          </Button>
        </DialogActions>
      </Dialog>
    </Page>
  );
}
