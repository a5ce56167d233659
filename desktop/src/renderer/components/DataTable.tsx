/**
 * The table every list uses (TanStack Table v9 + react-virtual): sticky header, sortable columns,
 * the view (quick filter, sort, column filters) from the URL, row click (mouse or Enter), an
 * optional selection with bulk actions, and virtual rows once a list is long enough to need them.
 */
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import {
  Box,
  Checkbox,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { type RowData, type RowSelectionState, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { type AppColumn, appTableFeatures } from './table-features.ts';
import type { TableViewState } from './url-table-state.ts';

/** Past this many rows only the visible ones are in the DOM (ui.md: "past a few hundred"). */
export const VIRTUALIZE_FROM = 200;
const ROW_HEIGHT = 37;

export interface DataTableProps<T extends RowData> {
  label: string;
  data: readonly T[];
  columns: AppColumn<T>[];
  getRowId(row: T): string;
  view: Pick<TableViewState, 'quick' | 'sorting' | 'columnFilters' | 'setSorting'>;
  onRowClick?(row: T): void;
  /** Shows checkboxes; the actions get the selected rows. */
  selectionActions?(selected: T[]): ReactNode;
  /** Shown instead of rows when nothing matches. */
  empty: ReactNode;
  height?: number | string;
  virtualizeFrom?: number;
}

export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const { view } = props;
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const selectable = Boolean(props.selectionActions);
  const data = useMemo(() => [...props.data], [props.data]);

  const table = useTable({
    features: appTableFeatures,
    columns: props.columns,
    data,
    getRowId: (row) => props.getRowId(row),
    state: {
      sorting: view.sorting,
      columnFilters: view.columnFilters,
      globalFilter: view.quick,
      rowSelection,
    },
    onSortingChange: view.setSorting,
    onRowSelectionChange: setRowSelection,
    globalFilterFn: 'includesString',
    enableRowSelection: selectable,
  });

  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length >= (props.virtualizeFrom ?? VIRTUALIZE_FROM);
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const shown = virtual ? items.map((i) => rows[i.index]!) : rows;
  const padTop = virtual ? (items[0]?.start ?? 0) : 0;
  const padBottom = virtual ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const columnCount = props.columns.length + (selectable ? 1 : 0);
  const selected = table.getSelectedRowModel().rows.map((r) => r.original);

  return (
    <Paper>
      {selectable && selected.length > 0 && (
        <Stack direction="row" spacing={2} sx={{ px: 2, py: 1, alignItems: 'center', bgcolor: '#eef6f6' }}>
          <Typography variant="body2" aria-live="polite">
            {selected.length} selected
          </Typography>
          {props.selectionActions?.(selected)}
        </Stack>
      )}
      <TableContainer ref={scrollRef} sx={{ maxHeight: props.height ?? '70vh' }}>
        <Table stickyHeader aria-label={props.label} aria-rowcount={rows.length + 1}>
          <TableHead>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {selectable && (
                  <TableCell padding="checkbox">
                    <Checkbox
                      size="small"
                      checked={table.getIsAllRowsSelected()}
                      indeterminate={selected.length > 0 && !table.getIsAllRowsSelected()}
                      onChange={() => table.toggleAllRowsSelected()}
                      slotProps={{ input: { 'aria-label': 'Select all rows' } }}
                    />
                  </TableCell>
                )}
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <TableCell
                      key={header.id}
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                      }
                      sx={{ fontWeight: 600, bgcolor: '#f6f8fa', whiteSpace: 'nowrap' }}
                    >
                      {canSort ? (
                        <Box
                          component="button"
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          sx={{ all: 'inherit', cursor: 'pointer', display: 'inline-flex', gap: 0.5 }}
                        >
                          <table.FlexRender header={header} />
                          {sorted === 'asc' && <ArrowUpward fontSize="inherit" aria-hidden />}
                          {sorted === 'desc' && <ArrowDownward fontSize="inherit" aria-hidden />}
                        </Box>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableHead>
          <TableBody>
            {padTop > 0 && <TableRow aria-hidden style={{ height: padTop }} />}
            {shown.map((row) => (
              <TableRow
                key={row.id}
                hover
                selected={row.getIsSelected()}
                tabIndex={props.onRowClick ? 0 : undefined}
                onClick={props.onRowClick ? () => props.onRowClick?.(row.original) : undefined}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && e.target === e.currentTarget) props.onRowClick?.(row.original);
                }}
                sx={{ cursor: props.onRowClick ? 'pointer' : undefined, height: ROW_HEIGHT }}
              >
                {selectable && (
                  <TableCell padding="checkbox" onClick={(e) => e.stopPropagation()}>
                    <Checkbox
                      size="small"
                      checked={row.getIsSelected()}
                      onChange={row.getToggleSelectedHandler()}
                      slotProps={{ input: { 'aria-label': `Select row ${row.id}` } }}
                    />
                  </TableCell>
                )}
                {row.getAllCells().map((cell) => (
                  <TableCell key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
            {padBottom > 0 && <TableRow aria-hidden style={{ height: padBottom }} />}
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={columnCount} sx={{ border: 0, p: 2 }}>
                  {props.empty}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
