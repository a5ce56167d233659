/**
 * One pick batch as stops in walking order (by bin). The current stop (the first with units
 * left) is in large type; a scan confirms one open line of the stop it matches, a code that is no
 * open stop's item is refused with words and a low tone, and each line can be tapped instead, or
 * reported short. Confirms and shorts queue on this device, so picking works offline.
 */
import {
  Box,
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { PickBatchDetail } from '../../../ipc/shapes/fulfillment.ts';
import { navigate } from '../../app/router.tsx';
import { useScannerHotkeys } from '../../components/scanner-hotkeys.ts';
import { ErrorState, LoadingSkeleton, OfflineNotice, Page } from '../../components/ScreenState.tsx';
import { useScanner } from '../../components/use-scanner.ts';
import { useBackend } from '../../lib/backend.tsx';
import { size } from '../../lib/format.ts';
import { useSyncStatus } from '../../lib/sync-status.ts';
import { useInvoke } from '../../lib/use-invoke.ts';
import { errorWords } from '../../lib/words.ts';
import { type Feedback, ScanFeedback } from '../inventory/ScanFeedback.tsx';
import { ShortPickDialog } from './ShortPickDialog.tsx';

type Stop = PickBatchDetail['stops'][number];
type Line = Stop['lines'][number];

const unitsLeft = (s: Stop) =>
  s.lines.reduce((n, l) => n + (l.status === 'open' ? l.quantity - l.pickedQuantity : 0), 0);
const describe = (s: Pick<Stop, 'sizeEu' | 'colourName' | 'productName'>) =>
  `${size(s.sizeEu)} ${s.colourName} ${s.productName}`;
const matches = (s: Stop, code: string) => s.gtin === code || s.sku === code.toUpperCase();

export function PickBatch({ batchId }: { batchId: string }) {
  const loaded = useInvoke('pick.batch', { batchId });
  const [batch, setBatch] = useState<PickBatchDetail | null>(null);
  const first = loaded.status === 'ready' ? loaded.data : null;
  // The first load; after each pick the walk replaces it with the batch as it is now.
  useEffect(() => {
    if (first) setBatch(first);
  }, [first]);
  if (loaded.status === 'error')
    return (
      <Page title="Pick">
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
        <Button onClick={() => navigate('/pick')}>Back to the open batches</Button>
      </Page>
    );
  if (!batch)
    return (
      <Page title="Pick">
        <LoadingSkeleton rows={8} label="Loading the batch" />
      </Page>
    );
  return <Walk batch={batch} onChange={setBatch} />;
}

function Walk({ batch, onChange }: { batch: PickBatchDetail; onChange(b: PickBatchDetail): void }) {
  const backend = useBackend();
  const status = useSyncStatus();
  const [feedback, setFeedback] = useState<Feedback>({
    cue: null,
    headline: 'Scan each pair at its bin',
    seq: 0,
  });
  const say = (f: Omit<Feedback, 'seq'>) => setFeedback((old) => ({ ...f, seq: old.seq + 1 }));
  const [shorting, setShorting] = useState<{ stop: Stop; line: Line } | null>(null);
  const latest = useRef(batch);
  latest.current = batch;
  const current = batch.stops.find((s) => unitsLeft(s) > 0) ?? null;
  const reload = async () => onChange(await backend.invoke('pick.batch', { batchId: batch.id }));

  const confirm = async (stop: Stop, line: Line, scan?: string) => {
    try {
      await backend.invoke('pick.confirm', { batchId: batch.id, lineId: line.id, ...(scan ? { scan } : {}) });
      await reload();
      say({
        cue: 'right',
        headline: `${size(stop.sizeEu)} ${stop.colourName}: picked for ${line.orderNumber}`,
        detail: `${stop.sku} from bin ${stop.binCode ?? '—'}`,
      });
    } catch (e) {
      say({ cue: 'wrong', headline: errorWords(e as DomainError).title, detail: 'Nothing was picked.' });
    }
  };

  const onScan = async ({ code }: { code: string }) => {
    const stops = latest.current.stops;
    const open = [current, ...stops].find((s) => s && matches(s, code) && unitsLeft(s) > 0);
    const line = open?.lines.find((l) => l.status === 'open');
    if (open && line) return confirm(open, line, code);
    const done = stops.find((s) => matches(s, code));
    if (done)
      return say({
        cue: 'wrong',
        headline: `${size(done.sizeEu)} ${done.colourName}: all picked already`,
        detail: `${done.sku}: put it back at ${done.binCode ?? 'its bin'}; nothing was picked.`,
      });
    const other = await backend.invoke('catalog.findByCode', { code }).catch(() => null);
    say(
      other
        ? {
            cue: 'wrong',
            headline: `${describe(other)}: not in this batch`,
            detail: `${other.sku}: put it back; nothing was picked.`,
          }
        : {
            cue: 'wrong',
            headline: `Unknown code: ${code}`,
            detail: 'This code is not in the catalogue; nothing was picked.',
          },
    );
  };
  const scanner = useScanner({ onScan: (s) => void onScan(s), keepFocus: shorting === null });
  const shortCurrent = () => {
    const line = current?.lines.find((l) => l.status === 'open');
    if (current && line) setShorting({ stop: current, line });
  };
  const hotkeys = useScannerHotkeys({ s: shortCurrent });
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      navigate('/pick');
    } else if (!hotkeys(e)) scanner.onKeyDown(e);
  };
  const picked = batch.stops.reduce((n, s) => n + s.pickedQuantity, 0);

  return (
    <Page
      title={`Pick ${batch.number}`}
      actions={
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography data-testid="pick-progress">
            {picked} of {batch.unitCount} picked{batch.shortUnits ? ` · ${batch.shortUnits} short` : ''} ·{' '}
            {batch.orderCount} orders
          </Typography>
          <Button onClick={() => navigate('/pick')}>Back (Esc)</Button>
        </Stack>
      }
    >
      {status?.state === 'offline' && (
        <OfflineNotice stillWorks="Picking works as usual: every pick is kept on this device and sent when the shop server answers." />
      )}
      <ScanFeedback feedback={feedback} />
      <CurrentStop stop={current} />
      <TextField
        label="Scan or type the pair's barcode or SKU, then Enter"
        inputRef={scanner.ref}
        onBlur={scanner.onBlur}
        slotProps={{ htmlInput: { onKeyDown, 'data-testid': 'scan-input', autoComplete: 'off' } }}
        sx={{ maxWidth: 560, '& input': { fontSize: 20 } }}
      />
      <StopsTable
        stops={batch.stops}
        current={current}
        onPick={(s, l) => void confirm(s, l)}
        onShort={(stop, line) => setShorting({ stop, line })}
      />
      <ShortPickDialog
        key={shorting?.line.id ?? 'none'}
        batchId={batch.id}
        target={shorting}
        onClose={() => setShorting(null)}
        onDone={(message) => {
          setShorting(null);
          void reload();
          say({ cue: null, headline: 'Short pick reported', detail: message });
        }}
      />
    </Page>
  );
}

