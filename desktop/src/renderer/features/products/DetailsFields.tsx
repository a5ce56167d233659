/** The product fields a manager edits, shared by the new-product form and the editor. */
import { Box, MenuItem, TextField } from '@mui/material';
import { type FormErrors, type ProductForm, statuses } from './product-form.ts';

const statusWords: Record<(typeof statuses)[number], string> = {
  draft: 'Draft: not in the shop yet',
  active: 'Active: sold in the shop',
  archived: 'Archived: no longer sold',
};

export function DetailsFields({
  form,
  errors,
  onChange,
  pricesVisible,
  currency,
}: {
  form: ProductForm;
  errors: FormErrors;
  onChange(change: Partial<ProductForm>): void;
  pricesVisible: boolean;
  currency: string;
}) {
  const field = (key: keyof ProductForm, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      label={label}
      size="small"
      value={form[key]}
      onChange={(e) => onChange({ [key]: e.target.value })}
      error={Boolean(errors[key])}
      helperText={errors[key] ?? ' '}
      {...extra}
    />
  );
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', columnGap: 2 }}>
      {field('name', 'Name', { required: true, sx: { gridColumn: 'span 2' } })}
      <TextField
        select
        label="Status"
        size="small"
        value={form.status}
        onChange={(e) => onChange({ status: e.target.value as ProductForm['status'] })}
        helperText=" "
      >
        {statuses.map((s) => (
          <MenuItem key={s} value={s}>
            {statusWords[s]}
          </MenuItem>
        ))}
      </TextField>
      {field('material', 'Material', { required: true })}
      {field('heelHeightMm', 'Heel height (mm)', { inputProps: { inputMode: 'numeric' } })}
      {pricesVisible ? (
        field('basePrice', `Price (${currency})`, {
          inputProps: { inputMode: 'decimal' },
          placeholder: '89.00',
        })
      ) : (
        <Box />
      )}
      {field('tags', 'Tags (comma between)', { sx: { gridColumn: 'span 3' } })}
      {field('description', 'Description', { multiline: true, minRows: 3, sx: { gridColumn: 'span 3' } })}
    </Box>
  );
}
