/**
 * Cycle count, driven by the scanner (ui.md): choose the location, then scan everything on the
 * shelf; each scan counts one. Expected against counted per variant as a size x colour grid, a
 * wrong or unknown code refused in large type with a low double tone, and one count submitted
 * with the on-hand the counter started from. Everything here reads the local cache and queues
 * the count, so it works with the server away.
 */
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { type KeyboardEvent, useRef, useState } from 'react';
import { navigate, useSearchParam } from '../../app/router.tsx';
import {
  EmptyState,
  ErrorState,
  LoadingSkeleton,
  OfflineNotice,
  Page,
} from '../../components/ScreenState.tsx';
import { useScanner } from '../../components/use-scanner.ts';
import { useBackend } from '../../lib/backend.tsx';
import { size } from '../../lib/format.ts';
import { useSyncStatus } from '../../lib/sync-status.ts';
import { useInvoke } from '../../lib/use-invoke.ts';
import type { ResultOf } from '../../../ipc/index.ts';
import {
  addScan,
  type CountState,
  type CountVariant,
  countLines,
  findInCount,
  startCount,
  totals,
  undoScan,
} from './count-state.ts';
import { type Feedback, ScanFeedback } from './ScanFeedback.tsx';
import { signed } from './movement-words.ts';
import { StockGrid } from './StockGrid.tsx';
import { useLocations } from './use-locations.ts';

export const countShortcuts = [
  { keys: 'scan or type + Enter', what: 'Count one pair' },
  { keys: 'Ctrl+Z', what: 'Take back the last scan' },
  { keys: 'Ctrl+Enter', what: 'Submit the count' },
  { keys: 'Esc', what: 'Leave the count' },
];

