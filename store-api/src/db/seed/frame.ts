/** The frame: brands, categories, colours, locations and bins (fixed, scale only adds aisles). */
import { codeFromName, slugify } from '@shoebox/shared';
import { type CategoryKey, demoBrands, demoCategories, demoColours } from './data.ts';
import { seedId } from './random.ts';
import { DAY, DEFAULT_VARIANTS_ESTIMATE, type Insert } from './rows.ts';
import { wellKnownId } from './well-known.ts';

export interface Frame {
  brands: Insert<'brands'>[];
  categories: Insert<'categories'>[];
  colours: Insert<'colours'>[];
  locations: Insert<'stockLocations'>[];
  bins: Insert<'bins'>[];
  brandsFor: Record<CategoryKey, Array<{ id: string; name: string; tier: number; runsSmall: boolean }>>;
  categoryIds: Record<CategoryKey, string>;
  colourByName: Map<string, { id: string; code: string; family: string }>;
  warehouse: { id: string; binIds: string[] };
  shop: { id: string; binIds: string[] };
  /** Variants sharing one warehouse bin (consecutive variants of a style share bins). */
  variantsPerBin: number;
}

/** 'A'..'Z', then 'AA', 'AB', ... */
export const aisleLabel = (i: number): string =>
  i < 26
    ? String.fromCharCode(65 + i)
    : aisleLabel(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));

const SHELVES = 12;
const BINS_PER_SHELF = 4;

function binCodes(aisles: number, shelves: number, perShelf: number): string[] {
  const codes: string[] = [];
  for (let a = 0; a < aisles; a++)
    for (let s = 1; s <= shelves; s++)
      for (let b = 1; b <= perShelf; b++) codes.push(`${aisleLabel(a)}-${String(s).padStart(2, '0')}-${b}`);
  return codes;
}

/** `targetVariants` (the --scale) only widens the warehouse: A-01-1..F-12-4 by default. */
export function buildFrame(now: number, targetVariants?: number): Frame {
  const since = now - 720 * DAY;
  const stamp = { createdAt: since, updatedAt: since };

  const brands = demoBrands.map((b) => ({
    id: wellKnownId(`brand:${slugify(b.name)}`) ?? seedId(),
    name: b.name,
    slug: slugify(b.name),
    sizeChart: b.sizeChart ?? null,
    ...stamp,
  }));
  const categories = demoCategories.map((c, i) => ({
    id: wellKnownId(`category:${slugify(c.name)}`) ?? seedId(),
    name: c.name,
    slug: slugify(c.name),
    position: i + 1,
    ...stamp,
  }));
  const colours = demoColours.map((c) => ({
    id: seedId(),
    name: c.name,
    code: codeFromName(c.name),
    family: c.family,
    swatchHex: c.hex,
    ...stamp,
  }));

  const brandsFor = Object.fromEntries(
    demoCategories.map((c) => [
      c.key,
      demoBrands.flatMap((b, i) =>
        b.categories.includes(c.key)
          ? [{ id: brands[i]!.id, name: b.name, tier: b.tier, runsSmall: b.runsSmall ?? false }]
          : [],
      ),
    ]),
  ) as Frame['brandsFor'];
  const categoryIds = Object.fromEntries(demoCategories.map((c, i) => [c.key, categories[i]!.id])) as Record<
    CategoryKey,
    string
  >;
  const colourByName = new Map(colours.map((c) => [c.name, { id: c.id, code: c.code, family: c.family }]));

  const warehouseId = wellKnownId('location:WH1') ?? seedId();
  const shopId = seedId();
  const locations = [
    { id: warehouseId, code: 'WH1', name: 'Main warehouse', createdAt: since },
    { id: shopId, code: 'SHOP', name: 'Shop stockroom', createdAt: since },
  ];
  // About 16 variants (a colour or two of a style) per warehouse bin; 6 aisles at least.
  const expected = targetVariants ?? DEFAULT_VARIANTS_ESTIMATE;
  const perAisle = SHELVES * BINS_PER_SHELF;
  const aisles = Math.max(6, Math.ceil(expected / (perAisle * 16)));
  const warehouseBins = binCodes(aisles, SHELVES, BINS_PER_SHELF).map((code) => ({
    id: wellKnownId(`bin:WH1:${code}`) ?? seedId(),
    locationId: warehouseId,
    code,
    createdAt: since,
  }));
  const shopBins = binCodes(2, 6, BINS_PER_SHELF).map((code) => ({
    id: seedId(),
    locationId: shopId,
    code,
    createdAt: since,
  }));

  return {
    brands,
    categories,
    colours,
    locations,
    bins: [...warehouseBins, ...shopBins],
    brandsFor,
    categoryIds,
    colourByName,
    warehouse: { id: warehouseId, binIds: warehouseBins.map((b) => b.id) },
    shop: { id: shopId, binIds: shopBins.map((b) => b.id) },
    variantsPerBin: Math.max(1, Math.ceil(expected / warehouseBins.length)),
  };
}
