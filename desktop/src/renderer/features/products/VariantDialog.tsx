/**
 * One variant's SKU, barcode, prices and weight. Prices are typed as money and sent in minor
 * units; the barcode's check digit is checked as it is typed. Needs the shop server.
 */
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Stack,
  TextField,
} from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { useState } from 'react';
import type { CatalogVariant } from '../../../ipc/index.ts';
import { ErrorState } from '../../components/ScreenState.tsx';
import { useBackend } from '../../lib/backend.tsx';
import { size } from '../../lib/format.ts';
import { minorToText, parseGtin, parsePrice } from './product-form.ts';
import { needsConnection } from './use-online.ts';

interface VariantForm {
  sku: string;
  gtin: string;
  price: string;
  compareAt: string;
  weightGrams: string;
  lowStockThreshold: string;
  active: boolean;
}

const formOf = (v: CatalogVariant): VariantForm => ({
  sku: v.sku,
  gtin: v.gtin ?? '',
  price: minorToText(v.priceMinor),
  compareAt: minorToText(v.compareAtMinor),
  weightGrams: String(v.weightGrams),
  lowStockThreshold: String(v.lowStockThreshold),
  active: v.active,
});

type Changes = Record<string, string | number | boolean | null>;

/** The changed fields, or the errors per field. */
export function variantChanges(
  v: CatalogVariant,
  f: VariantForm,
  pricesVisible: boolean,
): { changes: Changes } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const changes: Changes = {};
  if (f.sku.trim() !== v.sku) {
    if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/.test(f.sku.trim()))
      errors.sku = 'Letters, digits and dashes, up to 64.';
    else changes.sku = f.sku.trim().toUpperCase();
  }
  const gtin = parseGtin(f.gtin);
  if ('error' in gtin) errors.gtin = gtin.error;
  else if (gtin.gtin !== v.gtin) changes.gtin = gtin.gtin;
  if (pricesVisible) {
    const price = parsePrice(f.price, true);
    const compareAt = parsePrice(f.compareAt, true);
    if ('error' in price) errors.price = price.error;
    else if (price.minor !== v.priceMinor) changes.priceMinor = price.minor;
    if ('error' in compareAt) errors.compareAt = compareAt.error;
    else if (compareAt.minor !== v.compareAtMinor) changes.compareAtMinor = compareAt.minor;
  }
  const weight = Number(f.weightGrams);
  if (!/^\d+$/.test(f.weightGrams.trim()) || weight < 1 || weight > 20_000)
    errors.weightGrams = 'Whole grams, 1 to 20000.';
  else if (weight !== v.weightGrams) changes.weightGrams = weight;
  const low = Number(f.lowStockThreshold);
  if (!/^\d+$/.test(f.lowStockThreshold.trim())) errors.lowStockThreshold = 'A whole number of pairs.';
  else if (low !== v.lowStockThreshold) changes.lowStockThreshold = low;
  if (f.active !== v.active) changes.active = f.active;
  return Object.keys(errors).length > 0 ? { errors } : { changes };
}

export function VariantDialog({
  variant,
  currency,
  pricesVisible,
  online,
  onClose,
  onSaved,
}: {
  variant: CatalogVariant;
  currency: string;
  pricesVisible: boolean;
  online: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const backend = useBackend();
  const [form, setForm] = useState(() => formOf(variant));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<DomainError | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (change: Partial<VariantForm>) => setForm((f) => ({ ...f, ...change }));

  const save = async () => {
    const result = variantChanges(variant, form, pricesVisible);
    if ('errors' in result) return setErrors(result.errors);
    setErrors({});
    if (Object.keys(result.changes).length === 0) return onClose();
    setSaving(true);
    setFailure(null);
    try {
      await backend.invoke('products.updateVariant', { variantId: variant.id, ...result.changes } as never);
      onSaved();
    } catch (e) {
      setFailure(e as DomainError);
    } finally {
      setSaving(false);
    }
  };

  const text = (key: keyof VariantForm, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      label={label}
      size="small"
      value={form[key]}
      onChange={(e) => set({ [key]: e.target.value })}
      error={Boolean(errors[key])}
      helperText={errors[key] ?? ' '}
      {...extra}
    />
  );
  return (
    <Dialog open onClose={onClose} aria-labelledby="variant-title" maxWidth="sm" fullWidth>
      <DialogTitle id="variant-title">
        {variant.colourName} · {size(variant.sizeEu)}
        {variant.width === 'standard' ? '' : ` · ${variant.width}`}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={0.5} sx={{ pt: 1 }}>
          {!online && <Alert severity="warning">{needsConnection}</Alert>}
          {text('sku', 'SKU', { inputProps: { style: { fontFamily: 'ui-monospace, monospace' } } })}
          {text('gtin', 'Barcode (GTIN / EAN)', { inputProps: { inputMode: 'numeric' } })}
          {pricesVisible && (
            <Stack direction="row" spacing={2}>
              {text('price', `Price (${currency})`, {
                placeholder: 'the product’s price',
                fullWidth: true,
                inputProps: { inputMode: 'decimal' },
              })}
              {text('compareAt', `Compare at (${currency})`, {
                placeholder: 'none',
                fullWidth: true,
                inputProps: { inputMode: 'decimal' },
              })}
            </Stack>
          )}
          <Stack direction="row" spacing={2}>
            {text('weightGrams', 'Weight boxed (g)', {
              fullWidth: true,
              inputProps: { inputMode: 'numeric' },
            })}
            {text('lowStockThreshold', 'Low stock at (pairs)', {
              fullWidth: true,
              inputProps: { inputMode: 'numeric' },
            })}
          </Stack>
          <FormControlLabel
            control={<Checkbox checked={form.active} onChange={(e) => set({ active: e.target.checked })} />}
            label="Sold in the shop"
          />
          {failure && <ErrorState error={failure} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()} disabled={!online || saving}>
          Save variant
        </Button>
      </DialogActions>
    </Dialog>
  );
}
