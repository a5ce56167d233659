/**
 * The editor's form as text fields, and the rules that turn it into what the backend takes:
 * prices typed as money ("89.50") become integer minor units, barcodes are checked (length and
 * check digit) with a message a person understands, and an edit sends only the changed fields.
 */
import { GTIN_CHECK_DIGIT_MESSAGE, gtinSchema, parseMajorToMinor } from '@shoebox/shared';
import type { CatalogProductDetail } from '../../../ipc/index.ts';

export const statuses = ['draft', 'active', 'archived'] as const;
export type Status = (typeof statuses)[number];

export interface ProductForm {
  name: string;
  description: string;
  material: string;
  heelHeightMm: string;
  basePrice: string;
  status: Status;
  tags: string;
}

/** The fields `products.update` may change, as the backend wants them. */
export interface ProductFields {
  name: string;
  description: string;
  material: string;
  heelHeightMm: number;
  basePriceMinor?: number;
  status: Status;
  tags: string[];
}

export type FormErrors = Partial<Record<keyof ProductForm, string>>;

/** 8900 -> "89.00": what a person types, without the currency sign. */
export const minorToText = (minor: number | null | undefined): string =>
  minor === null || minor === undefined
    ? ''
    : `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

export function formOf(p: CatalogProductDetail): ProductForm {
  return {
    name: p.name,
    description: p.description,
    material: p.material,
    heelHeightMm: String(p.heelHeightMm),
    basePrice: minorToText(p.basePriceMinor),
    status: p.status,
    tags: p.tags.join(', '),
  };
}

export const emptyForm: ProductForm = {
  name: '',
  description: '',
  material: '',
  heelHeightMm: '0',
  basePrice: '',
  status: 'draft',
  tags: '',
};

/** A price field: minor units, or the reason it cannot be one. Empty is allowed when `optional`. */
export function parsePrice(text: string, optional = false): { minor: number | null } | { error: string } {
  if (optional && text.trim() === '') return { minor: null };
  const parsed = parseMajorToMinor(text);
  return parsed.ok ? { minor: parsed.value } : { error: parsed.error };
}

/** A barcode field: the normalised GTIN, null when empty, or what is wrong with it in words. */
export function parseGtin(text: string): { gtin: string | null } | { error: string } {
  if (text.trim() === '') return { gtin: null };
  const parsed = gtinSchema.safeParse(text);
  if (parsed.success) return { gtin: parsed.data };
  const message = parsed.error.issues[0]?.message;
  if (message === GTIN_CHECK_DIGIT_MESSAGE)
    return { error: 'The last digit (the check digit) does not match: the barcode was probably mistyped.' };
  if (!/^\d*$/.test(text.replace(/\s+/g, ''))) return { error: 'A barcode has digits only.' };
  return { error: 'A barcode has 8, 12, 13 or 14 digits.' };
}

/** The form as fields, or the errors per field. `pricesVisible` false leaves the price out. */
export function fieldsOf(
  form: ProductForm,
  pricesVisible: boolean,
): { fields: ProductFields } | { errors: FormErrors } {
  const errors: FormErrors = {};
  if (form.name.trim() === '') errors.name = 'Give the product a name.';
  if (form.material.trim() === '') errors.material = 'Say what it is made of.';
  const heel = Number(form.heelHeightMm);
  if (!/^\d+$/.test(form.heelHeightMm.trim()) || heel > 300)
    errors.heelHeightMm = 'Whole millimetres, 0 to 300.';
  const price = pricesVisible ? parsePrice(form.basePrice) : { minor: null };
  if ('error' in price) errors.basePrice = price.error;
  const tags = [
    ...new Set(
      form.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  if (tags.length > 20) errors.tags = 'At most 20 tags.';
  if (tags.some((t) => t.length > 40)) errors.tags = 'A tag has at most 40 characters.';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    fields: {
      name: form.name.trim(),
      description: form.description,
      material: form.material.trim(),
      heelHeightMm: heel,
      ...(pricesVisible && 'minor' in price && price.minor !== null ? { basePriceMinor: price.minor } : {}),
      status: form.status,
      tags,
    },
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The changed fields, and their values as loaded (`base`), for `products.update`. */
export function changesOf(
  loaded: ProductFields,
  edited: ProductFields,
): { fields: Partial<ProductFields>; base: Partial<ProductFields> } {
  const fields: Record<string, unknown> = {};
  const base: Record<string, unknown> = {};
  for (const key of Object.keys(edited) as (keyof ProductFields)[]) {
    if (same(loaded[key], edited[key])) continue;
    fields[key] = edited[key];
    base[key] = loaded[key];
  }
  return { fields: fields as Partial<ProductFields>, base: base as Partial<ProductFields> };
}

/** What a field is called on screen (the conflict view uses these too). */
export const fieldLabels: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  material: 'Material',
  heelHeightMm: 'Heel height (mm)',
  basePriceMinor: 'Price',
  status: 'Status',
  tags: 'Tags',
};
