/**
 * The catalog CSV: one row per variant (or one row for a product without variants).
 * Kept as the entry point so importers need not know how the parts below are split.
 */
export { type CsvRecord, parseCatalogCsv } from './catalog-csv-parse.ts';
export { type ProductFields, type ValidRow, type VariantFields, validateRows } from './catalog-csv-rows.ts';
export {
  changedFields,
  type ImportPlan,
  type ImportState,
  planImport,
  type RowUpdate,
} from './catalog-csv-plan.ts';
export { type ExportRefs, exportRow } from './catalog-csv-export.ts';
