/**
 * The catalog CSV import planner. Pure: it compares the validated rows with the rows the service
 * loaded and returns either row errors or the writes to make.
 */
import { buildSku, type FieldError, slugify } from '@shoebox/shared';
import { type CatalogCsvColumn, DEFAULT_LOW_STOCK_THRESHOLD } from '@shoebox/shared/contracts';
import { at, variantColumns } from './catalog-csv-parse.ts';
import type { ProductFields, ValidRow, VariantFields } from './catalog-csv-rows.ts';
import type { ProductRow, VariantRow } from './catalog.repo.ts';

export interface ImportState {
  brandIdBySlug: ReadonlyMap<string, string>;
  categoryIdBySlug: ReadonlyMap<string, string>;
  colourByCode: ReadonlyMap<string, { id: string; code: string }>;
  /** Existing products whose style code appears in the file. */
  productsByStyleCode: ReadonlyMap<string, ProductRow>;
  /** Existing variants whose SKU or GTIN appears in the file, and every variant of the products above. */
  variants: readonly VariantRow[];
  now: number;
  newId(): string;
}

export interface RowUpdate<R> {
  before: R;
  set: Partial<R>;
  after: R;
}

export interface ImportPlan {
  /** New products; `slug` holds the base slug, which the service makes unique. */
  newProducts: ProductRow[];
  productUpdates: RowUpdate<ProductRow>[];
  newVariants: VariantRow[];
  variantUpdates: RowUpdate<VariantRow>[];
}

const productColumns: ReadonlyArray<[keyof ProductFields, CatalogCsvColumn]> = [
  ['name', 'product_name'],
  ['brandSlug', 'brand_slug'],
  ['categorySlug', 'category_slug'],
  ['material', 'material'],
  ['heelHeightMm', 'heel_height_mm'],
  ['basePriceMinor', 'base_price_minor'],
  ['currency', 'currency'],
  ['status', 'status'],
];

interface Style {
  first: ValidRow;
  id: string;
  existing: ProductRow | undefined;
  brandId: string | undefined;
  categoryId: string | undefined;
}

interface ResolvedVariant {
  row: number;
  style: Style;
  v: VariantFields;
  sku: string;
  colourId: string;
  sizeEuTenths: number;
  existing: VariantRow | undefined;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const matrixKey = (productId: string, colourId: string, tenths: number, width: string) =>
  `${productId}|${colourId}|${tenths}|${width}`;

/** Keys whose values differ between `before` and `next`. */
export function changedFields<R extends object>(before: R, next: Partial<R>): Partial<R> {
  const set: Partial<R> = {};
  for (const key of Object.keys(next) as Array<keyof R>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) set[key] = next[key];
  }
  return set;
}

/**
 * Compares the validated rows with the database state. Every problem becomes a row error; the
 * plan is only returned when there are none, so the caller writes all or nothing.
 */
