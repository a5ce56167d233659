import type { FieldError } from '@shoebox/shared';
import { normalizeSku } from '@shoebox/shared';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * Stock CSV files. Export: one line per stock level. Import: a stock count, one line per
 * (sku, location) with what was counted. Rows are named as a spreadsheet shows them: the header
 * is row 1, so the first data row is row 2.
 */

export const levelsCsvColumns = [
  'sku',
  'location_code',
  'bin_code',
  'on_hand',
  'reserved',
  'available',
] as const;

export interface LevelsCsvRow {
  sku: string;
  locationCode: string;
  binCode: string | null;
  onHand: number;
  reserved: number;
}

export function formatLevelsCsv(rows: readonly LevelsCsvRow[]): string {
  return stringify(
    rows.map((r) => [r.sku, r.locationCode, r.binCode ?? '', r.onHand, r.reserved, r.onHand - r.reserved]),
    { header: true, columns: [...levelsCsvColumns], record_delimiter: '\n' },
  );
}

const requiredColumns = ['sku', 'location_code', 'counted'] as const;
const optionalColumns = ['bin_code'] as const;
type Column = (typeof requiredColumns)[number] | (typeof optionalColumns)[number];
const knownColumns: ReadonlySet<string> = new Set<string>([...requiredColumns, ...optionalColumns]);

/** Larger counts are split into several files; keeps one import inside one reasonable transaction. */
export const MAX_IMPORT_ROWS = 20_000;
/** A file full of mistakes reports the first this many; `details.errorCount` says how many in all. */
export const MAX_REPORTED_ERRORS = 200;
const MAX_COUNTED = 1_000_000;

export interface CountCsvRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  /** Normalised (trimmed, upper case). */
  sku: string;
  locationCode: string;
  /** null when the cell was not a whole number 0 or more (an error is reported for it). */
  counted: number | null;
  binCode: string | null;
}

export interface ParsedCountCsv {
  rows: CountCsvRow[];
  errors: FieldError[];
}

export const rowPath = (row: number, column: string) => `row ${row}: ${column}`;

/** Parses and checks the shape of every row; database checks (sku exists, ...) are the caller's. */
export function parseCountCsv(text: string): ParsedCountCsv {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return {
      rows: [],
      errors: [
        {
          path: line ? `row ${line}` : 'file',
          message: `Not a readable CSV file: ${(e as Error).message}`,
          code: 'MALFORMED_CSV',
        },
      ],
    };
  }

  const [head, ...data] = records;
  if (!head)
    return { rows: [], errors: [{ path: 'file', message: 'The file is empty.', code: 'EMPTY_FILE' }] };

  const header = head.record.map((h) => h.toLowerCase());
  const errors: FieldError[] = [];
  header.forEach((name, i) => {
    if (!knownColumns.has(name))
      errors.push({
        path: 'row 1',
        message: `Unknown column '${head.record[i]}'; expected ${[...requiredColumns, ...optionalColumns].join(', ')}`,
        code: 'UNKNOWN_COLUMN',
      });
    else if (header.indexOf(name) !== i)
      errors.push({ path: 'row 1', message: `Column '${name}' appears twice`, code: 'DUPLICATE_COLUMN' });
  });
  for (const name of requiredColumns)
    if (!header.includes(name))
      errors.push({ path: 'row 1', message: `Missing column '${name}'`, code: 'MISSING_COLUMN' });
  if (errors.length) return { rows: [], errors };
  if (data.length === 0)
    return {
      rows: [],
      errors: [{ path: 'file', message: 'The file has no data rows.', code: 'EMPTY_FILE' }],
    };
  if (data.length > MAX_IMPORT_ROWS)
    return {
      rows: [],
      errors: [
        {
          path: 'file',
          message: `At most ${MAX_IMPORT_ROWS} rows per file (this one has ${data.length}); split it.`,
          code: 'TOO_MANY_ROWS',
        },
      ],
    };

  const index = (name: Column) => header.indexOf(name);
  const rows: CountCsvRow[] = [];
  for (const { record, info } of data) {
    const row = info.lines;
    if (record.length !== header.length) {
      errors.push({
        path: `row ${row}`,
        message: `Expected ${header.length} cells, found ${record.length}`,
        code: 'WRONG_CELL_COUNT',
      });
      continue;
    }
    const cell = (name: Column) => (index(name) >= 0 ? (record[index(name)] ?? '') : '');
    const sku = normalizeSku(cell('sku'));
    const locationCode = cell('location_code').toUpperCase();
    const countedText = cell('counted');
    const binCode = cell('bin_code').toUpperCase() || null;
    if (!sku) errors.push({ path: rowPath(row, 'sku'), message: 'Required', code: 'REQUIRED' });
    if (!locationCode)
      errors.push({ path: rowPath(row, 'location_code'), message: 'Required', code: 'REQUIRED' });
    let counted: number | null = null;
    if (/^\d{1,7}$/.test(countedText) && Number(countedText) <= MAX_COUNTED) counted = Number(countedText);
    else
      errors.push({
        path: rowPath(row, 'counted'),
        message: `Must be a whole number from 0 to ${MAX_COUNTED}, got '${countedText}'`,
        code: 'INVALID_COUNT',
      });
    rows.push({ row, sku, locationCode, counted, binCode });
  }
  return { rows, errors };
}
