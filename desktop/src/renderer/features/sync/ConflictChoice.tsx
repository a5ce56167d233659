/**
 * A product edit refused because someone else changed the same fields: per field, what it was,
 * this device's value and the server's, and a choice between the two. Saving queues a new edit
 * against the server's current version (`products.resolveConflict`, works offline).
 */
import {
  Button,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { AttentionItem } from '../../../ipc/index.ts';
import { money } from '../../lib/format.ts';
import { useInvoke } from '../../lib/use-invoke.ts';
import { fieldLabels } from '../products/product-form.ts';

type Choice = 'mine' | 'theirs';

/** A field's value in words: prices with their currency, tags as a list, text as typed. */
export function showValue(field: string, value: unknown, currency: string | null): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (field === 'basePriceMinor' && typeof value === 'number')
    return currency ? money(value, currency) : `${(value / 100).toFixed(2)}`;
  if (field === 'heelHeightMm' && typeof value === 'number') return `${value} mm`;
  if (Array.isArray(value)) return value.join(', ') || '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function ConflictChoice({
  item,
  onResolve,
}: {
  item: AttentionItem;
  onResolve(keep: Record<string, Choice>): void;
}) {
  const conflicts = item.conflicts ?? [];
  const product = useInvoke('catalog.product', { productId: item.productId ?? '-' });
  const currency = product.status === 'ready' ? product.data.currency : null;
  const [keep, setKeep] = useState<Record<string, Choice>>({});
  const chosen = conflicts.every((c) => keep[c.field]);
  return (
    <Stack spacing={1} sx={{ mt: 1 }}>
      <Table size="small" aria-label="Fields changed on both sides" sx={{ maxWidth: 860 }}>
        <TableHead>
          <TableRow>
            {['Field', 'Before', 'Keep'].map((h) => (
              <TableCell key={h} sx={{ fontWeight: 600 }}>
                {h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {conflicts.map((c) => {
            const label = fieldLabels[c.field] ?? c.field;
            return (
              <TableRow key={c.field}>
                <TableCell>{label}</TableCell>
                <TableCell sx={{ color: 'text.secondary' }}>{showValue(c.field, c.base, currency)}</TableCell>
                <TableCell>
                  <RadioGroup
                    aria-label={`Keep which ${label}`}
                    value={keep[c.field] ?? ''}
                    onChange={(e) => setKeep((k) => ({ ...k, [c.field]: e.target.value as Choice }))}
                  >
                    <FormControlLabel
                      value="mine"
                      control={<Radio size="small" />}
                      label={`Yours: ${showValue(c.field, c.mine, currency)}`}
                    />
                    <FormControlLabel
                      value="theirs"
                      control={<Radio size="small" />}
                      label={`On the server: ${showValue(c.field, c.theirs, currency)}`}
                    />
                  </RadioGroup>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="contained" disabled={!chosen} onClick={() => onResolve(keep)}>
          Save my choices
        </Button>
        <Typography variant="body2" color="text.secondary">
          {chosen
            ? 'Your other changes to this product are sent with these choices.'
            : 'Choose a value for every field first.'}
        </Typography>
      </Stack>
    </Stack>
  );
}
