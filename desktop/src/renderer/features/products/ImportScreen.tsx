/**
 * CSV import and export (managers). An import is all rows or none: when a row is wrong the shop
 * server writes nothing and names every wrong row and column, shown here as a table in
 * spreadsheet row numbers (the header is row 1). Both need the shop server.
 */
import {
  Alert,
  Box,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { catalogCsvColumns } from '@shoebox/shared/contracts';
import { DomainError } from '@shoebox/shared';
import { type DragEvent, useRef, useState } from 'react';
import { CSV_MAX_CHARS } from '../../../ipc/index.ts';
import { navigate } from '../../app/router.tsx';
import { ErrorState, Page } from '../../components/ScreenState.tsx';
import { useBackend } from '../../lib/backend.tsx';
import { saveTextFile } from './save-file.ts';
import { needsConnection, useOnline } from './use-online.ts';

interface RowError {
  row: string;
  column: string;
  message: string;
  code: string;
}

/** "row 4: gtin" -> row 4, column gtin; anything else stays whole in the row cell. */
export function rowErrorsOf(error: DomainError): RowError[] {
  return (error.errors ?? []).map((e) => {
    const m = /^row (\d+): (.+)$/.exec(e.path);
    return { row: m?.[1] ?? e.path, column: m?.[2] ?? '', message: e.message, code: e.code ?? '' };
  });
}

type Outcome =
  | { kind: 'done'; text: string }
  | { kind: 'refused'; error: DomainError; rows: RowError[]; file: string };

export function ImportScreen() {
  const backend = useBackend();
  const online = useOnline();
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<DomainError | null>(null);
  const [over, setOver] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setOutcome(null);
    setFailure(null);
    const csv = await file.text();
    if (csv.length > CSV_MAX_CHARS)
      return setFailure(
        new DomainError(
          'validation',
          'PAYLOAD_TOO_LARGE',
          'That file is too large: split it into files under 5 MB.',
        ),
      );
    setBusy(true);
    try {
      const r = await backend.invoke('catalog.importCsv', { csv });
      setOutcome({
        kind: 'done',
        text: `Imported ${file.name}: ${r.productsCreated} product(s) created, ${r.productsUpdated} updated; ${r.variantsCreated} variant(s) created, ${r.variantsUpdated} updated.`,
      });
    } catch (e) {
      const error = e as DomainError;
      const rows = rowErrorsOf(error);
      if (rows.length > 0) setOutcome({ kind: 'refused', error, rows, file: file.name });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = async () => {
    setFailure(null);
    setSaved(null);
    try {
      const { csv, fileName } = await backend.invoke('catalog.exportCsv');
      const where = await saveTextFile(backend, csv, fileName, { name: 'CSV', extensions: ['csv'] });
      if (where) setSaved(where === 'downloaded' ? `${fileName} downloaded.` : `Saved to ${where.path}.`);
    } catch (e) {
      setFailure(e as DomainError);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (online) void importFile(e.dataTransfer.files[0]);
  };

  return (
    <Page
      title="Import and export the catalogue"
      actions={
        <Stack direction="row" spacing={1}>
          <Button onClick={() => navigate('/products')}>Back to products</Button>
          <Button variant="outlined" disabled={!online} onClick={() => void exportCsv()}>
            Export CSV
          </Button>
        </Stack>
      }
    >
      <Typography color="text.secondary">
        One row per variant, prices in cents (8900 is 89.00). Products are matched by style code and variants
        by SKU. If any row is wrong, nothing is imported and the wrong rows are listed below.
      </Typography>
      {!online && <Alert severity="warning">{needsConnection}</Alert>}
      <Box
        data-testid="csv-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        sx={{
          border: '2px dashed',
          borderColor: over ? 'primary.main' : 'divider',
          borderRadius: 1,
          p: 3,
          textAlign: 'center',
        }}
      >
        <Typography sx={{ mb: 1 }}>{busy ? 'Importing…' : 'Drop a CSV file here, or'}</Typography>
        <Button variant="contained" disabled={!online || busy} onClick={() => picker.current?.click()}>
          Choose a CSV file
        </Button>
        <input
          ref={picker}
          type="file"
          accept=".csv,text/csv"
          hidden
          aria-label="CSV file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            void importFile(file);
          }}
        />
      </Box>
      {saved && <Alert severity="success">{saved}</Alert>}
      {failure && <ErrorState error={failure} />}
      {outcome?.kind === 'done' && <Alert severity="success">{outcome.text}</Alert>}
      {outcome?.kind === 'refused' && (
        <Paper sx={{ p: 2 }}>
          <Alert severity="error" sx={{ mb: 1.5 }}>
            {outcome.file}: {outcome.error.message}
          </Alert>
          <Table size="small" aria-label="Rows with errors">
            <TableHead>
              <TableRow>
                {['Row', 'Column', 'Problem', 'Code'].map((h) => (
                  <TableCell key={h} sx={{ fontWeight: 600 }}>
                    {h}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {outcome.rows.map((r) => (
                <TableRow key={`${r.row}-${r.column}-${r.code}`}>
                  <TableCell>{r.row}</TableCell>
                  <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>{r.column}</TableCell>
                  <TableCell>{r.message}</TableCell>
                  <TableCell>
                    <Typography variant="caption" color="text.secondary">
                      {r.code}
                    </Typography>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      <Typography variant="caption" color="text.secondary">
        Columns: {catalogCsvColumns.join(', ')}
      </Typography>
    </Page>
  );
}
