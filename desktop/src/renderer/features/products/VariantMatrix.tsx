/**
 * Variant-matrix generation: pick colours, sizes and widths, see the grid of what will be made
 * (new cells marked "new", existing ones "exists": the server skips those), then generate. Needs
 * the shop server; the grid works offline as a plan.
 */
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { type DomainError, euSizes, type Width, widthLabels, widths } from '@shoebox/shared';
import { useState } from 'react';
import type { CatalogTaxonomy, CatalogVariant } from '../../../ipc/index.ts';
import { ErrorState } from '../../components/ScreenState.tsx';
import { useBackend } from '../../lib/backend.tsx';
import { size } from '../../lib/format.ts';
import { needsConnection } from './use-online.ts';
import { type MatrixChoice, matrixPreview } from './variant-matrix.ts';

const widthWords: Record<Width, string> = {
  narrow: 'Narrow',
  standard: 'Standard',
  wide: 'Wide',
  extra_wide: 'Extra wide',
};

export function VariantMatrix({
  productId,
  colours,
  variants,
  online,
  onGenerated,
}: {
  productId: string;
  colours: CatalogTaxonomy['colours'];
  variants: readonly CatalogVariant[];
  online: boolean;
  onGenerated(message: string): void;
}) {
  const backend = useBackend();
  const [choice, setChoice] = useState<MatrixChoice>({
    colourIds: [...new Set(variants.map((v) => v.colourId))],
    sizes: [37, 38, 39, 40],
    widths: ['standard'],
  });
  const [weight, setWeight] = useState('700');
  const [gtinPrefix, setGtinPrefix] = useState('');
  const [failure, setFailure] = useState<DomainError | null>(null);
  const [busy, setBusy] = useState(false);
  const preview = matrixPreview(choice, variants);
  const toggle = <T,>(list: T[], item: T) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  const weightOk = /^\d+$/.test(weight) && Number(weight) >= 1 && Number(weight) <= 20_000;
  const prefixOk = gtinPrefix === '' || /^\d{1,11}$/.test(gtinPrefix);
  const chosenColours = colours.filter((c) => choice.colourIds.includes(c.id));
  const sizes = [...choice.sizes].sort((a, b) => a - b);

  const generate = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const r = await backend.invoke('products.generateVariants', {
        productId,
        ...choice,
        weightGrams: Number(weight),
        ...(gtinPrefix ? { gtinPrefix } : {}),
      });
      onGenerated(`${r.created} variant(s) added${r.skipped ? `, ${r.skipped} existed already` : ''}.`);
    } catch (e) {
      setFailure(e as DomainError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper sx={{ p: 2 }} data-testid="variant-matrix">
      <Typography variant="h2" sx={{ mb: 1 }}>
        Add sizes and colours
      </Typography>
      <Stack spacing={1.5}>
        <Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
            Colours
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.75 }}>
            {colours.map((c) => {
              const on = choice.colourIds.includes(c.id);
              return (
                <Chip
                  key={c.id}
                  label={`${c.name} (${c.code})`}
                  variant={on ? 'filled' : 'outlined'}
                  color={on ? 'primary' : 'default'}
                  aria-pressed={on}
                  icon={
                    <Box
                      component="span"
                      sx={{
                        width: 12,
                        height: 12,
                        borderRadius: '50%',
                        bgcolor: c.swatchHex,
                        border: '1px solid #0003',
                      }}
                    />
                  }
                  onClick={() => setChoice((x) => ({ ...x, colourIds: toggle(x.colourIds, c.id) }))}
                />
              );
            })}
          </Stack>
        </Box>
        <Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
            EU sizes
          </Typography>
          <ToggleButtonGroup size="small" color="primary" aria-label="EU sizes" value={choice.sizes}>
            {euSizes.map((s) => (
              <ToggleButton
                key={s}
                value={s}
                aria-label={`EU ${s}`}
                onClick={() => setChoice((x) => ({ ...x, sizes: toggle(x.sizes, s) }))}
                sx={{ px: 1, minWidth: 40 }}
              >
                {s}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Box>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          {widths.map((w) => (
            <FormControlLabel
              key={w}
              label={`${widthWords[w]} (${widthLabels[w]})`}
              control={
                <Checkbox
                  size="small"
                  checked={choice.widths.includes(w)}
                  onChange={() => setChoice((x) => ({ ...x, widths: toggle(x.widths, w) }))}
                />
              }
            />
          ))}
          <TextField
            size="small"
            label="Weight boxed (g)"
            value={weight}
            onChange={(e) => setWeight(e.target.value)}
            error={!weightOk}
            sx={{ width: 150 }}
          />
          <TextField
            size="small"
            label="GTIN prefix (optional)"
            value={gtinPrefix}
            onChange={(e) => setGtinPrefix(e.target.value)}
            error={!prefixOk}
            helperText={prefixOk ? undefined : '1 to 11 digits'}
            sx={{ width: 220 }}
          />
        </Stack>
        {preview.cells.length > 0 ? (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label="Variant matrix preview" sx={{ width: 'auto' }}>
              <TableHead>
                <TableRow>
                  <TableCell sx={{ fontWeight: 600 }}>Colour · width</TableCell>
                  {sizes.map((s) => (
                    <TableCell key={s} sx={{ fontWeight: 600 }} align="center">
                      {size(s)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {chosenColours.flatMap((c) =>
                  choice.widths.map((w) => (
                    <TableRow key={`${c.id}-${w}`}>
                      <TableCell>
                        {c.name} · {widthWords[w]}
                      </TableCell>
                      {sizes.map((s) => {
                        const cell = preview.cells.find(
                          (x) => x.colourId === c.id && x.sizeEu === s && x.width === w,
                        );
                        return (
                          <TableCell
                            key={s}
                            align="center"
                            sx={
                              cell?.exists
                                ? { color: 'text.secondary' }
                                : { fontWeight: 600, color: 'success.dark' }
                            }
                          >
                            {cell?.exists ? 'exists' : 'new'}
                          </TableCell>
                        );
                      })}
                    </TableRow>
                  )),
                )}
              </TableBody>
            </Table>
          </Box>
        ) : (
          <Typography color="text.secondary">
            Choose at least one colour, size and width to see the matrix.
          </Typography>
        )}
        {!online && <Alert severity="warning">{needsConnection}</Alert>}
        {failure && <ErrorState error={failure} />}
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Button
            variant="contained"
            disabled={!online || busy || preview.newCount === 0 || !weightOk || !prefixOk}
            onClick={() => void generate()}
          >
            Add {preview.newCount} variant{preview.newCount === 1 ? '' : 's'}
          </Button>
          <Typography variant="body2" color="text.secondary" data-testid="matrix-summary">
            {preview.newCount} new · {preview.existingCount} exist already
          </Typography>
        </Stack>
      </Stack>
    </Paper>
  );
}