export function planImport(
  rows: readonly ValidRow[],
  state: ImportState,
  /** Styles with rows that failed validation: whether they have an active variant cannot be judged. */
  failedStyles: ReadonlySet<string> = new Set(),
): { errors: FieldError[] } | { errors: []; plan: ImportPlan } {
  const errors: FieldError[] = [];
  const uncertain = new Set(failedStyles);
  const styleOfRow = new Map(rows.map((r) => [r.row, r.product.styleCode]));
  const error = (row: number, column: CatalogCsvColumn, code: string, message: string) => {
    errors.push({ path: at(row, column), message, code });
    const style = styleOfRow.get(row);
    if (style && variantColumns.includes(column)) uncertain.add(style);
  };

  // Products: the first row of a style code defines it; later rows must agree.
  const styles = new Map<string, Style>();
  for (const r of rows) {
    const p = r.product;
    const brandId = state.brandIdBySlug.get(p.brandSlug);
    if (!brandId) error(r.row, 'brand_slug', 'BRAND_NOT_FOUND', `No brand with slug '${p.brandSlug}'`);
    const categoryId = state.categoryIdBySlug.get(p.categorySlug);
    if (!categoryId)
      error(r.row, 'category_slug', 'CATEGORY_NOT_FOUND', `No category with slug '${p.categorySlug}'`);
    const style = styles.get(p.styleCode);
    if (!style) {
      const existing = state.productsByStyleCode.get(p.styleCode);
      styles.set(p.styleCode, { first: r, id: existing?.id ?? state.newId(), existing, brandId, categoryId });
      continue;
    }
    for (const [field, column] of productColumns) {
      if (p[field] !== style.first.product[field]) {
        error(
          r.row,
          column,
          'PRODUCT_FIELDS_DIFFER',
          `Differs from row ${style.first.row}, which has the same style_code`,
        );
      }
    }
  }

  // Variants: resolve colour and SKU, then check identity, duplicates and the matrix.
  const dbBySku = new Map(state.variants.map((v) => [v.sku, v]));
  const dbByGtin = new Map(state.variants.filter((v) => v.gtin !== null).map((v) => [v.gtin!, v]));
  const dbByMatrix = new Map(
    state.variants.map((v) => [matrixKey(v.productId, v.colourId, v.sizeEuTenths, v.width), v]),
  );
  const resolved: ResolvedVariant[] = [];
  const rowOfSku = new Map<string, number>();
  const rowOfMatrix = new Map<string, number>();
  for (const r of rows) {
    if (!r.variant) continue;
    const v = r.variant;
    const style = styles.get(r.product.styleCode)!;
    const colour = state.colourByCode.get(v.colourCode);
    if (!colour) {
      error(r.row, 'colour_code', 'COLOUR_NOT_FOUND', `No colour with code '${v.colourCode}'`);
      continue;
    }
    let sku = v.sku;
    if (sku === null) {
      try {
        sku = buildSku(r.product.styleCode, colour.code, v.sizeEu, v.width);
      } catch (e) {
        error(r.row, 'sku', 'INVALID_SKU', (e as Error).message);
        continue;
      }
    }
    const previousRow = rowOfSku.get(sku);
    if (previousRow !== undefined) {
      error(r.row, 'sku', 'SKU_DUPLICATE', `SKU ${sku} is also on row ${previousRow}`);
      continue;
    }
    rowOfSku.set(sku, r.row);
    const sizeEuTenths = Math.round(v.sizeEu * 10);
    const existing = dbBySku.get(sku);
    if (existing) {
      if (existing.productId !== style.existing?.id) {
        error(r.row, 'sku', 'SKU_TAKEN', `SKU ${sku} belongs to another style`);
        continue;
      }
      const identity: Array<[boolean, CatalogCsvColumn]> = [
        [existing.colourId !== colour.id, 'colour_code'],
        [existing.sizeEuTenths !== sizeEuTenths, 'size_eu'],
        [existing.width !== v.width, 'width'],
      ];
      const changed = identity.filter(([differs]) => differs);
      for (const [, column] of changed) {
        error(
          r.row,
          column,
          'VARIANT_IDENTITY_CHANGED',
          `SKU ${sku} exists with another colour, size or width; these cannot change (create a new SKU)`,
        );
      }
      if (changed.length) continue;
    }
    const key = matrixKey(style.id, colour.id, sizeEuTenths, v.width);
    const sameCombination = rowOfMatrix.get(key);
    if (sameCombination !== undefined) {
      error(r.row, 'size_eu', 'VARIANT_EXISTS', `Same colour, size and width as row ${sameCombination}`);
      continue;
    }
    rowOfMatrix.set(key, r.row);
    const inDb = dbByMatrix.get(key);
    if (!existing && inDb) {
      error(
        r.row,
        'sku',
        'VARIANT_EXISTS',
        `The style already has this colour, size and width as SKU ${inDb.sku}`,
      );
      continue;
    }
    resolved.push({ row: r.row, style, v, sku, colourId: colour.id, sizeEuTenths, existing });
  }

  // GTINs must be unique in the final state: a barcode moved from one SKU in the file to another is fine.
  const fileGtinOfSku = new Map(resolved.map((x) => [x.sku, x.v.gtin]));
  const rowOfGtin = new Map<string, number>();
  for (const x of resolved) {
    const gtin = x.v.gtin;
    if (gtin === null) continue;
    const previousRow = rowOfGtin.get(gtin);
    if (previousRow !== undefined) {
      error(x.row, 'gtin', 'GTIN_DUPLICATE', `GTIN ${gtin} is also on row ${previousRow}`);
      continue;
    }
    rowOfGtin.set(gtin, x.row);
    const owner = dbByGtin.get(gtin);
    if (owner && owner.sku !== x.sku) {
      const freed = fileGtinOfSku.has(owner.sku) && fileGtinOfSku.get(owner.sku) !== gtin;
      if (!freed)
        error(x.row, 'gtin', 'GTIN_TAKEN', `GTIN ${gtin} is already the barcode of SKU ${owner.sku}`);
    }
  }

  // Prices: a compare-at price must beat what the variant sells at.
  for (const x of resolved) {
    const base = x.style.first.product.basePriceMinor;
    const effective = x.v.priceMinor ?? base;
    const unchanged =
      x.existing &&
      x.existing.priceMinor === x.v.priceMinor &&
      x.existing.compareAtMinor === x.v.compareAtMinor &&
      x.style.existing?.basePriceMinor === base;
    if (!unchanged && x.v.compareAtMinor !== null && x.v.compareAtMinor <= effective) {
      error(
        x.row,
        'compare_at_minor',
        'COMPARE_AT_NOT_HIGHER',
        `Compare-at ${x.v.compareAtMinor} must be higher than the price ${effective}`,
      );
    }
  }

  const inFile = new Set(resolved.map((x) => x.sku));
  const resolvedOf = groupBy(resolved, (x) => x.style.id);
  const othersOf = groupBy(
    state.variants.filter((v) => !inFile.has(v.sku)),
    (v) => v.productId,
  );
  for (const style of styles.values()) {
    const p = style.first.product;
    const others = style.existing ? (othersOf.get(style.existing.id) ?? []) : [];
    if (p.status === 'active' && style.existing?.status !== 'active' && !uncertain.has(p.styleCode)) {
      const activeInFile = (resolvedOf.get(style.id) ?? []).some((x) =>
        x.existing ? x.existing.active : true,
      );
      if (!activeInFile && !others.some((v) => v.active)) {
        error(
          style.first.row,
          'status',
          'PRODUCT_HAS_NO_VARIANTS',
          'A product can be active only with at least one active variant',
        );
      }
    }
    if (style.existing && style.existing.basePriceMinor !== p.basePriceMinor) {
      for (const v of others) {
        if (v.priceMinor === null && v.compareAtMinor !== null && v.compareAtMinor <= p.basePriceMinor) {
          error(
            style.first.row,
            'base_price_minor',
            'COMPARE_AT_NOT_HIGHER',
            `SKU ${v.sku} has compare-at ${v.compareAtMinor}, which must stay higher than the price`,
          );
        }
      }
    }
  }

  if (errors.length) return { errors };

  // The plan.
  const plan: ImportPlan = { newProducts: [], productUpdates: [], newVariants: [], variantUpdates: [] };
  for (const style of styles.values()) {
    const p = style.first.product;
    const fields = {
      name: p.name,
      brandId: style.brandId!,
      categoryId: style.categoryId!,
      material: p.material,
      heelHeightMm: p.heelHeightMm,
      basePriceMinor: p.basePriceMinor,
      currency: p.currency,
      status: p.status,
    };
    if (!style.existing) {
      plan.newProducts.push({
        id: style.id,
        styleCode: p.styleCode,
        slug: slugify(p.name) || slugify(p.styleCode),
        description: '',
        tags: [],
        popularity: 0,
        version: 1,
        createdAt: state.now,
        updatedAt: state.now,
        ...fields,
      });
      continue;
    }
    const set = changedFields(style.existing, fields);
    if (Object.keys(set).length === 0) continue;
    const full = { ...set, version: style.existing.version + 1, updatedAt: state.now };
    plan.productUpdates.push({ before: style.existing, set: full, after: { ...style.existing, ...full } });
  }
  for (const x of resolved) {
    const fields = {
      gtin: x.v.gtin,
      priceMinor: x.v.priceMinor,
      compareAtMinor: x.v.compareAtMinor,
      weightGrams: x.v.weightGrams,
    };
    if (!x.existing) {
      plan.newVariants.push({
        id: state.newId(),
        productId: x.style.id,
        colourId: x.colourId,
        sizeEuTenths: x.sizeEuTenths,
        width: x.v.width,
        sku: x.sku,
        lowStockThreshold: DEFAULT_LOW_STOCK_THRESHOLD,
        active: true,
        createdAt: state.now,
        updatedAt: state.now,
        ...fields,
      });
      continue;
    }
    const set = changedFields(x.existing, fields);
    if (Object.keys(set).length === 0) continue;
    const full = { ...set, updatedAt: state.now };
    plan.variantUpdates.push({ before: x.existing, set: full, after: { ...x.existing, ...full } });
  }
  return { errors: [], plan };
}
