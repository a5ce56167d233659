/**
 * Adjust and transfer: small forms over one variant of the style on screen. Both are queued on
 * this device (they work offline) and the screen says so; the server's verdict comes through sync.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { adjustReasons } from '@shoebox/shared/contracts';
import { type ReactNode, useState } from 'react';
import { ErrorState } from '../../components/ScreenState.tsx';
import { useBackend } from '../../lib/backend.tsx';
import { reasonWords, signed } from './movement-words.ts';
import type { KnownLocation } from './use-locations.ts';

export interface VariantChoice {
  variantId: string;
  sku: string;
  label: string;
}

export interface DoneMessage {
  text: string;
  undo?: () => Promise<unknown>;
}

interface DialogProps {
  open: boolean;
  onClose(): void;
  onDone(message: DoneMessage): void;
  variants: readonly VariantChoice[];
  locations: readonly KnownLocation[];
  variantId: string | null;
  locationId: string | null;
}

const units = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);

function FormDialog(props: {
  open: boolean;
  title: string;
  onClose(): void;
  submit: { label: string; disabled: boolean; run(): Promise<void> };
  children: ReactNode;
}) {
  const [error, setError] = useState<DomainError | null>(null);
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.submit.run();
    } catch (e) {
      setError(e as DomainError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      aria-labelledby="stock-dialog-title"
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id="stock-dialog-title">{props.title}</DialogTitle>
      <DialogContent>
        <Stack
          component="form"
          spacing={2}
          sx={{ pt: 1 }}
          onSubmit={(e) => {
            e.preventDefault();
            if (!props.submit.disabled && !busy) void go();
          }}
        >
          {props.children}
          {error && <ErrorState error={error} />}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button variant="contained" disabled={props.submit.disabled || busy} onClick={() => void go()}>
          {props.submit.label}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function VariantField(props: {
  value: string;
  onChange(v: string): void;
  variants: readonly VariantChoice[];
}) {
  return (
    <TextField select label="Shoe" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {props.variants.map((v) => (
        <MenuItem key={v.variantId} value={v.variantId}>
          {v.label} · {v.sku}
        </MenuItem>
      ))}
    </TextField>
  );
}

function LocationField(props: {
  label: string;
  value: string;
  onChange(v: string): void;
  locations: readonly KnownLocation[];
}) {
  return (
    <TextField
      select
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    >
      {props.locations.map((l) => (
        <MenuItem key={l.id} value={l.id}>
          {l.code}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function AdjustDialog(props: DialogProps) {
  const backend = useBackend();
  const [variantId, setVariantId] = useState(props.variantId ?? '');
  const [locationId, setLocationId] = useState(props.locationId ?? props.locations[0]?.id ?? '');
  const [reason, setReason] = useState<(typeof adjustReasons)[number]>('damage');
  const [direction, setDirection] = useState<'add' | 'remove'>('remove');
  const [count, setCount] = useState('1');
  const [note, setNote] = useState('');
  const n = units(count);
  const sign = reason === 'found' || (reason === 'correction' && direction === 'add') ? 1 : -1;
  const delta = sign * n;
  const sku = props.variants.find((v) => v.variantId === variantId)?.sku ?? '';

  return (
    <FormDialog
      open={props.open}
      title="Adjust stock"
      onClose={props.onClose}
      submit={{
        label: Number.isNaN(n) ? 'Adjust' : `Adjust by ${signed(delta)}`,
        disabled: !variantId || !locationId || !(n >= 1),
        run: async () => {
          const args = {
            variantId,
            locationId,
            delta,
            reason,
            ...(note.trim() ? { note: note.trim() } : {}),
          };
          await backend.invoke('inventory.adjust', args);
          props.onDone({
            text: `${sku}: ${signed(delta)} (${reasonWords[reason]}). Saved on this device; sent when online.`,
            undo: () =>
              backend.invoke('inventory.adjust', {
                variantId,
                locationId,
                delta: -delta,
                reason: 'correction',
                note: 'Undo of the last adjustment',
              }),
          });
        },
      }}
    >
      <VariantField value={variantId} onChange={setVariantId} variants={props.variants} />
      <LocationField
        label="Location"
        value={locationId}
        onChange={setLocationId}
        locations={props.locations}
      />
      <TextField
        select
        label="Reason"
        value={reason}
        onChange={(e) => setReason(e.target.value as typeof reason)}
      >
        {adjustReasons.map((r) => (
          <MenuItem key={r} value={r}>
            {reasonWords[r]} {r === 'found' ? '(adds)' : r === 'correction' ? '(either way)' : '(takes away)'}
          </MenuItem>
        ))}
      </TextField>
      {reason === 'correction' && (
        <ToggleButtonGroup
          exclusive
          size="small"
          value={direction}
          onChange={(_, v) => v && setDirection(v)}
          aria-label="Direction"
        >
          <ToggleButton value="add">Add units</ToggleButton>
          <ToggleButton value="remove">Take units away</ToggleButton>
        </ToggleButtonGroup>
      )}
      <TextField
        label="Pairs"
        value={count}
        onChange={(e) => setCount(e.target.value)}
        error={count !== '' && !(n >= 1)}
        helperText={count !== '' && !(n >= 1) ? 'A whole number of pairs, 1 or more' : ' '}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      />
      <TextField label="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} />
    </FormDialog>
  );
}

export function TransferDialog(props: DialogProps) {
  const backend = useBackend();
  const [variantId, setVariantId] = useState(props.variantId ?? '');
  const [from, setFrom] = useState(props.locationId ?? props.locations[0]?.id ?? '');
  const [to, setTo] = useState(props.locations.find((l) => l.id !== from)?.id ?? '');
  const [count, setCount] = useState('1');
  const n = units(count);
  const code = (id: string) => props.locations.find((l) => l.id === id)?.code ?? '?';
  const sku = props.variants.find((v) => v.variantId === variantId)?.sku ?? '';

  return (
    <FormDialog
      open={props.open}
      title="Move stock between locations"
      onClose={props.onClose}
      submit={{
        label: 'Move',
        disabled: !variantId || !from || !to || from === to || !(n >= 1),
        run: async () => {
          await backend.invoke('inventory.transfer', {
            variantId,
            fromLocationId: from,
            toLocationId: to,
            quantity: n,
          });
          props.onDone({
            text: `${sku}: ${n} moved from ${code(from)} to ${code(to)}. Saved on this device; sent when online.`,
            undo: () =>
              backend.invoke('inventory.transfer', {
                variantId,
                fromLocationId: to,
                toLocationId: from,
                quantity: n,
              }),
          });
        },
      }}
    >
      <VariantField value={variantId} onChange={setVariantId} variants={props.variants} />
      <LocationField label="From" value={from} onChange={setFrom} locations={props.locations} />
      <LocationField label="To" value={to} onChange={setTo} locations={props.locations} />
      {from && from === to && (
        <Typography role="alert" color="error.main">
          Choose two different locations.
        </Typography>
      )}
      <TextField
        label="Pairs"
        value={count}
        onChange={(e) => setCount(e.target.value)}
        error={count !== '' && !(n >= 1)}
        helperText={count !== '' && !(n >= 1) ? 'A whole number of pairs, 1 or more' : ' '}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      />
    </FormDialog>
  );
}
