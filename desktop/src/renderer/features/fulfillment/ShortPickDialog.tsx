/**
 * A short pick: how many units are not at the bin, why, and what to do for the customer: wait
 * for stock, send another size or colour (only with the customer's consent, noted), or cancel the
 * line and refund it. Sent as one `pick.short`, which works offline.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { useEffect, useState } from 'react';
import type { PickBatchDetail } from '../../../ipc/shapes/fulfillment.ts';
import { ErrorState } from '../../components/ScreenState.tsx';
import { useBackend } from '../../lib/backend.tsx';
import { size } from '../../lib/format.ts';

type Stop = PickBatchDetail['stops'][number];
type Line = Stop['lines'][number];
type Choice = 'wait' | 'substitute' | 'cancel_line';

const reasons = ['Not at the bin', 'Damaged', 'Wrong size in the box', 'Only one shoe of the pair'];
const choiceWords: Record<Choice, string> = {
  wait: 'Wait: keep the order until the stock is found or arrives',
  // The server records these choices on the flagged order (timeline and audit); the swap and the
  // refund themselves are done from the order by the office, not by this mutation yet.
  substitute: 'Send another size or colour (the customer agreed): the office swaps it',
  cancel_line: 'Cancel this line with a refund: the office refunds it',
};

/** Other sizes and colours of the same style, from the local catalogue. */
function useSiblings(stop: Stop | null) {
  const backend = useBackend();
  const [options, setOptions] = useState<Array<{ id: string; label: string }>>([]);
  useEffect(() => {
    if (!stop) return;
    let live = true;
    void (async () => {
      const found = await backend.invoke('catalog.findByCode', { code: stop.sku }).catch(() => null);
      if (!found) return;
      const product = await backend
        .invoke('catalog.product', { productId: found.productId })
        .catch(() => null);
      if (!live || !product) return;
      setOptions(
        product.variants
          .filter((v) => v.active && v.id !== stop.variantId)
          .map((v) => ({ id: v.id, label: `${size(v.sizeEu)} ${v.colourName} · ${v.available} available` })),
      );
    })();
    return () => {
      live = false;
    };
  }, [backend, stop]);
  return options;
}

export function ShortPickDialog(props: {
  batchId: string;
  target: { stop: Stop; line: Line } | null;
  onClose(): void;
  onDone(message: string): void;
}) {
  const backend = useBackend();
  const line = props.target?.line;
  const open = line ? line.quantity - line.pickedQuantity - line.shortQuantity : 0;
  const [missing, setMissing] = useState(1);
  const [reason, setReason] = useState(reasons[0]!);
  const [choice, setChoice] = useState<Choice>('wait');
  const [substitute, setSubstitute] = useState('');
  const [consent, setConsent] = useState('');
  const [error, setError] = useState<Pick<DomainError, 'code' | 'message'> | null>(null);
  const siblings = useSiblings(props.target?.stop ?? null);
  const substituteMissing = choice === 'substitute' && (!substitute || consent.trim() === '');

  const submit = async () => {
    if (!props.target || !line) return;
    setError(null);
    try {
      await backend.invoke('pick.short', {
        batchId: props.batchId,
        lineId: line.id,
        missing,
        reason,
        choice,
        ...(choice === 'substitute' ? { substituteVariantId: substitute, consentNote: consent } : {}),
      });
      props.onDone(`${line.orderNumber}: ${missing} short (${reason.toLowerCase()}); the order is flagged.`);
    } catch (e) {
      setError(e as DomainError);
    }
  };

  return (
    <Dialog
      open={props.target !== null}
      onClose={props.onClose}
      aria-labelledby="short-title"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="short-title">
        Short pick: {props.target ? `${size(props.target.stop.sizeEu)} ${props.target.stop.colourName}` : ''}{' '}
        for {line?.orderNumber}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography color="text.secondary">
            {props.target?.stop.productName} · {props.target?.stop.sku} at bin{' '}
            {props.target?.stop.binCode ?? '—'}. The missing units are written off the shelf with this reason.
          </Typography>
          <TextField
            label={`Units missing (of ${open})`}
            type="number"
            value={missing}
            onChange={(e) => setMissing(Math.min(open, Math.max(1, Number(e.target.value) || 1)))}
            slotProps={{ htmlInput: { min: 1, max: open } }}
            sx={{ maxWidth: 200 }}
          />
          <TextField select label="Reason" value={reason} onChange={(e) => setReason(e.target.value)}>
            {reasons.map((r) => (
              <MenuItem key={r} value={r}>
                {r}
              </MenuItem>
            ))}
          </TextField>
          <RadioGroup
            aria-label="What to do for the customer"
            value={choice}
            onChange={(e) => setChoice(e.target.value as Choice)}
          >
            {(Object.keys(choiceWords) as Choice[]).map((c) => (
              <FormControlLabel key={c} value={c} control={<Radio />} label={choiceWords[c]} />
            ))}
          </RadioGroup>
          {choice === 'substitute' && (
            <>
              <TextField
                select
                label="Send instead"
                value={substitute}
                onChange={(e) => setSubstitute(e.target.value)}
              >
                {siblings.map((o) => (
                  <MenuItem key={o.id} value={o.id}>
                    {o.label}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                label="How the customer agreed (kept with the order)"
                value={consent}
                onChange={(e) => setConsent(e.target.value)}
                placeholder="Phoned 10:40, happy with EU 39"
                multiline
              />
            </>
          )}
          {choice === 'cancel_line' && (
            <Typography color="warning.main">
              The order is flagged with your choice; a manager cancels the line and refunds it from the order.
            </Typography>
          )}
          {error && <ErrorState error={error} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Back to picking</Button>
        <Button
          variant="contained"
          color="warning"
          disabled={substituteMissing}
          onClick={() => void submit()}
        >
          Report short
        </Button>
      </DialogActions>
    </Dialog>
  );
}
