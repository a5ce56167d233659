/**
 * A new product (managers): brand, category, style code and currency, then the same fields as
 * the editor. Creating needs the shop server (it makes the slug and checks the style code); the
 * editor opens on the new product for its variants and images.
 */
import { Alert, Box, Button, MenuItem, Paper, Stack, TextField } from '@mui/material';
import { currencies, type DomainError } from '@shoebox/shared';
import { useState } from 'react';
import { navigate } from '../../app/router.tsx';
import { ErrorState, LoadingSkeleton, Page } from '../../components/ScreenState.tsx';
import { useBackend } from '../../lib/backend.tsx';
import { useInvoke } from '../../lib/use-invoke.ts';
import { DetailsFields } from './DetailsFields.tsx';
import { emptyForm, type FormErrors, fieldsOf, type ProductForm } from './product-form.ts';
import { needsConnection, useOnline } from './use-online.ts';

export function NewProductScreen() {
  const backend = useBackend();
  const online = useOnline();
  const taxonomy = useInvoke('products.taxonomy', {});
  const [form, setForm] = useState<ProductForm>(emptyForm);
  const [brandId, setBrandId] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [styleCode, setStyleCode] = useState('');
  const [currency, setCurrency] = useState<(typeof currencies)[number]>('EUR');
  const [errors, setErrors] = useState<
    FormErrors & { brand?: string; category?: string; styleCode?: string }
  >({});
  const [failure, setFailure] = useState<DomainError | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    const parsed = fieldsOf(form, true);
    const more: typeof errors = {};
    if (!brandId) more.brand = 'Choose a brand.';
    if (!categoryId) more.category = 'Choose a category.';
    if (styleCode && !/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(styleCode.trim()))
      more.styleCode = 'Letters, digits and single dashes.';
    if ('errors' in parsed || Object.keys(more).length > 0)
      return setErrors({ ...('errors' in parsed ? parsed.errors : {}), ...more });
    setErrors({});
    setBusy(true);
    setFailure(null);
    try {
      const created = await backend.invoke('products.create', {
        ...parsed.fields,
        basePriceMinor: parsed.fields.basePriceMinor ?? 0,
        brandId,
        categoryId,
        currency,
        ...(styleCode.trim() ? { styleCode: styleCode.trim().toUpperCase() } : {}),
      });
      navigate(`/products/${created.id}`);
    } catch (e) {
      setFailure(e as DomainError);
    } finally {
      setBusy(false);
    }
  };

  if (taxonomy.status === 'loading')
    return (
      <Page title="New product">
        <LoadingSkeleton rows={6} label="Loading brands and categories" />
      </Page>
    );
  if (taxonomy.status === 'error')
    return (
      <Page title="New product">
        <ErrorState error={taxonomy.error} onRetry={taxonomy.reload} />
      </Page>
    );
  const select = (
    label: string,
    value: string,
    set: (v: string) => void,
    options: { id: string; name: string }[],
    error?: string,
  ) => (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => set(e.target.value)}
      error={Boolean(error)}
      helperText={error ?? ' '}
    >
      {options.map((o) => (
        <MenuItem key={o.id} value={o.id}>
          {o.name}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Page
      title="New product"
      actions={
        <Stack direction="row" spacing={1}>
          <Button onClick={() => navigate('/products')}>Cancel</Button>
          <Button variant="contained" disabled={!online || busy} onClick={() => void create()}>
            Create product
          </Button>
        </Stack>
      }
    >
      {!online && <Alert severity="warning">{needsConnection}</Alert>}
      {failure && <ErrorState error={failure} />}
      <Paper sx={{ p: 2, pb: 0.5 }}>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', columnGap: 2 }}>
          {select('Brand', brandId, setBrandId, taxonomy.data.brands, errors.brand)}
          {select('Category', categoryId, setCategoryId, taxonomy.data.categories, errors.category)}
          <TextField
            size="small"
            label="Style code (optional)"
            placeholder="made from the name"
            value={styleCode}
            onChange={(e) => setStyleCode(e.target.value)}
            error={Boolean(errors.styleCode)}
            helperText={errors.styleCode ?? ' '}
          />
          {select(
            'Currency',
            currency,
            (v) => setCurrency(v as typeof currency),
            currencies.map((c) => ({ id: c, name: c })),
          )}
        </Box>
        <DetailsFields
          form={form}
          errors={errors}
          onChange={(change) => setForm((f) => ({ ...f, ...change }))}
          pricesVisible
          currency={currency}
        />
      </Paper>
    </Page>
  );
}
