/**
 * The TanStack Table v9 feature set every table in the app uses: sorting, column filters, the
 * quick (global) filter and row selection, with only the sort and filter functions we register.
 */
import {
  type ColumnDef,
  type RowData,
  type ColumnFiltersState,
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_equalsString,
  filterFn_includesString,
  globalFilteringFeature,
  rowSelectionFeature,
  rowSortingFeature,
  type SortingState,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table';

export const appTableFeatures = tableFeatures({
  rowSortingFeature,
  rowSelectionFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: {
    alphanumeric: sortFn_alphanumeric,
    basic: sortFn_basic,
    text: sortFn_text,
    datetime: sortFn_datetime,
  },
  filterFns: { includesString: filterFn_includesString, equalsString: filterFn_equalsString },
});

export type AppTableFeatures = typeof appTableFeatures;
// biome-ignore lint/suspicious/noExplicitAny: a column's value type differs per column
export type AppColumn<T extends RowData> = ColumnDef<AppTableFeatures, T, any>;
export const columnsFor = <T extends RowData>() => createColumnHelper<AppTableFeatures, T>();

/** `sort=name,-total` <-> [{ id: 'name', desc: false }, { id: 'total', desc: true }] */
export function parseSort(text: string | null): SortingState {
  if (!text) return [];
  return text
    .split(',')
    .filter(Boolean)
    .map((part) => (part.startsWith('-') ? { id: part.slice(1), desc: true } : { id: part, desc: false }));
}
export const formatSort = (sorting: SortingState): string =>
  sorting.map((s) => `${s.desc ? '-' : ''}${s.id}`).join(',');

/** Column filters as `f.<column>=<value>` query parameters. */
export function parseFilters(search: URLSearchParams): ColumnFiltersState {
  const filters: ColumnFiltersState = [];
  for (const [key, value] of search)
    if (key.startsWith('f.') && value) filters.push({ id: key.slice(2), value });
  return filters;
}
