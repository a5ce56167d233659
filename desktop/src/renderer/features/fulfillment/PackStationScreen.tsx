/**
 * The pack station (ui.md "Pack station flow"): scanner-first, large type, every verdict in
 * words, colour, an icon and a tone. The last right scan completes the order and prints the
 * label and packing slip with no click; Enter starts the next order, R reprints, Esc backs out,
 * 1-4 pick a box. All of it reads the local cache and queues the pack, so it works offline.
 */
import LocalShippingOutlined from '@mui/icons-material/LocalShippingOutlined';
import PrintOutlined from '@mui/icons-material/PrintOutlined';
import { Alert, Box, Chip, Stack, TextField, Typography } from '@mui/material';
import { boxPresets } from '@shoebox/shared';
import type { KeyboardEvent } from 'react';
import type { PrinterSettings } from '../../../ipc/shapes/fulfillment.ts';
import { useScannerHotkeys } from '../../components/scanner-hotkeys.ts';
import { ErrorState, LoadingSkeleton, OfflineNotice, Page } from '../../components/ScreenState.tsx';
import { useScanner } from '../../components/use-scanner.ts';
import { useSyncStatus } from '../../lib/sync-status.ts';
import { useInvoke } from '../../lib/use-invoke.ts';
import { ScanFeedback } from '../inventory/ScanFeedback.tsx';
import { BoxPanel, DonePanel, PackLines } from './PackPanels.tsx';
import { usePackStation } from './use-pack-station.ts';

export const packShortcuts = [
  { keys: 'scan or type + Enter', what: 'Open an order, then check each item' },
  { keys: '1-4', what: 'Choose a preset box' },
  { keys: 'Enter', what: 'Next order (after the label printed)' },
  { keys: 'R', what: 'Reprint the label and packing slip' },
  { keys: 'Esc', what: 'Back out of the order without changing it' },
];

export function PackStationScreen() {
  const settings = useInvoke('printing.settings', {});
  const block = useInvoke('shipments.trackingBlock', {});
  if (settings.status === 'loading' || block.status === 'loading')
    return (
      <Page title="Pack station">
        <LoadingSkeleton rows={5} label="Getting the pack station ready" />
      </Page>
    );
  if (settings.status === 'error')
    return (
      <Page title="Pack station">
        <ErrorState error={settings.error} onRetry={settings.reload} />
      </Page>
    );
  const tracking = block.status === 'ready' ? block.data : null;
  return (
    <Station
      printer={settings.data}
      trackingLeft={tracking?.left ?? null}
      warnBelow={tracking?.warnBelow ?? 0}
    />
  );
}

const printerWords = (p: PrinterSettings) =>
  p.labelFormat === 'zpl'
    ? `Labels: thermal printer ${p.thermalHost ?? '(not set)'}:${p.thermalPort}`
    : `Labels: PDF on ${p.labelPrinter ?? 'the default printer'}`;

function Station(props: { printer: PrinterSettings; trackingLeft: number | null; warnBelow: number }) {
  const status = useSyncStatus();
  const offline = status?.state === 'offline';
  const station = usePackStation(props.printer, props.trackingLeft);
  const { phase } = station;
  const scanner = useScanner({ onScan: ({ code }) => station.scan(code) });
  const hotkeys = useScannerHotkeys({
    ...Object.fromEntries(
      boxPresets.slice(0, 4).map((b, i) => [String(i + 1), () => station.chooseBox(b.code)]),
    ),
    r: () => void station.reprint(),
  });
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      station.backOut();
      return;
    }
    if (e.key === 'Enter' && e.currentTarget.value.trim() === '') {
      e.preventDefault();
      station.enter();
      return;
    }
    if (hotkeys(e)) return;
    scanner.onKeyDown(e);
  };
  const left = station.trackingLeft;
  const low = left !== null && left < props.warnBelow;
  const instruction =
    phase.kind === 'idle'
      ? 'Scan the order number'
      : phase.kind === 'packing'
        ? 'Scan each item'
        : 'Enter or scan the next order';

  return (
    <Page
      title="Pack station"
      actions={
        <Stack direction="row" spacing={1}>
          <Chip icon={<PrintOutlined />} label={printerWords(props.printer)} variant="outlined" />
          {left !== null && (
            <Chip
              icon={<LocalShippingOutlined />}
              color={low ? 'warning' : 'default'}
              variant="outlined"
              label={`${left} tracking numbers left`}
              data-testid="tracking-left"
            />
          )}
        </Stack>
      }
    >
      {offline && (
        <OfflineNotice stillWorks="Packing works as usual. Labels use this device's own tracking numbers, are valid, and will sync." />
      )}
      {low && (
        <Alert severity="warning" data-testid="tracking-low">
          Only {left} tracking numbers left on this device.{' '}
          {offline
            ? 'They refill when the shop server answers again.'
            : 'They refill with the next sync; tell a manager if this stays.'}
        </Alert>
      )}
      <ScanFeedback feedback={station.feedback} />
      <TextField
        label={instruction}
        inputRef={scanner.ref}
        onBlur={scanner.onBlur}
        slotProps={{ htmlInput: { onKeyDown, 'data-testid': 'scan-input', autoComplete: 'off' } }}
        sx={{ maxWidth: 640, '& input': { fontSize: 24 } }}
      />
      {phase.kind === 'done' && (
        <DonePanel
          documents={phase.documents}
          orderNumber={phase.order.number}
          onNext={station.enter}
          onReprint={() => void station.reprint()}
        />
      )}
      {phase.kind === 'packing' && (
        <Box
          sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 340px', gap: 2, alignItems: 'start' }}
        >
          <Stack spacing={1}>
            <Typography variant="h2">
              {phase.order.number}
              {phase.order.shippingAddress ? ` · ${phase.order.shippingAddress.name}` : ''}
            </Typography>
            <PackLines order={phase.order} scanned={phase.scanned} />
          </Stack>
          <BoxPanel
            boxCode={station.boxCode}
            defaultBoxCode={phase.order.defaultBoxCode}
            weight={station.weight}
            overridden={station.weightOverridden}
            disabled={phase.completing}
            onBox={station.chooseBox}
            onWeight={station.setWeight}
            onWeightDone={() => scanner.ref.current?.focus()}
          />
        </Box>
      )}
      {phase.kind === 'idle' && (
        <Typography color="text.secondary" sx={{ fontSize: 18 }}>
          Orders ready to pack are the ones picked on the Pick screen. Esc leaves an order unchanged; the
          label prints by itself when the last item is scanned.
        </Typography>
      )}
    </Page>
  );
}
