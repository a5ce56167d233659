/**
 * The one confirmation for destructive and access-changing actions (cancel, refund, revoke,
 * deactivate): the title names the thing ("Refund €140.00 to Ana Silva?"), the confirm button
 * says what happens, and a refusal shows inside the dialog so nothing typed is lost.
 */
import {
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
} from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { type ReactNode, useState } from 'react';
import { ErrorState } from './ScreenState.tsx';

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  confirmLabel: string;
  /** Red confirm button: the action cannot be undone. */
  danger?: boolean;
  disabled?: boolean;
  onClose(): void;
  /** Runs on confirm; the dialog closes when it resolves and shows the error when it throws. */
  run(): Promise<void>;
  children?: ReactNode;
}) {
  const [error, setError] = useState<DomainError | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    if (busy) return;
    setError(null);
    props.onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.run();
      props.onClose();
    } catch (e) {
      setError(e as DomainError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={props.open} onClose={close} maxWidth="sm" fullWidth aria-labelledby="confirm-title">
      <DialogTitle id="confirm-title">{props.title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 0.5 }}>
          {props.children}
          {error && <ErrorState error={error} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          Keep as it is
        </Button>
        <Button
          variant="contained"
          color={props.danger ? 'error' : 'primary'}
          disabled={busy || props.disabled}
          onClick={() => void confirm()}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
