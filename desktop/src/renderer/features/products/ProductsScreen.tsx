/**
 * Products (managers): the catalogue as a table, filtered in the address; a row opens the editor
 * (ProductEditorScreen). New products, CSV import and export start here.
 */
import { Button, Chip, Stack } from '@mui/material';
import type { CatalogProductSummary } from '../../../ipc/index.ts';
import { navigate } from '../../app/router.tsx';
import { useScreenKeys } from '../../app/screen-keys.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { EmptyState, ErrorState, LoadingSkeleton, Page } from '../../components/ScreenState.tsx';
import { columnsFor } from '../../components/table-features.ts';
import { useUrlTableState } from '../../components/url-table-state.ts';
import { useAllPages } from '../../lib/use-all-pages.ts';

export const productsShortcuts = [
  { keys: 'n', what: 'New product' },
  { keys: 'i', what: 'Import or export CSV' },
];

const mono = { fontFamily: 'ui-monospace, monospace' } as const;
const col = columnsFor<CatalogProductSummary>();
const columns = [
  col.accessor('name', { header: 'Product' }),
  col.accessor('styleCode', { header: 'Style code', cell: (c) => <span style={mono}>{c.getValue()}</span> }),
  col.accessor((p) => p.brandName ?? '', { id: 'brand', header: 'Brand', filterFn: 'equalsString' }),
  col.accessor('status', {
    header: 'Status',
    filterFn: 'equalsString',
    cell: (c) => <Chip size="small" variant="outlined" label={c.getValue()} />,
  }),
  col.accessor('variantCount', { header: 'Variants' }),
  col.accessor('stockTotal', { header: 'On hand' }),
  col.accessor('availableTotal', { header: 'Available' }),
  col.accessor((p) => (p.pending ? 'yes' : ''), {
    id: 'pending',
    header: 'Sync',
    enableGlobalFilter: false,
    cell: (c) => (c.getValue() ? 'Waiting to be sent' : ''),
  }),
];

export function ProductsScreen() {
  const products = useAllPages('catalog.products', {});
  const view = useUrlTableState();
  const brands =
    products.status === 'ready'
      ? [...new Set(products.data.items.map((p) => p.brandName ?? ''))].filter(Boolean).sort()
      : [];
  useScreenKeys({ n: () => navigate('/products/new'), i: () => navigate('/products/import') });
  return (
    <Page
      title="Products"
      actions={
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" onClick={() => navigate('/products/import')}>
            Import / export CSV (i)
          </Button>
          <Button variant="contained" onClick={() => navigate('/products/new')}>
            New product (n)
          </Button>
        </Stack>
      }
    >
      <FilterBar
        view={view}
        quickLabel="Name or style code"
        choices={[
          {
            id: 'status',
            label: 'Status',
            options: ['active', 'draft', 'archived'].map((s) => ({ value: s, label: s })),
          },
          { id: 'brand', label: 'Brand', options: brands.map((b) => ({ value: b, label: b })) },
        ]}
      />
      {products.status === 'loading' && <LoadingSkeleton rows={8} label="Loading products" />}
      {products.status === 'error' && <ErrorState error={products.error} onRetry={products.reload} />}
      {products.status === 'ready' && (
        <DataTable
          label="Products"
          data={products.data.items}
          columns={columns}
          getRowId={(p) => p.id}
          view={view}
          onRowClick={(p) => navigate(`/products/${p.id}`)}
          height="calc(100vh - 210px)"
          empty={
            <EmptyState
              title={products.data.items.length === 0 ? 'No products yet' : 'No product matches'}
              description={
                products.data.items.length === 0
                  ? 'The catalogue arrives with the first sync, or start one with New product.'
                  : 'Clear the filter or check the spelling.'
              }
            />
          }
        />
      )}
    </Page>
  );
}
