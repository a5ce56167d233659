/**
 * Products (managers): the catalogue as a table, filtered in the address, and one product read-only
 * with its variants, barcodes, stock and prices (prices only for roles that may see them). The
 * editor (variant matrix, price changes) is a later step; `products.update` is ready for it.
 */
import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import type { CatalogProductSummary, CatalogVariant } from '../../../ipc/index.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { EmptyState, ErrorState, LoadingSkeleton, Page } from '../../components/ScreenState.tsx';
import { type AppColumn, columnsFor } from '../../components/table-features.ts';
import { useUrlTableState } from '../../components/url-table-state.ts';
import { money, size, when } from '../../lib/format.ts';
import { useAllPages } from '../../lib/use-all-pages.ts';
import { useInvoke } from '../../lib/use-invoke.ts';

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
  return (
    <Page title="Products">
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
                  ? 'The catalogue arrives with the first sync.'
                  : 'Clear the filter or check the spelling.'
              }
            />
          }
        />
      )}
    </Page>
  );
}

const vcol = columnsFor<CatalogVariant>();
function variantColumns(pricesVisible: boolean, currency: string) {
  const list: AppColumn<CatalogVariant>[] = [
    vcol.accessor('sku', { header: 'SKU', cell: (c) => <span style={mono}>{c.getValue()}</span> }),
    vcol.accessor('gtin', {
      header: 'Barcode',
      cell: (c) => <span style={mono}>{c.getValue() ?? '—'}</span>,
    }),
    vcol.accessor('colourName', { header: 'Colour' }),
    vcol.accessor('sizeEu', { header: 'Size', cell: (c) => size(c.getValue()) }),
    vcol.accessor('onHand', { header: 'On hand' }),
    vcol.accessor('available', { header: 'Available' }),
    vcol.accessor('lowStockThreshold', { header: 'Low at' }),
    vcol.accessor((v) => (v.active ? 'Active' : 'Off'), { id: 'active', header: 'Sells' }),
  ];
  if (pricesVisible)
    list.push(
      vcol.accessor((v) => v.priceMinor ?? -1, {
        id: 'price',
        header: 'Price',
        cell: (c) =>
          c.row.original.priceMinor === null ? 'Product price' : money(c.row.original.priceMinor, currency),
      }),
      vcol.accessor((v) => v.compareAtMinor ?? -1, {
        id: 'compareAt',
        header: 'Compare at',
        cell: (c) => money(c.row.original.compareAtMinor, currency),
      }),
    );
  return list;
}
const plainView = { quick: '', sorting: [], columnFilters: [], setSorting: () => {} };

export function ProductDetailScreen() {
  const { pathname } = useLocation();
  const productId = decodeURIComponent(pathname.split('/')[2] ?? '');
  const product = useInvoke('catalog.product', { productId });
  if (product.status === 'loading')
    return (
      <Page title="Product">
        <LoadingSkeleton rows={8} label="Loading the product" />
      </Page>
    );
  if (product.status === 'error')
    return (
      <Page title="Product">
        <ErrorState error={product.error} onRetry={product.reload} />
      </Page>
    );
  const p = product.data;
  return (
    <Page title={p.name}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Typography
          component="a"
          href="/products"
          onClick={(e) => {
            e.preventDefault();
            navigate('/products');
          }}
        >
          ← Products
        </Typography>
        <Typography sx={mono}>{p.styleCode}</Typography>
        <Chip size="small" variant="outlined" label={p.status} />
        {p.pending && <Chip size="small" variant="outlined" label="Changes waiting to be sent" />}
        <Typography variant="body2" color="text.secondary">
          Version {p.version} · changed {when(p.updatedAt)}
        </Typography>
      </Stack>
      <Paper sx={{ p: 2 }}>
        <Box sx={{ display: 'grid', gridTemplateColumns: '160px 1fr', rowGap: 0.5 }}>
          {[
            ['Brand', p.brand?.name ?? '—'],
            ['Category', p.category?.name ?? '—'],
            ['Material', p.material || '—'],
            ['Heel', `${p.heelHeightMm} mm`],
            ...(p.pricesVisible ? [['Price', money(p.basePriceMinor, p.currency)]] : []),
            ['Description', p.description || '—'],
          ].map(([k, v]) => (
            <Box key={k} sx={{ display: 'contents' }}>
              <Typography variant="body2" color="text.secondary">
                {k}
              </Typography>
              <Typography variant="body2">{v}</Typography>
            </Box>
          ))}
        </Box>
      </Paper>
      <DataTable
        label="Variants"
        data={p.variants}
        columns={variantColumns(p.pricesVisible, p.currency)}
        getRowId={(v) => v.id}
        view={plainView}
        height="calc(100vh - 380px)"
        empty={<EmptyState title="No variants" description="This product has no sizes or colours yet." />}
      />
    </Page>
  );
}
