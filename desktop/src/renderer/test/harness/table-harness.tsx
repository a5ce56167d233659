/**
 * A page with one DataTable of 10,000 rows, for the real-browser test of virtualisation
 * (tests/desktop/data-table.test.ts): jsdom and happy-dom have no layout, so they render no
 * virtual rows at all. Served by vite's dev server in that test only; not part of the app.
 */
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { createRoot } from 'react-dom/client';
import { theme } from '../../app/theme.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { columnsFor } from '../../components/table-features.ts';
import { useUrlTableState } from '../../components/url-table-state.ts';
import { money } from '../../lib/format.ts';

interface Line {
  sku: string;
  name: string;
  totalMinor: number;
}
const lines: Line[] = Array.from({ length: 10_000 }, (_, i) => ({
  sku: `SB-${String(i).padStart(5, '0')}`,
  name: `Style ${(i * 7919) % 10_000}`,
  totalMinor: 1_000 + ((i * 104_729) % 50_000),
}));
const col = columnsFor<Line>();
const columns = [
  col.accessor('sku', { header: 'SKU' }),
  col.accessor('name', { header: 'Name' }),
  col.accessor('totalMinor', { header: 'Total', cell: (c) => money(c.getValue(), 'EUR') }),
];

function Harness() {
  const view = useUrlTableState();
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <FilterBar view={view} />
      <DataTable
        label="Lines"
        data={lines}
        columns={columns}
        getRowId={(l) => l.sku}
        view={view}
        height={600}
        empty={<p>Nothing matches.</p>}
      />
    </ThemeProvider>
  );
}

createRoot(document.getElementById('root')!).render(<Harness />);
