/**
 * This device's printers: the label format (PDF on a system printer, or ZPL to a thermal
 * printer at host:port), which system printers take labels and documents (the desktop app only;
 * browser mode prints through the browser's dialog), the packing slip's paper, and whether the
 * slip prints with the label on the last scan.
 */
import {
  Alert,
  Button,
  Checkbox,
  FormControlLabel,
  MenuItem,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { useEffect, useState } from 'react';
import type { PrinterSettings } from '../../../ipc/shapes/fulfillment.ts';
import { ErrorState, LoadingSkeleton, Page } from '../../components/ScreenState.tsx';
import { useBackend } from '../../lib/backend.tsx';
import { useInvoke } from '../../lib/use-invoke.ts';

export function PrintersScreen() {
  const settings = useInvoke('printing.settings', {});
  return (
    <Page title="Printers">
      {settings.status === 'loading' && <LoadingSkeleton rows={5} label="Loading the printer settings" />}
      {settings.status === 'error' && <ErrorState error={settings.error} onRetry={settings.reload} />}
      {settings.status === 'ready' && <PrintersForm initial={settings.data} />}
    </Page>
  );
}

/** The system's printers, or why there is no list (browser mode). */
function useSystemPrinters() {
  const printers = useInvoke('printing.printers', {});
  const browserMode = printers.status === 'error' && printers.error.code === 'IPC_HANDLER_UNAVAILABLE';
  return { list: printers.status === 'ready' ? printers.data : [], browserMode, printers };
}

function PrintersForm({ initial }: { initial: PrinterSettings }) {
  const backend = useBackend();
  const [form, setForm] = useState(initial);
  const [saved, setSaved] = useState<'idle' | 'saved'>('idle');
  const [error, setError] = useState<DomainError | null>(null);
  const system = useSystemPrinters();
  const set = (change: Partial<PrinterSettings>) => {
    setForm({ ...form, ...change });
    setSaved('idle');
  };
  useEffect(() => setForm(initial), [initial]);
  const zplWithoutHost = form.labelFormat === 'zpl' && !form.thermalHost;

  const save = async () => {
    setError(null);
    try {
      setForm(await backend.invoke('printing.saveSettings', form));
      setSaved('saved');
    } catch (e) {
      setError(e as DomainError);
    }
  };

  const printerSelect = (label: string, value: string | null, onChange: (v: string | null) => void) => (
    <TextField
      select
      label={label}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || null)}
      sx={{ maxWidth: 360 }}
    >
      <MenuItem value="">The default printer</MenuItem>
      {system.list.map((p) => (
        <MenuItem key={p.name} value={p.name}>
          {p.displayName}
          {p.isDefault ? ' (default)' : ''}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Stack spacing={2} sx={{ maxWidth: 720 }}>
      <Paper sx={{ p: 2 }}>
        <Typography variant="h2" sx={{ mb: 1 }}>
          Shipping labels
        </Typography>
        <RadioGroup
          aria-label="Label format"
          value={form.labelFormat}
          onChange={(e) => set({ labelFormat: e.target.value as PrinterSettings['labelFormat'] })}
        >
          <FormControlLabel value="pdf" control={<Radio />} label="PDF (4x6 in) on a system printer" />
          <FormControlLabel
            value="zpl"
            control={<Radio />}
            label="ZPL to a thermal label printer on the network"
          />
        </RadioGroup>
        {form.labelFormat === 'zpl' && (
          <Stack direction="row" spacing={2} sx={{ mt: 1 }}>
            <TextField
              label="Thermal printer host or IP"
              value={form.thermalHost ?? ''}
              onChange={(e) => set({ thermalHost: e.target.value.trim() || null })}
              error={zplWithoutHost}
              helperText={zplWithoutHost ? 'Needed for ZPL labels' : 'e.g. 192.168.1.40'}
            />
            <TextField
              label="Port"
              type="number"
              value={form.thermalPort}
              onChange={(e) =>
                set({ thermalPort: Math.min(9109, Math.max(9100, Number(e.target.value) || 9100)) })
              }
              slotProps={{ htmlInput: { min: 9100, max: 9109 } }}
              helperText="9100 on most printers"
              sx={{ width: 140 }}
            />
          </Stack>
        )}
      </Paper>
      <Paper sx={{ p: 2 }}>
        <Typography variant="h2" sx={{ mb: 1 }}>
          System printers
        </Typography>
        {system.browserMode ? (
          <Alert severity="info" data-testid="browser-mode-printers">
            In the browser, PDFs print through the browser's own print dialog, where you choose the printer
            each time. The desktop app prints without a dialog on the printers chosen here.
          </Alert>
        ) : system.printers.status === 'error' ? (
          <ErrorState error={system.printers.error} onRetry={system.printers.reload} />
        ) : (
          <Stack spacing={2}>
            {form.labelFormat === 'pdf' &&
              printerSelect('Label printer', form.labelPrinter, (v) => set({ labelPrinter: v }))}
            {printerSelect('Packing slip printer', form.documentPrinter, (v) => set({ documentPrinter: v }))}
          </Stack>
        )}
      </Paper>
      <Paper sx={{ p: 2 }}>
        <Typography variant="h2" sx={{ mb: 1 }}>
          Packing slip
        </Typography>
        <Stack direction="row" spacing={3} sx={{ alignItems: 'center' }}>
          <TextField
            select
            label="Paper"
            value={form.packingSlipPaper}
            onChange={(e) => set({ packingSlipPaper: e.target.value as PrinterSettings['packingSlipPaper'] })}
            sx={{ width: 160 }}
          >
            <MenuItem value="A4">A4</MenuItem>
            <MenuItem value="Letter">Letter</MenuItem>
          </TextField>
          <FormControlLabel
            control={
              <Checkbox
                checked={form.printPackingSlip}
                onChange={(e) => set({ printPackingSlip: e.target.checked })}
              />
            }
            label="Print the packing slip with the label on the last scan"
          />
        </Stack>
      </Paper>
      {error && <ErrorState error={error} />}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="contained" disabled={zplWithoutHost} onClick={() => void save()}>
          Save printers
        </Button>
        {saved === 'saved' && (
          <Typography role="status" color="success.main">
            ✓ Saved on this device
          </Typography>
        )}
      </Stack>
    </Stack>
  );
}
