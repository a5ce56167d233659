/**
 * Receive a delivery: choose where it goes, scan (or type) each pair or carton code; the same code
 * again adds one to its line. Quantities can be typed over. One receive is queued on this device
 * (works offline); unknown codes are refused on screen and nothing is added.
 */
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import {
  Button,
  IconButton,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { type KeyboardEvent, useRef, useState } from 'react';
import { navigate, useSearchParam } from '../../app/router.tsx';
import { EmptyState, ErrorState, OfflineNotice, Page } from '../../components/ScreenState.tsx';
import { useScanner } from '../../components/use-scanner.ts';
import { useBackend } from '../../lib/backend.tsx';
import { size } from '../../lib/format.ts';
import { useSyncStatus } from '../../lib/sync-status.ts';
import type { ScannedVariant } from '../../../ipc/index.ts';
import { type Feedback, ScanFeedback } from './ScanFeedback.tsx';
import { useLocations } from './use-locations.ts';

export const receiveShortcuts = [
  { keys: 'scan or type + Enter', what: 'Add one pair to the delivery' },
  { keys: 'Ctrl+Enter', what: 'Receive the delivery' },
  { keys: 'Esc', what: 'Leave without receiving' },
];

interface Line {
  variant: ScannedVariant;
  quantity: number;
}

export function ReceiveScreen() {
  const backend = useBackend();
  const status = useSyncStatus();
  const [loc, setLoc] = useSearchParam('loc');
  const locations = useLocations(null);
  const [lines, setLines] = useState<Line[]>([]);
  const latest = useRef(lines);
  const [reference, setReference] = useState('');
  const [error, setError] = useState<DomainError | null>(null);
  const [feedback, setFeedback] = useState<Feedback>({
    cue: null,
    headline: 'Scan each pair or type its code',
    detail: 'The same code again adds one more.',
    seq: 0,
  });
  const say = (f: Omit<Feedback, 'seq'>) => setFeedback((old) => ({ ...f, seq: old.seq + 1 }));
  const update = (next: Line[]) => {
    latest.current = next;
    setLines(next);
  };
  const pairs = lines.reduce((s, l) => s + l.quantity, 0);

  const onScan = async ({ code }: { code: string }) => {
    const variant = await backend.invoke('catalog.findByCode', { code }).catch(() => null);
    if (!variant) {
      say({
        cue: 'wrong',
        headline: `Unknown code: ${code}`,
        detail: 'Not in the catalogue: put the pair aside and tell a manager. Nothing was added.',
      });
      return;
    }
    const current = latest.current;
    const found = current.find((l) => l.variant.variantId === variant.variantId);
    const next = found
      ? current.map((l) => (l === found ? { ...l, quantity: l.quantity + 1 } : l))
      : [{ variant, quantity: 1 }, ...current];
    update(next);
    const n = next.find((l) => l.variant.variantId === variant.variantId)?.quantity ?? 1;
    say({
      cue: 'right',
      headline: `${variant.productName} ${size(variant.sizeEu)} ${variant.colourName}: ${n}`,
      detail: variant.sku,
    });
  };
  const scanner = useScanner({ onScan: (s) => void onScan(s) });

  const receive = async () => {
    if (!loc || lines.length === 0) return;
    setError(null);
    try {
      await backend.invoke('inventory.receive', {
        locationId: loc,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        lines: lines.map((l) => ({ variantId: l.variant.variantId, quantity: l.quantity })),
      });
      say({
        cue: 'done',
        headline: `Received ${pairs} pairs`,
        detail:
          status?.state === 'offline'
            ? 'Kept on this device; sent when the shop server answers. Scan the next delivery.'
            : 'Sending to the shop server. Scan the next delivery.',
      });
      update([]);
      setReference('');
    } catch (e) {
      setError(e as DomainError);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.ctrlKey && e.key === 'Enter') {
      e.preventDefault();
      void receive();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      navigate('/inventory');
    } else scanner.onKeyDown(e);
  };

  return (
    <Page
      title="Receive a delivery"
      actions={
        <Stack direction="row" spacing={1}>
          <Button onClick={() => navigate('/inventory')}>Leave (Esc)</Button>
          <Button
            variant="contained"
            disabled={!loc || lines.length === 0}
            onClick={() => void receive()}
            sx={{ minHeight: 48 }}
          >
            Receive {pairs > 0 ? `${pairs} pairs` : ''} (Ctrl+Enter)
          </Button>
        </Stack>
      }
    >
      {status?.state === 'offline' && (
        <OfflineNotice stillWorks="Receiving works as usual: the delivery is kept on this device and sent when the shop server answers." />
      )}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography>Into</Typography>
        {locations.length === 0 ? (
          <Typography color="error.main" role="alert">
            No stock location known on this device yet: open Inventory once while online.
          </Typography>
        ) : (
          <ToggleButtonGroup
            exclusive
            size="small"
            value={loc}
            aria-label="Location"
            onChange={(_, v: string | null) => v && setLoc(v)}
          >
            {locations.map((l) => (
              <ToggleButton key={l.id} value={l.id} sx={{ px: 2 }}>
                {l.code}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        )}
        <TextField
          label="Delivery note or PO (optional)"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          sx={{ width: 280 }}
        />
      </Stack>
      {!loc && locations.length > 0 && (
        <Typography color="warning.main">Choose the location first.</Typography>
      )}
      <ScanFeedback feedback={feedback} />
      <TextField
        label="Scan or type a barcode or SKU, then Enter"
        inputRef={scanner.ref}
        onBlur={scanner.onBlur}
        slotProps={{ htmlInput: { onKeyDown, 'data-testid': 'scan-input', autoComplete: 'off' } }}
        sx={{ maxWidth: 520, '& input': { fontSize: 20 } }}
      />
      {error && <ErrorState error={error} />}
      {lines.length === 0 ? (
        <EmptyState
          title="Nothing scanned yet"
          description="Scan the first pair of the delivery; each scan adds one pair to its line."
        />
      ) : (
        <Paper>
          <Table aria-label="Delivery lines">
            <TableHead>
              <TableRow>
                {['Style', 'Colour', 'Size', 'SKU', 'Pairs', ''].map((h) => (
                  <TableCell key={h} sx={{ fontWeight: 600, bgcolor: '#f6f8fa' }}>
                    {h}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {lines.map((l) => (
                <TableRow key={l.variant.variantId}>
                  <TableCell>{l.variant.productName}</TableCell>
                  <TableCell>{l.variant.colourName}</TableCell>
                  <TableCell>{size(l.variant.sizeEu)}</TableCell>
                  <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>{l.variant.sku}</TableCell>
                  <TableCell sx={{ width: 110 }}>
                    <TextField
                      value={l.quantity}
                      size="small"
                      slotProps={{
                        htmlInput: { inputMode: 'numeric', 'aria-label': `Pairs of ${l.variant.sku}` },
                      }}
                      onChange={(e) => {
                        const n = Number.parseInt(e.target.value, 10);
                        if (n >= 1 && n <= 100_000)
                          update(latest.current.map((x) => (x === l ? { ...x, quantity: n } : x)));
                      }}
                    />
                  </TableCell>
                  <TableCell sx={{ width: 48 }}>
                    <IconButton
                      aria-label={`Remove ${l.variant.sku}`}
                      onClick={() => update(latest.current.filter((x) => x !== l))}
                    >
                      <DeleteOutline fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Page>
  );
}
