/**
 * Choosing a style: type a name or style code to narrow the list, or scan (or type) a barcode or
 * SKU and Enter to open its style at once. The list is the local catalogue, so it works offline.
 */
import { Chip, Stack, TextField, Typography } from '@mui/material';
import type { CatalogProductSummary } from '../../../ipc/index.ts';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/ScreenState.tsx';
import { columnsFor } from '../../components/table-features.ts';
import { useBackend } from '../../lib/backend.tsx';
import { useAllPages } from '../../lib/use-all-pages.ts';

const col = columnsFor<CatalogProductSummary>();
const columns = [
  col.accessor('name', { header: 'Style' }),
  col.accessor('styleCode', {
    header: 'Style code',
    cell: (c) => <span style={{ fontFamily: 'ui-monospace, monospace' }}>{c.getValue()}</span>,
  }),
  col.accessor('brandName', { header: 'Brand', cell: (c) => c.getValue() ?? '—' }),
  col.accessor('status', {
    header: 'Status',
    cell: (c) => <Chip size="small" variant="outlined" label={c.getValue()} />,
  }),
  col.accessor('variantCount', { header: 'Variants' }),
  col.accessor('stockTotal', { header: 'On hand' }),
  col.accessor('availableTotal', { header: 'Available' }),
];
const noSort = { sorting: [], columnFilters: [], setSorting: () => {} };

export function StylePicker({ onPick }: { onPick(productId: string): void }) {
  const backend = useBackend();
  const styles = useAllPages('catalog.products', {});
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // A scanner types the code and Enter like a person would, so Enter on the field does both.
  const resolve = async (typed: string) => {
    const code = typed.trim();
    if (!code) return;
    setProblem(null);
    const variant = await backend.invoke('catalog.findByCode', { code }).catch(() => null);
    if (variant) return onPick(variant.productId);
    const needle = code.toLowerCase();
    const hits =
      styles.status === 'ready'
        ? styles.data.items.filter(
            (s) => s.name.toLowerCase().includes(needle) || s.styleCode.toLowerCase().includes(needle),
          )
        : [];
    if (hits.length === 1 && hits[0]) return onPick(hits[0].id);
    setText(code);
    setProblem(
      hits.length === 0
        ? `Nothing in the catalogue is called or coded “${code}”.`
        : 'Several styles match: pick one below.',
    );
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          label="Style, SKU or barcode"
          placeholder="Type a name, or scan a box"
          autoFocus
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void resolve(text);
          }}
          sx={{ width: 360 }}
        />
        {problem && (
          <Typography role="alert" color="error.main">
            {problem}
          </Typography>
        )}
      </Stack>
      {styles.status === 'loading' && <LoadingSkeleton rows={6} label="Loading styles" />}
      {styles.status === 'error' && <ErrorState error={styles.error} onRetry={styles.reload} />}
      {styles.status === 'ready' &&
        (styles.data.items.length === 0 ? (
          <EmptyState
            title="No styles on this device yet"
            description="The catalogue arrives with the first sync. Connect to the shop server once, then come back."
          />
        ) : (
          <DataTable
            label="Styles"
            data={styles.data.items}
            columns={columns}
            getRowId={(s) => s.id}
            view={{ ...noSort, quick: text }}
            onRowClick={(s) => onPick(s.id)}
            height="calc(100vh - 230px)"
            empty={
              <EmptyState title="No style matches" description="Check the spelling, or scan a box of it." />
            }
          />
        ))}
    </Stack>
  );
}