export function CountScreen() {
  const [style] = useSearchParam('style');
  const [loc, setLoc] = useSearchParam('loc');
  const locations = useLocations(style);
  if (!style)
    return (
      <Page title="Count stock">
        <EmptyState
          title="Choose a style to count"
          description="Open the style in Inventory, choose the location, then press c."
          action={<Button onClick={() => navigate('/inventory')}>Go to Inventory</Button>}
        />
      </Page>
    );
  if (!loc)
    return (
      <Page title="Count stock">
        <Typography>Where are you counting?</Typography>
        {locations.length === 0 ? (
          <EmptyState
            title="No stock location known on this device yet"
            description="Open Inventory once while the shop server answers; the locations are then kept here for offline counts."
          />
        ) : (
          <ToggleButtonGroup
            exclusive
            aria-label="Location"
            onChange={(_, v: string | null) => v && setLoc(v)}
          >
            {locations.map((l) => (
              <ToggleButton key={l.id} value={l.id} sx={{ minHeight: 48, px: 3, fontSize: 18 }}>
                {l.code}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        )}
      </Page>
    );
  const locationCode = locations.find((l) => l.id === loc)?.code ?? 'this location';
  return <CountLoader productId={style} locationId={loc} locationCode={locationCode} />;
}

function CountLoader(props: { productId: string; locationId: string; locationCode: string }) {
  const grid = useInvoke('inventory.grid', { productId: props.productId, locationId: props.locationId });
  const product = useInvoke('catalog.product', { productId: props.productId });
  if (grid.status === 'error' || product.status === 'error') {
    const error = grid.status === 'error' ? grid.error : product.status === 'error' ? product.error : null;
    return (
      <Page title="Count stock">
        {error && (
          <ErrorState
            error={error}
            onRetry={() => {
              grid.reload();
              product.reload();
            }}
          />
        )}
      </Page>
    );
  }
  if (grid.status === 'loading' || product.status === 'loading')
    return (
      <Page title="Count stock">
        <LoadingSkeleton rows={6} label="Loading the count" />
      </Page>
    );
  const gtin = new Map(product.data.variants.map((v) => [v.id, v.gtin]));
  const colour = new Map(grid.data.colours.map((c) => [c.id, c.name]));
  const variants: CountVariant[] = grid.data.cells
    .filter((c) => c.active)
    .map((c) => ({
      variantId: c.variantId,
      sku: c.sku,
      gtin: gtin.get(c.variantId) ?? null,
      colourId: c.colourId,
      colourName: colour.get(c.colourId) ?? '',
      sizeEu: c.sizeEu,
      expected: Math.max(0, c.onHand),
    }));
  return <Counting {...props} grid={grid.data} variants={variants} />;
}

const describe = (v: Pick<CountVariant, 'sizeEu' | 'colourName'>) => `${size(v.sizeEu)} ${v.colourName}`;

function Counting(props: {
  productId: string;
  locationId: string;
  locationCode: string;
  grid: ResultOf<'inventory.grid'>;
  variants: CountVariant[];
}) {
  const backend = useBackend();
  const status = useSyncStatus();
  const [state, setStateNow] = useState<CountState>(() => startCount(props.variants));
  // Scans can arrive faster than React renders: each one builds on the latest count, not the rendered one.
  const latest = useRef(state);
  const setState = (next: CountState) => {
    latest.current = next;
    setStateNow(next);
  };
  const [feedback, setFeedback] = useState<Feedback>({
    cue: null,
    headline: 'Scan each pair on the shelf',
    detail: `${props.grid.productName} at ${props.locationCode}: each scan counts one.`,
    seq: 0,
  });
  const [confirming, setConfirming] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<DomainError | null>(null);
  const t = totals(state);
  const say = (f: Omit<Feedback, 'seq'>) => setFeedback((old) => ({ ...f, seq: old.seq + 1 }));

  const onScan = async ({ code }: { code: string }) => {
    const mine = findInCount(latest.current, code);
    if (mine) {
      const next = addScan(latest.current, mine.variantId);
      setState(next);
      say({
        cue: 'right',
        headline: `${describe(mine)}: ${next.counted[mine.variantId]} counted`,
        detail: `${mine.sku} · ${mine.expected} expected`,
      });
      return;
    }
    const other = await backend.invoke('catalog.findByCode', { code }).catch(() => null);
    say(
      other
        ? {
            cue: 'wrong',
            headline: `${describe(other)}: not this style`,
            detail: `${code} is ${other.productName} (${other.sku}). Put it aside; nothing was counted.`,
          }
        : {
            cue: 'wrong',
            headline: `Unknown code: ${code}`,
            detail: 'This code is not in the catalogue. Put the pair aside; nothing was counted.',
          },
    );
  };
  const scanner = useScanner({ onScan: (s) => void onScan(s), keepFocus: !confirming && !submitted });

  const undo = () => {
    const last = latest.current.history.at(-1);
    const v = latest.current.variants.find((x) => x.variantId === last);
    if (!v) return;
    setState(undoScan(latest.current));
    say({ cue: null, headline: `Took back one ${describe(v)}`, detail: `${v.sku}` });
  };
  const leave = () => navigate(`/inventory?style=${props.productId}&loc=${props.locationId}`);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.ctrlKey && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      undo();
    } else if (e.ctrlKey && e.key === 'Enter') {
      e.preventDefault();
      if (t.scans > 0) setConfirming(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      leave();
    } else scanner.onKeyDown(e);
  };

  const submit = async () => {
    setError(null);
    try {
      await backend.invoke('inventory.count', {
        locationId: props.locationId,
        lines: countLines(latest.current),
        note: `Cycle count, ${t.scans} scans`,
      });
      setConfirming(false);
      setSubmitted(true);
      say({
        cue: 'done',
        headline: 'Count saved',
        detail: `${t.counted} pairs counted, ${t.differences} ${t.differences === 1 ? 'difference' : 'differences'}. ${
          status?.state === 'offline'
            ? 'Kept on this device; sent when the shop server answers.'
            : 'Sending to the shop server.'
        }`,
      });
    } catch (e) {
      setError(e as DomainError);
    }
  };

  return (
    <Page
      title={`Count: ${props.grid.productName} at ${props.locationCode}`}
      actions={
        <Stack direction="row" spacing={1}>
          <Button onClick={leave}>Leave (Esc)</Button>
          <Button onClick={undo} disabled={t.scans === 0 || submitted}>
            Undo last scan (Ctrl+Z)
          </Button>
          <Button
            variant="contained"
            disabled={t.scans === 0 || submitted}
            onClick={() => setConfirming(true)}
            sx={{ minHeight: 48 }}
          >
            Submit count (Ctrl+Enter)
          </Button>
        </Stack>
      }
    >
      {status?.state === 'offline' && (
        <OfflineNotice stillWorks="Counting works as usual: the count is kept on this device and sent when the shop server answers." />
      )}
      <ScanFeedback feedback={feedback} />
      {submitted ? (
        <Stack direction="row" spacing={2}>
          <Button variant="contained" sx={{ minHeight: 48 }} onClick={leave} autoFocus>
            Back to {props.grid.productName}
          </Button>
          <Button variant="outlined" sx={{ minHeight: 48 }} onClick={() => navigate('/inventory')}>
            Count another style
          </Button>
        </Stack>
      ) : (
        <TextField
          label="Scan or type a barcode or SKU, then Enter"
          inputRef={scanner.ref}
          onBlur={scanner.onBlur}
          slotProps={{ htmlInput: { onKeyDown, 'data-testid': 'scan-input', autoComplete: 'off' } }}
          sx={{ maxWidth: 520, '& input': { fontSize: 20 } }}
        />
      )}
      <Typography data-testid="count-totals" sx={{ fontSize: 18 }}>
        Counted <strong>{t.counted}</strong> of <strong>{t.expected}</strong> expected · {t.differences}{' '}
        {t.differences === 1 ? 'difference' : 'differences'} · {t.scans} scans
      </Typography>
      <StockGrid
        label="Counted against expected"
        sizes={props.grid.sizes}
        colours={props.grid.colours}
        cells={state.variants}
        tone={(v) => {
          const c = state.counted[v.variantId] ?? 0;
          if (c === 0 && v.expected === 0) return undefined;
          return c === v.expected ? 'good' : c < v.expected ? 'warn' : 'bad';
        }}
        renderCell={(v) => {
          const c = state.counted[v.variantId] ?? 0;
          const diff = c - v.expected;
          return (
            <Box>
              <Typography sx={{ fontSize: 18, fontWeight: 600, lineHeight: 1.2 }}>
                {c} <span style={{ fontWeight: 400, fontSize: 13, color: '#57606a' }}>of {v.expected}</span>
              </Typography>
              <Typography variant="caption" sx={{ lineHeight: 1.2 }}>
                {diff === 0
                  ? c > 0
                    ? '✓ matches'
                    : ''
                  : `${signed(diff)} ${diff > 0 ? 'extra' : 'missing'}`}
              </Typography>
            </Box>
          );
        }}
      />
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="submit-count-title">
        <DialogTitle id="submit-count-title">
          Submit the count of {props.grid.productName} at {props.locationCode}?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {t.counted} pairs counted against {t.expected} expected, {t.differences}{' '}
            {t.differences === 1 ? 'size differs' : 'sizes differ'}. Sizes you did not scan are counted as
            none on the shelf. Sales made while you counted are kept.
          </DialogContentText>
          {error && <ErrorState error={error} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>Keep counting</Button>
          <Button variant="contained" onClick={() => void submit()} autoFocus>
            Submit count
          </Button>
        </DialogActions>
      </Dialog>
    </Page>
  );
}