function CurrentStop({ stop }: { stop: Stop | null }) {
  if (!stop)
    return (
      <Paper sx={{ p: 2, borderLeft: 6, borderColor: 'success.main' }} data-testid="current-stop">
        <Typography sx={{ fontSize: 32, fontWeight: 700 }}>✓ Every stop is done</Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button variant="contained" onClick={() => navigate('/pack')}>
            Go to the pack station
          </Button>
          <Button onClick={() => navigate('/pick')}>Open batches</Button>
        </Stack>
      </Paper>
    );
  return (
    <Paper sx={{ p: 2, borderLeft: 6, borderColor: 'primary.main' }} data-testid="current-stop">
      <Stack direction="row" spacing={4} sx={{ alignItems: 'baseline' }}>
        <Box>
          <Typography color="text.secondary">Bin</Typography>
          <Typography sx={{ fontSize: 44, fontWeight: 700, fontFamily: 'ui-monospace, monospace' }}>
            {stop.binCode ?? '—'}
          </Typography>
        </Box>
        <Box>
          <Typography color="text.secondary">Take</Typography>
          <Typography sx={{ fontSize: 44, fontWeight: 700 }}>
            {unitsLeft(stop)} × {size(stop.sizeEu)}
          </Typography>
        </Box>
        <Box sx={{ minWidth: 0 }}>
          <Typography sx={{ fontSize: 24, fontWeight: 600 }}>
            {stop.productName} · {stop.colourName}
          </Typography>
          <Typography color="text.secondary">
            {stop.sku} · {stop.gtin ?? 'no barcode'}
          </Typography>
        </Box>
      </Stack>
    </Paper>
  );
}

const lineWords = (l: Line) =>
  l.status === 'picked'
    ? '✓ Picked'
    : l.status === 'short'
      ? `✗ ${l.shortQuantity} short: ${l.shortReason ?? ''}`
      : 'To pick';

function StopsTable(props: {
  stops: Stop[];
  current: Stop | null;
  onPick(s: Stop, l: Line): void;
  onShort(s: Stop, l: Line): void;
}) {
  return (
    <Table size="small" aria-label="Stops in walking order">
      <TableHead>
        <TableRow>
          <TableCell>Bin</TableCell>
          <TableCell>Pair</TableCell>
          <TableCell>SKU</TableCell>
          <TableCell>Order</TableCell>
          <TableCell>State</TableCell>
          <TableCell align="right">Tap instead of scanning</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.stops.flatMap((s) =>
          s.lines.map((l, i) => (
            <TableRow
              key={l.id}
              selected={s === props.current}
              data-testid="pick-line"
              data-status={l.status}
            >
              <TableCell sx={{ fontFamily: 'ui-monospace, monospace', fontWeight: 600 }}>
                {i === 0 ? (s.binCode ?? '—') : ''}
              </TableCell>
              <TableCell>{i === 0 ? `${size(s.sizeEu)} ${s.colourName} · ${s.productName}` : ''}</TableCell>
              <TableCell>{i === 0 ? s.sku : ''}</TableCell>
              <TableCell>{l.orderNumber}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant="outlined"
                  color={l.status === 'picked' ? 'success' : l.status === 'short' ? 'warning' : 'default'}
                  label={`${lineWords(l)}${l.pending ? ' · not synced yet' : ''}`}
                />
              </TableCell>
              <TableCell align="right">
                {l.status === 'open' && (
                  <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                    <Button
                      size="small"
                      variant="outlined"
                      onClick={() => props.onPick(s, l)}
                      aria-label={`Picked ${s.sku} for ${l.orderNumber}`}
                    >
                      Picked
                    </Button>
                    <Button
                      size="small"
                      color="warning"
                      onClick={() => props.onShort(s, l)}
                      aria-label={`Short ${s.sku} for ${l.orderNumber}`}
                    >
                      Short…
                    </Button>
                  </Stack>
                )}
              </TableCell>
            </TableRow>
          )),
        )}
      </TableBody>
    </Table>
  );
}
