/**
 * The pack station's panels: the order's lines with a counter each, the box presets and weight,
 * and what happened on completion (tracking number, reprint, downloads).
 */
import CheckCircle from '@mui/icons-material/CheckCircle';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import { Box, Button, LinearProgress, Paper, Stack, TextField, Typography } from '@mui/material';
import { boxPresets } from '@shoebox/shared';
import type { LabelDocuments, PackOrder } from '../../../ipc/shapes/fulfillment.ts';
import { size } from '../../lib/format.ts';
import { browserPrinting } from './printing.ts';

export function PackLines({ order, scanned }: { order: PackOrder; scanned: Record<string, number> }) {
  return (
    <Stack
      spacing={1}
      component="ul"
      aria-label={`Items of ${order.number}`}
      sx={{ p: 0, m: 0, listStyle: 'none' }}
    >
      {order.lines.map((l) => {
        const n = scanned[l.lineId] ?? 0;
        const done = n >= l.quantity;
        return (
          <Paper
            component="li"
            key={l.lineId}
            data-testid="pack-line"
            data-done={done}
            sx={{ p: 1.5, borderLeft: 6, borderColor: done ? 'success.main' : 'grey.300' }}
          >
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              {done ? (
                <CheckCircle color="success" sx={{ fontSize: 36 }} />
              ) : (
                <RadioButtonUnchecked color="disabled" sx={{ fontSize: 36 }} />
              )}
              <Typography sx={{ fontSize: 40, fontWeight: 700, minWidth: 150, lineHeight: 1 }}>
                {size(l.sizeEu)}
              </Typography>
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Typography sx={{ fontSize: 20, fontWeight: 600 }}>
                  {l.productName} · {l.colourName}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {l.sku} · {l.gtin ?? 'no barcode'}
                </Typography>
              </Box>
              <Box sx={{ minWidth: 140, textAlign: 'right' }}>
                <Typography sx={{ fontSize: 28, fontWeight: 700 }} data-testid="pack-line-count">
                  {n} of {l.quantity}
                </Typography>
                <Typography variant="body2" color={done ? 'success.main' : 'text.secondary'}>
                  {done ? 'Scanned' : 'To scan'}
                </Typography>
              </Box>
            </Stack>
            <LinearProgress
              variant="determinate"
              value={(100 * Math.min(n, l.quantity)) / l.quantity}
              color={done ? 'success' : 'primary'}
              sx={{ mt: 1, height: 6, borderRadius: 1 }}
              aria-label={`${l.sku}: ${n} of ${l.quantity} scanned`}
            />
          </Paper>
        );
      })}
    </Stack>
  );
}

export function BoxPanel(props: {
  boxCode: string;
  defaultBoxCode: string;
  weight: number;
  overridden: boolean;
  disabled: boolean;
  onBox(code: string): void;
  onWeight(grams: number | null): void;
  onWeightDone(): void;
}) {
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h3" sx={{ mb: 1 }}>
        Box (keys 1-4)
      </Typography>
      <Stack spacing={1} role="radiogroup" aria-label="Box">
        {boxPresets.slice(0, 4).map((b, i) => (
          <Button
            key={b.code}
            role="radio"
            aria-checked={props.boxCode === b.code}
            variant={props.boxCode === b.code ? 'contained' : 'outlined'}
            disabled={props.disabled}
            onClick={() => props.onBox(b.code)}
            sx={{ justifyContent: 'flex-start', minHeight: 48, textAlign: 'left' }}
          >
            <Box component="kbd" sx={{ mr: 1.5, fontWeight: 700, fontFamily: 'inherit' }}>
              {i + 1}
            </Box>
            {b.name} ({b.pairs} {b.pairs === 1 ? 'pair' : 'pairs'})
            {b.code === props.defaultBoxCode ? ' · default' : ''}
          </Button>
        ))}
      </Stack>
      <TextField
        label={props.overridden ? 'Weight in grams (typed)' : 'Weight in grams (items + box)'}
        type="number"
        value={props.weight || ''}
        disabled={props.disabled}
        onChange={(e) =>
          props.onWeight(e.target.value ? Math.max(1, Math.round(Number(e.target.value))) : null)
        }
        onKeyDown={(e) => e.key === 'Enter' && props.onWeightDone()}
        sx={{ mt: 2, width: '100%', '& input': { fontSize: 22 } }}
        slotProps={{ htmlInput: { min: 1, max: 70000, 'data-testid': 'weight-input' } }}
      />
    </Paper>
  );
}

export function DonePanel(props: {
  documents: LabelDocuments;
  orderNumber: string;
  onNext(): void;
  onReprint(): void;
}) {
  const d = props.documents;
  return (
    <Paper sx={{ p: 3, borderLeft: 6, borderColor: 'success.main' }} data-testid="pack-done">
      <Typography color="text.secondary">Tracking number of {props.orderNumber}</Typography>
      <Typography
        sx={{ fontSize: 44, fontWeight: 700, fontFamily: 'ui-monospace, monospace' }}
        data-testid="tracking-number"
      >
        {d.trackingNumber}
      </Typography>
      <Stack direction="row" spacing={1.5} sx={{ mt: 2, flexWrap: 'wrap' }}>
        <Button variant="contained" sx={{ minHeight: 48 }} onClick={props.onNext}>
          Next order (Enter)
        </Button>
        <Button variant="outlined" sx={{ minHeight: 48 }} onClick={props.onReprint}>
          Reprint (R)
        </Button>
        <Button
          sx={{ minHeight: 48 }}
          onClick={() => browserPrinting.download(d.labelPdfBase64, `label-${props.orderNumber}.pdf`)}
        >
          Download label
        </Button>
        <Button
          sx={{ minHeight: 48 }}
          onClick={() =>
            browserPrinting.download(d.packingSlipPdfBase64, `packing-slip-${props.orderNumber}.pdf`)
          }
        >
          Download packing slip
        </Button>
      </Stack>
    </Paper>
  );
}
