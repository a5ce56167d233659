/** Voiding a label is destructive: the dialog names the label and the order, and asks why. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { useState } from 'react';
import type { ResultOf } from '../../../ipc/index.ts';
import { ErrorState } from '../../components/ScreenState.tsx';
import { useBackend } from '../../lib/backend.tsx';

type Shipment = ResultOf<'shipments.list'>['items'][number];

export function VoidDialog(props: {
  shipment: Shipment | null;
  onClose(): void;
  onVoided(s: Shipment): void;
}) {
  const backend = useBackend();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<DomainError | null>(null);
  const s = props.shipment;
  const close = () => {
    setReason('');
    setError(null);
    props.onClose();
  };
  const submit = async () => {
    if (!s) return;
    try {
      await backend.invoke('shipments.void', { shipmentId: s.id, reason });
      setReason('');
      setError(null);
      props.onVoided(s);
    } catch (e) {
      setError(e as DomainError);
    }
  };
  return (
    <Dialog open={s !== null} onClose={close} aria-labelledby="void-title" maxWidth="sm" fullWidth>
      <DialogTitle id="void-title">
        Void label {s?.trackingNumber} of {s?.orderNumber}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          The tracking number is cancelled with the carrier and the label must not be used. Take it off the
          box; the order goes back to be packed again.
        </DialogContentText>
        <TextField
          autoFocus
          fullWidth
          label="Why (kept with the shipment)"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="Label smudged, wrong box, customer changed the address"
        />
        {error && <ErrorState error={error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Keep the label</Button>
        <Button
          variant="contained"
          color="error"
          disabled={reason.trim() === ''}
          onClick={() => void submit()}
        >
          Void label
        </Button>
      </DialogActions>
    </Dialog>
  );
}
