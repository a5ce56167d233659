/**
 * Every label of a pick batch as one PDF (`shipments.batchLabels`, rendered on this device): sent
 * to the label printer, or the browser's print dialog in browser mode, with a download besides.
 */
import { Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { useState } from 'react';
import type { PrinterSettings } from '../../../ipc/shapes/fulfillment.ts';
import { useBackend } from '../../lib/backend.tsx';
import { useInvoke } from '../../lib/use-invoke.ts';
import { errorWords } from '../../lib/words.ts';
import { browserPrinting, printPdf } from './printing.ts';

export function BatchLabels({ printer }: { printer: PrinterSettings }) {
  const backend = useBackend();
  const batches = useInvoke('pick.batches', {});
  const [batchId, setBatchId] = useState('');
  const [result, setResult] = useState<{
    text: string;
    pdf?: { pdfBase64: string; fileName: string };
  } | null>(null);
  const items = batches.status === 'ready' ? batches.data.items : [];

  const print = async () => {
    try {
      const pdf = await backend.invoke('shipments.batchLabels', { batchId });
      const route = await printPdf(backend, pdf.pdfBase64, printer.labelPrinter);
      setResult({
        text: `${pdf.pages} ${pdf.pages === 1 ? 'label' : 'labels'} sent to ${route === 'system' ? 'the label printer' : "the browser's print dialog"}.`,
        pdf,
      });
    } catch (e) {
      setResult({ text: errorWords(e as DomainError).title });
    }
  };
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label="Labels of pick batch"
          value={batchId}
          onChange={(e) => setBatchId(e.target.value)}
          sx={{ minWidth: 220 }}
          disabled={items.length === 0}
          helperText={batches.status === 'ready' && items.length === 0 ? 'No open batch' : undefined}
        >
          {items.map((b) => (
            <MenuItem key={b.id} value={b.id}>
              {b.number} · {b.orderCount} orders
            </MenuItem>
          ))}
        </TextField>
        <Button variant="outlined" disabled={!batchId} onClick={() => void print()}>
          Print batch labels
        </Button>
        {result?.pdf && (
          <Button onClick={() => browserPrinting.download(result.pdf!.pdfBase64, result.pdf!.fileName)}>
            Download
          </Button>
        )}
      </Stack>
      {result && (
        <Typography variant="caption" role="status" data-testid="batch-labels-result">
          {result.text}
        </Typography>
      )}
    </Box>
  );
}
