/**
 * The product editor (managers): the fields, saved through `products.update` (the outbox, so it
 * works offline and is merged field by field on the server); the variants with their SKU,
 * barcode, prices and weight; the variant matrix; the images. What needs the shop server says so.
 */
import { Alert, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { useEffect, useRef, useState } from 'react';
import type { CatalogProductDetail, CatalogVariant } from '../../../ipc/index.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, ErrorState, LoadingSkeleton, Page } from '../../components/ScreenState.tsx';
import { type AppColumn, columnsFor } from '../../components/table-features.ts';
import { useBackend } from '../../lib/backend.tsx';
import { money, size, when } from '../../lib/format.ts';
import { useInvoke } from '../../lib/use-invoke.ts';
import { DetailsFields } from './DetailsFields.tsx';
import { ImagesPanel } from './ImagesPanel.tsx';
import { changesOf, type FormErrors, fieldsOf, formOf, type ProductForm } from './product-form.ts';
import { useOnline } from './use-online.ts';
import { VariantDialog } from './VariantDialog.tsx';
import { VariantMatrix } from './VariantMatrix.tsx';

export const editorShortcuts = [{ keys: 'Ctrl+S', what: 'Save the product’s changes' }];

const mono = { fontFamily: 'ui-monospace, monospace', whiteSpace: 'nowrap' } as const;
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
    vcol.accessor('width', { header: 'Width' }),
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
  list.push(
    vcol.accessor('weightGrams', { header: 'Weight', cell: (c) => `${c.getValue()} g` }),
    vcol.accessor('onHand', { header: 'On hand' }),
    vcol.accessor((v) => (v.active ? 'Sold' : 'Off'), { id: 'active', header: 'Sells' }),
  );
  return list;
}
const plainView = { quick: '', sorting: [], columnFilters: [], setSorting: () => {} };

export function ProductEditorScreen() {
  const { pathname } = useLocation();
  const productId = decodeURIComponent(pathname.split('/')[2] ?? '');
  const product = useInvoke('catalog.product', { productId });
  // A reload after a save keeps the editor (and its message) on screen with the last answer.
  const last = useRef<CatalogProductDetail | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (product.status === 'ready') last.current = product.data;
  const shown = last.current?.id === productId ? last.current : null;
  if (product.status === 'error')
    return (
      <Page title="Product">
        <ErrorState error={product.error} onRetry={product.reload} />
      </Page>
    );
  if (!shown)
    return (
      <Page title="Product">
        <LoadingSkeleton rows={8} label="Loading the product" />
      </Page>
    );
  return (
    <Editor key={shown.id} product={shown} reload={product.reload} notice={notice} setNotice={setNotice} />
  );
}

function Editor({
  product: p,
  reload,
  notice,
  setNotice,
}: {
  product: CatalogProductDetail;
  reload(): void;
  notice: string | null;
  setNotice(notice: string | null): void;
}) {
  const backend = useBackend();
  const online = useOnline();
  const taxonomy = useInvoke('products.taxonomy', {});
  const [form, setForm] = useState<ProductForm>(() => formOf(p));
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<DomainError | null>(null);
  const [editing, setEditing] = useState<CatalogVariant | null>(null);
  useEffect(() => setForm(formOf(p)), [p]);

  const loaded = fieldsOf(formOf(p), p.pricesVisible);
  const edited = fieldsOf(form, p.pricesVisible);
  const changes = 'fields' in loaded && 'fields' in edited ? changesOf(loaded.fields, edited.fields) : null;
  const dirty = changes !== null ? Object.keys(changes.fields).length > 0 : true;

  const save = async () => {
    if ('errors' in edited) return setErrors(edited.errors);
    setErrors({});
    if (!changes || Object.keys(changes.fields).length === 0) return;
    setFailure(null);
    try {
      await backend.invoke('products.update', {
        productId: p.id,
        baseVersion: p.version,
        fields: changes.fields,
        base: changes.base,
      });
      setNotice(
        online
          ? 'Saved. The change is on its way to the shop server.'
          : 'Saved on this device. It goes to the shop server when the app is back online.',
      );
      reload();
    } catch (e) {
      setFailure(e as DomainError);
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <Page
      title={p.name}
      actions={
        <Stack direction="row" spacing={1}>
          <Button onClick={() => setForm(formOf(p))} disabled={!dirty}>
            Undo changes
          </Button>
          <Button variant="contained" onClick={() => void save()} disabled={!dirty}>
            Save changes (Ctrl+S)
          </Button>
        </Stack>
      }
    >
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
        <Typography variant="body2">
          {p.brand?.name ?? '—'} · {p.category?.name ?? '—'}
        </Typography>
        {p.pending && <Chip size="small" variant="outlined" label="Changes waiting to be sent" />}
        <Typography variant="body2" color="text.secondary">
          Version {p.version} · changed {when(p.updatedAt)}
        </Typography>
      </Stack>
      {notice && (
        <Alert severity="success" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {failure && <ErrorState error={failure} />}
      <Paper sx={{ p: 2, pb: 0.5 }} data-testid="product-details">
        <DetailsFields
          form={form}
          errors={errors}
          onChange={(change) => setForm((f) => ({ ...f, ...change }))}
          pricesVisible={p.pricesVisible}
          currency={p.currency}
        />
      </Paper>
      <Box>
        <Typography variant="h2" sx={{ mb: 1 }}>
          Variants ({p.variants.length}) · click one to edit its SKU, barcode, prices and weight
        </Typography>
        <DataTable
          label="Variants"
          data={p.variants}
          columns={variantColumns(p.pricesVisible, p.currency)}
          getRowId={(v) => v.id}
          view={plainView}
          onRowClick={(v) => setEditing(v)}
          height={Math.min(420, 60 + p.variants.length * 37)}
          empty={
            <EmptyState title="No variants" description="Add sizes and colours with the matrix below." />
          }
        />
      </Box>
      {taxonomy.status === 'ready' && (
        <VariantMatrix
          productId={p.id}
          colours={taxonomy.data.colours}
          variants={p.variants}
          online={online}
          onGenerated={(message) => {
            setNotice(message);
            reload();
          }}
        />
      )}
      <ImagesPanel productId={p.id} productName={p.name} online={online} />
      {editing && (
        <VariantDialog
          variant={editing}
          currency={p.currency}
          pricesVisible={p.pricesVisible}
          online={online}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice(`Variant ${editing.sku} saved.`);
            reload();
          }}
        />
      )}
    </Page>
  );
}
