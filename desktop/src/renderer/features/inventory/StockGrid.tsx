/**
 * A style's stock as a size x colour grid: colours down, sizes across (EU), one cell per variant.
 * What a cell shows is the caller's (levels, or counted against expected); the frame is shared.
 */
import { Box, Paper, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';

export interface GridColour {
  id: string;
  name: string;
  swatchHex: string;
}
export interface GridCellBase {
  variantId: string;
  colourId: string;
  sizeEu: number;
}

export function StockGrid<C extends GridCellBase>(props: {
  label: string;
  sizes: readonly number[];
  colours: readonly GridColour[];
  cells: readonly C[];
  renderCell(cell: C): ReactNode;
  /** Highlights a cell (a tint plus the caller's words, never the tint alone). */
  tone?(cell: C): 'good' | 'warn' | 'bad' | undefined;
  onCellClick?(cell: C): void;
  selectedVariantId?: string | null;
  dense?: boolean;
}) {
  const at = new Map(props.cells.map((c) => [`${c.colourId}:${c.sizeEu}`, c]));
  const tint = { good: '#e6f4ea', warn: '#fff4d6', bad: '#fde7e9' } as const;
  return (
    <Paper sx={{ overflowX: 'auto' }}>
      <Table aria-label={props.label} sx={{ tableLayout: 'fixed', minWidth: 120 + props.sizes.length * 76 }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 150, fontWeight: 600, bgcolor: '#f6f8fa' }}>Colour</TableCell>
            {props.sizes.map((s) => (
              <TableCell key={s} align="center" sx={{ fontWeight: 600, bgcolor: '#f6f8fa' }}>
                EU {s}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.colours.map((colour) => (
            <TableRow key={colour.id}>
              <TableCell component="th" scope="row">
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <Box
                    aria-hidden
                    sx={{
                      width: 14,
                      height: 14,
                      borderRadius: '50%',
                      bgcolor: colour.swatchHex,
                      border: '1px solid rgba(0,0,0,0.2)',
                      flex: 'none',
                    }}
                  />
                  {colour.name}
                </Box>
              </TableCell>
              {props.sizes.map((size) => {
                const cell = at.get(`${colour.id}:${size}`);
                if (!cell)
                  return (
                    <TableCell key={size} align="center" sx={{ color: 'text.disabled' }}>
                      <span title="No such variant">—</span>
                    </TableCell>
                  );
                const tone = props.tone?.(cell);
                const selected = props.selectedVariantId === cell.variantId;
                return (
                  <TableCell
                    key={size}
                    align="center"
                    data-variant={cell.variantId}
                    data-tone={tone ?? 'none'}
                    aria-selected={props.onCellClick ? selected : undefined}
                    tabIndex={props.onCellClick ? 0 : undefined}
                    onClick={props.onCellClick ? () => props.onCellClick?.(cell) : undefined}
                    onKeyDown={(e) => e.key === 'Enter' && props.onCellClick?.(cell)}
                    sx={{
                      py: props.dense ? 0.5 : 1,
                      bgcolor: tone ? tint[tone] : undefined,
                      cursor: props.onCellClick ? 'pointer' : undefined,
                      outline: selected ? '2px solid' : undefined,
                      outlineColor: 'primary.main',
                      outlineOffset: -2,
                    }}
                  >
                    {props.renderCell(cell)}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
