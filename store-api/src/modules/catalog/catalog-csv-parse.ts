/**
 * Catalog CSV columns and parsing: one row per variant (or one row for a product without variants).
 *
 * Row numbers follow spreadsheets: the header is row 1, the first data row is row 2, blank lines
 * count, and a quoted cell spanning several lines is still one row.
 */
import type { FieldError } from '@shoebox/shared';
import { type CatalogCsvColumn, catalogCsvColumns } from '@shoebox/shared/contracts';
import { CsvError, parse } from 'csv-parse/sync';
import { csvHeaderInvalid, csvMalformed } from './catalog.errors.ts';

export interface CsvRecord {
  /** Spreadsheet row number (header = 1). */
  row: number;
  cells: Record<CatalogCsvColumn, string>;
}

/** The columns that describe a variant; a row with any of them filled is a variant row. */
export const variantColumns: readonly CatalogCsvColumn[] = [
  'colour_code',
  'size_eu',
  'width',
  'sku',
  'gtin',
  'price_minor',
  'compare_at_minor',
  'weight_grams',
];

/** The error path of one cell, as row errors report it. */
export const at = (row: number, column: string) => `row ${row}: ${column}`;

/** Reads the file into records keyed by column. Throws CSV_MALFORMED or CSV_HEADER_INVALID. */
export function parseCatalogCsv(raw: Buffer | undefined): CsvRecord[] {
  let parsed: Array<{ record: string[]; info: { records: number; empty_lines: number } }>;
  try {
    parsed = parse(raw ?? Buffer.alloc(0), {
      bom: true,
      info: true,
      skip_empty_lines: true,
      // Cell counts are checked after the header, so a bad header is reported as such.
      relax_column_count: true,
    }) as unknown as typeof parsed;
  } catch (e) {
    if (e instanceof CsvError) {
      const line = typeof e.lines === 'number' ? e.lines : undefined;
      throw csvMalformed(
        `The file is not valid CSV${line ? ` (near line ${line})` : ''}: ${e.message}. Check for unbalanced quotes and rows with a different number of cells than the header.`,
        { reason: e.code, ...(line ? { line } : {}) },
      );
    }
    throw e;
  }
  const [header, ...data] = parsed;
  if (!header) {
    throw csvHeaderInvalid('The file is empty; its first row must be the header.', [
      { path: 'header', message: 'Missing header row', code: 'MISSING_COLUMN' },
    ]);
  }
  const names = header.record.map((name) => name.trim());
  const errors: FieldError[] = [];
  const known = new Set<string>(catalogCsvColumns);
  const seen = new Set<string>();
  for (const name of names) {
    if (!known.has(name))
      errors.push({ path: 'header', message: `Unknown column '${name}'`, code: 'UNKNOWN_COLUMN' });
    else if (seen.has(name))
      errors.push({ path: 'header', message: `Column '${name}' appears twice`, code: 'DUPLICATE_COLUMN' });
    seen.add(name);
  }
  for (const column of catalogCsvColumns) {
    if (!seen.has(column))
      errors.push({ path: 'header', message: `Missing column '${column}'`, code: 'MISSING_COLUMN' });
  }
  if (errors.length) {
    throw csvHeaderInvalid(
      `The header row must name exactly these columns (any order): ${catalogCsvColumns.join(',')}.`,
      errors,
    );
  }
  const index = new Map(names.map((name, i) => [name, i]));
  const records: CsvRecord[] = [];
  for (const { record, info } of data) {
    // A row of empty cells (what spreadsheets write for blank rows) is skipped, as blank lines are.
    if (record.every((cell) => cell.trim() === '')) continue;
    const row = info.records + info.empty_lines;
    if (record.length !== names.length) {
      throw csvMalformed(
        `Row ${row} has ${record.length} cells but the header has ${names.length} (the header is row 1).`,
        { reason: 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH', row },
      );
    }
    const cells = Object.fromEntries(
      catalogCsvColumns.map((column) => [column, record[index.get(column)!] ?? '']),
    ) as Record<CatalogCsvColumn, string>;
    records.push({ row, cells });
  }
  return records;
}
