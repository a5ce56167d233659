/** Per-row validation of catalog CSV records: types, formats and ranges, each row on its own. */
import { currencies, type FieldError, heelMmSchema, skuSchema, type Width, widths } from '@shoebox/shared';
import {
  colourCodeField,
  euSizeField,
  gtinField,
  minorField,
  productStatuses,
  slugField,
  styleCodeField,
} from '@shoebox/shared/contracts';
import { z } from 'zod';
import { fromZodError } from '../../http/problem.ts';
import { at, type CsvRecord, variantColumns } from './catalog-csv-parse.ts';

const fail = (ctx: z.RefinementCtx, message: string, code: string) => {
  ctx.addIssue({ code: 'custom', message, params: { code } });
  return z.NEVER;
};

const wholeNumber = (message: string) =>
  z.number().refine(Number.isInteger, { message, params: { code: 'NOT_INTEGER' }, abort: true });

const numberCell = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === '') return fail(ctx, 'Required', 'REQUIRED');
    if (!/^[-+]?\d+(?:\.\d+)?$/.test(s)) return fail(ctx, 'Must be a number', 'NOT_A_NUMBER');
    return Number(s);
  });

/** An empty cell becomes null; anything else goes through `inner`. */
const optional = <S extends z.ZodType<unknown, string>>(inner: S) =>
  z
    .string()
    .transform((s) => (s.trim() === '' ? null : s))
    .pipe(inner.nullable());

const rowSchema = z
  .object({
    style_code: styleCodeField,
    product_name: z.string().trim().min(1).max(160),
    brand_slug: slugField,
    category_slug: slugField,
    material: z.string().trim().min(1).max(80),
    heel_height_mm: numberCell.pipe(wholeNumber('Heel height must be whole millimetres').pipe(heelMmSchema)),
    base_price_minor: numberCell.pipe(minorField),
    currency: z.string().trim().toUpperCase().pipe(z.enum(currencies)),
    status: z.string().trim().toLowerCase().pipe(z.enum(productStatuses)),
    colour_code: optional(colourCodeField),
    size_eu: optional(numberCell.pipe(euSizeField)),
    width: optional(z.string().trim().toLowerCase().pipe(z.enum(widths))),
    sku: optional(skuSchema),
    gtin: optional(gtinField),
    price_minor: optional(numberCell.pipe(minorField)),
    compare_at_minor: optional(numberCell.pipe(minorField)),
    weight_grams: optional(
      numberCell.pipe(wholeNumber('Weight must be whole grams').pipe(z.number().min(1).max(20_000))),
    ),
  })
  .superRefine((row, ctx) => {
    const hasVariant = variantColumns.some((c) => row[c as keyof typeof row] !== null);
    if (!hasVariant) return;
    for (const column of ['colour_code', 'size_eu', 'weight_grams'] as const) {
      if (row[column] === null) {
        ctx.addIssue({
          code: 'custom',
          path: [column],
          message: 'Required on a variant row',
          params: { code: 'REQUIRED' },
        });
      }
    }
  });

export interface ProductFields {
  styleCode: string;
  name: string;
  brandSlug: string;
  categorySlug: string;
  material: string;
  heelHeightMm: number;
  basePriceMinor: number;
  currency: string;
  status: string;
}

export interface VariantFields {
  colourCode: string;
  sizeEu: number;
  width: Width;
  sku: string | null;
  gtin: string | null;
  priceMinor: number | null;
  compareAtMinor: number | null;
  weightGrams: number;
}

export interface ValidRow {
  row: number;
  product: ProductFields;
  variant: VariantFields | null;
}

/** Validates every record on its own (types, formats, ranges). References are checked by planImport. */
export function validateRows(records: readonly CsvRecord[]): {
  rows: ValidRow[];
  errors: FieldError[];
  /** Style codes (as typed, upper-cased) of the rows that failed. */
  failedStyles: Set<string>;
} {
  const rows: ValidRow[] = [];
  const errors: FieldError[] = [];
  const failedStyles = new Set<string>();
  for (const record of records) {
    const parsed = rowSchema.safeParse(record.cells);
    if (!parsed.success) {
      for (const e of fromZodError(parsed.error, 'body').errors ?? [])
        errors.push({ ...e, path: at(record.row, e.path) });
      failedStyles.add(record.cells.style_code.trim().toUpperCase());
      continue;
    }
    const r = parsed.data;
    rows.push({
      row: record.row,
      product: {
        styleCode: r.style_code,
        name: r.product_name,
        brandSlug: r.brand_slug,
        categorySlug: r.category_slug,
        material: r.material,
        heelHeightMm: r.heel_height_mm,
        basePriceMinor: r.base_price_minor,
        currency: r.currency,
        status: r.status,
      },
      variant:
        r.colour_code === null || r.size_eu === null || r.weight_grams === null
          ? null
          : {
              colourCode: r.colour_code,
              sizeEu: r.size_eu,
              width: r.width ?? 'standard',
              sku: r.sku,
              gtin: r.gtin,
              priceMinor: r.price_minor,
              compareAtMinor: r.compare_at_minor,
              weightGrams: r.weight_grams,
            },
    });
  }
  return { rows, errors, failedStyles };
}
