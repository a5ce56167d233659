/**
 * Cancel and refund on the order detail, for roles that may move money (orders:refund; the
 * warehouse never sees them). Both go straight to the shop server, so offline the buttons are
 * off and say why. Each asks first, naming the order, the customer and the amount.
 */
import {
  Checkbox,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
  Button,
} from '@mui/material';
import { canTransition } from '@shoebox/shared';
import { useState } from 'react';
import type { OrderDetail } from '../../../ipc/index.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useBackend } from '../../lib/backend.tsx';
import { money } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { useSyncStatus } from '../../lib/sync-status.ts';
import { type RefundChoice, refundable, refundAmount } from './refund-amount.ts';

const customerOf = (order: OrderDetail) => order.shippingAddress?.name ?? order.email ?? 'the customer';

export function OrderMoneyActions({ order, onChanged }: { order: OrderDetail; onChanged(): void }) {
  const { session } = useSession();
  const status = useSyncStatus();
  const [open, setOpen] = useState<'cancel' | 'refund' | null>(null);
  if (!session?.permissions.includes('orders:refund')) return null;
  const canCancel = canTransition(order.status, 'cancel');
  const canRefund = order.paidAt !== null && refundable(order) > 0;
  if (!canCancel && !canRefund) return null;
  const offline = status?.state === 'offline' || session.offline;

  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-end' }}>
      <Stack direction="row" spacing={1}>
        {canRefund && (
          <Button variant="outlined" disabled={offline} onClick={() => setOpen('refund')}>
            Refund…
          </Button>
        )}
        {canCancel && (
          <Button variant="outlined" color="error" disabled={offline} onClick={() => setOpen('cancel')}>
            Cancel order…
          </Button>
        )}
      </Stack>
      {offline && (
        <Typography variant="caption" color="text.secondary" data-testid="money-offline">
          Cancelling and refunding need a connection to the shop server.
        </Typography>
      )}
      <CancelDialog order={order} open={open === 'cancel'} onClose={() => setOpen(null)} onDone={onChanged} />
      <RefundDialog order={order} open={open === 'refund'} onClose={() => setOpen(null)} onDone={onChanged} />
    </Stack>
  );
}

interface DialogProps {
  order: OrderDetail;
  open: boolean;
  onClose(): void;
  onDone(): void;
}

function CancelDialog({ order, open, onClose, onDone }: DialogProps) {
  const backend = useBackend();
  const [reason, setReason] = useState('');
  const paid = order.paidAt !== null ? refundable(order) : 0;
  return (
    <ConfirmDialog
      open={open}
      title={`Cancel order ${order.number} for ${customerOf(order)}?`}
      confirmLabel="Cancel the order"
      danger
      disabled={!reason.trim()}
      onClose={onClose}
      run={async () => {
        await backend.invoke('orders.cancel', { orderId: order.id, reason: reason.trim() });
        setReason('');
        onDone();
      }}
    >
      <Typography variant="body2">
        The shoes go back into stock
        {paid > 0 ? ` and ${money(paid, order.currency)} is refunded to the customer` : ''}. This cannot be
        undone.
      </Typography>
      <TextField
        label="Why (kept in the timeline)"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        autoFocus
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
    </ConfirmDialog>
  );
}

function RefundDialog({ order, open, onClose, onDone }: DialogProps) {
  const backend = useBackend();
  const [choice, setChoice] = useState<RefundChoice>({ kind: 'all' });
  const [reason, setReason] = useState('');
  const amount = refundAmount(order, choice);
  const cur = order.currency;
  const title =
    amount === null
      ? `Refund order ${order.number}`
      : `Refund ${money(amount, cur)} to ${customerOf(order)}?`;
  const toggleLine = (id: string, ids: readonly string[]) =>
    setChoice({ kind: 'lines', lineIds: ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id] });
  const lineIds = choice.kind === 'lines' ? choice.lineIds : [];

  return (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={amount === null ? 'Refund' : `Refund ${money(amount, cur)}`}
      danger
      disabled={amount === null || !reason.trim()}
      onClose={onClose}
      run={async () => {
        if (amount === null) return;
        await backend.invoke('orders.refund', {
          orderId: order.id,
          amountMinor: amount,
          reason: reason.trim(),
        });
        setChoice({ kind: 'all' });
        setReason('');
        onDone();
      }}
    >
      <Typography variant="body2">
        {money(refundable(order), cur)} of {money(order.totals?.totalMinor ?? 0, cur)} is left to refund. The
        money goes back to the card or account the customer paid with.
      </Typography>
      <RadioGroup
        aria-label="How much to refund"
        value={choice.kind}
        onChange={(e) => {
          const kind = e.target.value as RefundChoice['kind'];
          setChoice(
            kind === 'all' ? { kind } : kind === 'lines' ? { kind, lineIds: [] } : { kind, text: '' },
          );
        }}
      >
        <FormControlLabel
          value="all"
          control={<Radio />}
          label={`Everything left (${money(refundable(order), cur)})`}
        />
        <FormControlLabel value="lines" control={<Radio />} label="Chosen lines" />
        {choice.kind === 'lines' && (
          <Stack sx={{ pl: 4 }}>
            {order.lines.map((l) => (
              <FormControlLabel
                key={l.id}
                control={
                  <Checkbox checked={lineIds.includes(l.id)} onChange={() => toggleLine(l.id, lineIds)} />
                }
                label={`${l.productName}, ${l.colourName}, EU ${l.sizeEu} · ${money(l.lineTotalMinor, cur)}`}
              />
            ))}
          </Stack>
        )}
        <FormControlLabel value="amount" control={<Radio />} label="An amount" />
        {choice.kind === 'amount' && (
          <TextField
            sx={{ ml: 4, maxWidth: 200 }}
            label={`Amount (${cur})`}
            value={choice.text}
            onChange={(e) => setChoice({ kind: 'amount', text: e.target.value })}
            error={choice.text !== '' && amount === null}
            helperText={
              choice.text !== '' && amount === null
                ? `Up to ${money(refundable(order), cur)}, like 25.00`
                : ' '
            }
            autoFocus
          />
        )}
      </RadioGroup>
      <TextField
        label="Why (kept in the timeline)"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
    </ConfirmDialog>
  );
}
