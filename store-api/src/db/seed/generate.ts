/**
 * Builds the demo shop's rows in memory, deterministically: every run makes the same styles,
 * names, prices, SKUs, GTINs and stock (only ids and timestamps differ). Style i is the same
 * whatever the scale, so the default shop is the first 120 styles of any scaled one.
 * No database access here: demo.ts inserts what this yields.
 */
import { randomFillSync } from 'node:crypto';
import {
  buildSku,
  codeFromName,
  coreSizes,
  createIdGenerator,
  heelBandOf,
  makeEan13,
  slugify,
  type Width,
} from '@shoebox/shared';
import type { Schema } from '../client.ts';
import {
  type CategoryKey,
  colourPools,
  demoBrands,
  demoCategories,
  demoColours,
  descriptors,
  makingNotes,
  modelNames,
  occasionPhrases,
} from './data.ts';

type Insert<K extends keyof Schema> = Schema[K]['$inferInsert'];
export type ProductRow = Insert<'products'>;
export type VariantRow = Insert<'variants'>;
export type LevelRow = Insert<'stockLevels'>;
export type MovementRow = Insert<'stockMovements'>;

/** Number of styles in the default (unscaled) demo shop. */
export const DEFAULT_STYLES = 120;
/** Roughly how many variants the default shop has; sizes the bin layout and the progress bar. */
export const DEFAULT_VARIANTS_ESTIMATE = 3_900;

const DAY = 86_400_000;

// The shared UUIDv7 generator fed from a pooled CSPRNG buffer: seedId() asks the OS for random
// bytes twice per id (~5 us), which was a fifth of a 100k-variant seed.
const randomPool = new Uint8Array(64 * 1024);
let poolOffset = randomPool.length;
const pooledRandom = (length: number): Uint8Array => {
  if (poolOffset + length > randomPool.length) {
    randomFillSync(randomPool);
    poolOffset = 0;
  }
  poolOffset += length;
  return randomPool.slice(poolOffset - length, poolOffset);
};
/** Same format and ordering as seedId(), for the hundreds of thousands of rows of a big seed. */
export const seedId: () => string = createIdGenerator({ random: pooledRandom });
const SEED = 0x5eed5;

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// The frame: brands, categories, colours, locations and bins (fixed, scale only adds aisles)

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
    id: seedId(),
    name: b.name,
    slug: slugify(b.name),
    sizeChart: b.sizeChart ?? null,
    ...stamp,
  }));
  const categories = demoCategories.map((c, i) => ({
    id: seedId(),
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

  const warehouseId = seedId();
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
    id: seedId(),
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

// ---------------------------------------------------------------------------------------------
// Styles, variants and stock

export interface StyleChunk {
  products: ProductRow[];
  variants: VariantRow[];
  levels: LevelRow[];
  movements: MovementRow[];
  /** Units on hand added by this chunk, all locations. */
  units: number;
}

export interface GenerateOptions {
  now: number;
  /** Stop once this many variants exist (the --scale); default: the 120-style shop. */
  targetVariants?: number | undefined;
  /** Styles per yielded chunk, to bound memory on big scales. */
  chunkStyles?: number;
}

const wholeSizes = [35, 36, 37, 38, 39, 40, 41, 42];
const halfSizes = [36.5, 37.5, 38.5, 39.5, 40.5];
const wideSizes = [37, 38, 39, 40, 41, 42];
/** Expected units per size in the warehouse for an average style and colour: 38-39 sell most. */
const sizeCurve: Record<number, number> = { 35: 2, 36: 4, 37: 6.5, 38: 9, 39: 9, 40: 6.5, 41: 4, 42: 2 };
const curveAt = (size: number): number =>
  Number.isInteger(size)
    ? sizeCurve[size]!
    : ((sizeCurve[Math.floor(size)]! + sizeCurve[Math.ceil(size)]!) / 2) * 0.45;

const halfSizeCategories: readonly CategoryKey[] = ['pumps', 'loafers', 'flats', 'boots'];
const wideCategories: readonly CategoryKey[] = ['flats', 'sneakers', 'loafers', 'boots', 'wedges'];
const romans = ['II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Whole euros to minor units ending in 00 or 95, within 49.00-289.00. */
export function shelfPrice(euros: number, rng: Rng): number {
  const tens = Math.round(euros / 10) * 10;
  if (tens >= 290) return 28_900;
  if (tens <= 50) return rng.chance(0.5) ? 4_900 : 4_995;
  return rng.chance(0.5) ? tens * 100 : tens * 100 - 5;
}

/** A sale price about 30% off, ending in 95. */
const salePrice = (base: number): number => Math.max(2_995, Math.floor((base * 0.7) / 100) * 100 - 5);

const cm = (mm: number): string => (mm / 10).toLocaleString('en', { maximumFractionDigits: 1 });

function describe(
  model: string,
  label: string,
  brand: string,
  material: string,
  heelMm: number,
  occasions: string[],
  note: string,
  runsSmall: boolean,
): string {
  const article = /^[aeiou]/i.test(label) ? 'an' : 'a';
  const height = cm(heelMm);
  // "an 8 cm heel", "an 11 cm heel": the article follows the sound of the number.
  const heel =
    heelBandOf(heelMm) === 'flat'
      ? 'on a flexible flat sole'
      : `on ${/^(8|11|18)(\.|$)/.test(height) ? 'an' : 'a'} ${height} cm heel`;
  const places = occasions.map((o) => occasionPhrases[o] ?? o);
  const fit = runsSmall ? 'Runs small: we suggest half a size up.' : 'True to size.';
  return [
    `${model} by ${brand} is ${article} ${label} in ${material.toLowerCase()}, ${heel}.`,
    note,
    `Made for ${places.join(' and ')}.`,
    fit,
  ].join(' ');
}

/** The first styles: the examples domain.md and the docs use (SKU MILA-POINTED-NUDE-38). */
const signatureStyles: ReadonlyArray<{ model: string; category: CategoryKey; label: string; lead: string }> =
  [
    { model: 'Mila', category: 'pumps', label: 'pointed-toe pump', lead: 'Nude' },
    { model: 'Nora', category: 'sandals', label: 'block-heel sandal', lead: 'Black' },
  ];

/** Yields the shop's styles in chunks; consume it in order. */
export function* generateStyles(frame: Frame, opts: GenerateOptions): Generator<StyleChunk> {
  const { now } = opts;
  const chunkStyles = opts.chunkStyles ?? 100;
  const planRng = new Rng(SEED);
  // One shuffled 120-slot category plan, repeated: every scale keeps the same category mix.
  // The signature styles come first, in their own categories.
  const slots = demoCategories.flatMap((c) => Array<CategoryKey>(c.styles).fill(c.key));
  for (const s of signatureStyles) slots.splice(slots.indexOf(s.category), 1);
  const plan = [...signatureStyles.map((s) => s.category), ...planRng.shuffle(slots)];
  const signatureModels = signatureStyles.map((s) => s.model);
  const models = [
    ...signatureModels,
    ...planRng.shuffle(modelNames.filter((m) => !signatureModels.includes(m))),
  ];

  const usedNames = new Set<string>();
  const usedCodes = new Set<string>();
  const usedSlugs = new Set<string>();
  let gtinSerial = 0;
  let variantSeq = 0;
  let shopBinSeq = 0;
  let activeSeq = 0;
  let po = 0;

  let chunk: StyleChunk = { products: [], variants: [], levels: [], movements: [], units: 0 };
  for (let i = 0; ; i++) {
    if (opts.targetVariants === undefined ? i >= DEFAULT_STYLES : variantSeq >= opts.targetVariants) break;
    const rng = new Rng(SEED ^ Math.imul(i + 1, 0x9e3779b1));
    const catKey = plan[i % plan.length]!;
    const cat = demoCategories.find((c) => c.key === catKey)!;

    // Name: "<model> <descriptor>", unique; an edition numeral when a model runs out of kinds.
    const model = models[i % models.length]!;
    const signature = signatureStyles[i];
    const kinds = rng.shuffle(descriptors[catKey]);
    if (signature)
      kinds.sort((a, b) => Number(b.label === signature.label) - Number(a.label === signature.label));
    let desc = kinds[0]!;
    let name = `${model} ${desc.label}`;
    for (const k of kinds) {
      if (!usedNames.has(`${model} ${k.label}`)) {
        desc = k;
        name = `${model} ${k.label}`;
        break;
      }
    }
    for (let n = 0; usedNames.has(name); n++) name = `${model} ${desc.label} ${romans[n] ?? n + 2}`;
    usedNames.add(name);
    const styleCode = unique(codeFromName(name), usedCodes, '-');
    const slug = unique(slugify(name), usedSlugs, '-');

    const brand = rng.pick(frame.brandsFor[catKey]);
    const material = rng.pick(desc.materials);
    const heelMm = clampRound5(rng.int(desc.heel[0], desc.heel[1]), desc.heel);
    const euros = (cat.euros[0] + rng.next() * (cat.euros[1] - cat.euros[0])) * brand.tier;
    const basePriceMinor = shelfPrice(euros, rng);
    const status = i % 40 === 13 || i % 40 === 31 ? 'draft' : i % 60 === 47 ? 'archived' : 'active';
    const active = status === 'active';
    const occasions = rng.chance(0.5) ? [...desc.occasions] : [rng.pick(desc.occasions)];
    const season = desc.season ?? cat.season;
    const tags = [...occasions, season, ...(material === 'Vegan leather' ? ['vegan'] : [])];
    const popularity =
      status === 'draft' ? 0 : Math.round(1500 * rng.next() ** 3) + rng.int(0, 25) - (active ? 0 : 20);
    const createdAt =
      now - (status === 'draft' ? rng.int(1, 20) : rng.int(21, 540)) * DAY - rng.int(0, DAY - 1);
    const productId = seedId();
    chunk.products.push({
      id: productId,
      styleCode,
      slug,
      name,
      description: describe(
        model,
        desc.label,
        brand.name,
        material,
        heelMm,
        occasions,
        rng.pick(makingNotes),
        brand.runsSmall,
      ),
      brandId: brand.id,
      categoryId: frame.categoryIds[catKey],
      material,
      heelHeightMm: heelMm,
      basePriceMinor,
      currency: 'EUR',
      status,
      tags,
      popularity: Math.max(0, popularity),
      version: 1,
      createdAt,
      updatedAt: createdAt,
    });

    // The size matrix: 3-5 colours x EU 35-42, some styles with half sizes or a wide fit.
    const colourCount = rng.chance(0.4) ? 3 : rng.chance(0.58) ? 4 : 5;
    const pool = rng.shuffle(colourPools[catKey]);
    if (signature) pool.sort((a, b) => Number(b === signature.lead) - Number(a === signature.lead));
    const colours = pool.slice(0, colourCount);
    const sizes =
      halfSizeCategories.includes(catKey) && rng.chance(0.12)
        ? [...wholeSizes, ...halfSizes].sort((a, b) => a - b)
        : wholeSizes;
    const hasWide = wideCategories.includes(catKey) && rng.chance(0.1);
    const onSale = active && rng.chance(0.12);
    const saleColours = onSale ? colours.slice(rng.chance(0.5) ? -2 : -1) : [];
    const grams = cat.grams + (desc.extraGrams ?? 0) + rng.int(-50, 50);

    // Stock: a size curve scaled by popularity and colour, then sold-outs, low stock and
    // (for every 20th active style) a broken size run: one or two core sizes out everywhere.
    if (active) activeSeq++;
    const broken = active && activeSeq % 20 === 5;
    const brokenSizes: number[] = broken ? rng.shuffle(coreSizes).slice(0, rng.chance(0.5) ? 1 : 2) : [];
    const styleFactor = 0.6 + (popularity / 1500) * 0.8 + rng.next() * 0.3;
    const inShop = active && !broken && popularity >= 600;
    const firstDelivery = Math.min(now - DAY, createdAt + rng.int(1, 5) * DAY);
    const restock = Math.min(now - 3_600_000, firstDelivery + rng.int(20, 60) * DAY);
    const poFirst = ++po;
    const poRestock = ++po;

    colours.forEach((colourName, ci) => {
      const colour = frame.colourByName.get(colourName)!;
      const colourFactor = ci === 0 ? 1.25 : 0.7 + rng.next() * 0.4;
      const soldOutColour = ci > 0 && rng.chance(0.03);
      const sale = saleColours.includes(colourName);
      const fits: Array<[Width, number[]]> = hasWide
        ? [
            ['standard', sizes],
            ['wide', wideSizes],
          ]
        : [['standard', sizes]];
      for (const [width, fitSizes] of fits) {
        for (const sizeEu of fitSizes) {
          const variantId = seedId();
          const priceMinor = sale
            ? salePrice(basePriceMinor)
            : colour.family === 'metallic' && basePriceMinor < 20_000
              ? basePriceMinor + 1_000
              : null;
          chunk.variants.push({
            id: variantId,
            productId,
            colourId: colour.id,
            sizeEuTenths: Math.round(sizeEu * 10),
            width,
            sku: buildSku(styleCode, colour.code, sizeEu, width),
            gtin: makeEan13('200', ++gtinSerial),
            priceMinor,
            compareAtMinor: sale ? basePriceMinor : null,
            weightGrams: Math.min(1200, Math.max(500, grams + Math.round((sizeEu - 38) * 18))),
            lowStockThreshold: (coreSizes as readonly number[]).includes(sizeEu) ? 3 : 2,
            active: true,
            createdAt,
            updatedAt: createdAt,
          });

          let qty = 0;
          if (active) {
            const expected = curveAt(sizeEu) * styleFactor * colourFactor * (width === 'wide' ? 0.35 : 1);
            qty = clamp(Math.round(expected + (rng.next() - 0.5) * 3), 0, 12);
            if (rng.chance(0.04)) qty = 0;
            else if (rng.chance(0.07)) qty = rng.int(1, 3);
            if (soldOutColour || brokenSizes.includes(sizeEu)) qty = 0;
            // A broken run means the fringe sizes are still there.
            if (broken && ci === 0 && width === 'standard' && (sizeEu === 36 || sizeEu === 41))
              qty = Math.max(qty, 2);
          } else if (status === 'archived') {
            qty = rng.chance(0.5) ? rng.int(1, 2) : 0;
          }
          const binId =
            frame.warehouse.binIds[
              Math.floor(variantSeq / frame.variantsPerBin) % frame.warehouse.binIds.length
            ]!;
          variantSeq++;
          const receipts =
            qty >= 6 && rng.chance(0.5)
              ? [
                  { qty: Math.ceil(qty * 0.6), at: firstDelivery, po: poFirst },
                  { qty: qty - Math.ceil(qty * 0.6), at: restock, po: poRestock },
                ]
              : qty > 0
                ? [{ qty, at: firstDelivery, po: poFirst }]
                : [];
          for (const r of receipts)
            chunk.movements.push(receive(variantId, frame.warehouse.id, r.qty, r.at, r.po));
          chunk.levels.push({
            variantId,
            locationId: frame.warehouse.id,
            onHand: qty,
            reserved: 0,
            binId,
            updatedAt: receipts.at(-1)?.at ?? createdAt,
          });
          chunk.units += qty;

          // The shop stockroom keeps a try-on pair or two of popular styles in the lead colour.
          if (
            inShop &&
            ci === 0 &&
            width === 'standard' &&
            Number.isInteger(sizeEu) &&
            sizeEu >= 36 &&
            sizeEu <= 41
          ) {
            const shopQty = rng.int(1, 2);
            const at = Math.min(now - 3_600_000, firstDelivery + 2 * DAY);
            chunk.movements.push(receive(variantId, frame.shop.id, shopQty, at, poFirst));
            chunk.levels.push({
              variantId,
              locationId: frame.shop.id,
              onHand: shopQty,
              reserved: 0,
              binId: frame.shop.binIds[shopBinSeq++ % frame.shop.binIds.length]!,
              updatedAt: at,
            });
            chunk.units += shopQty;
          }
        }
      }
    });

    if (chunk.products.length >= chunkStyles) {
      yield chunk;
      chunk = { products: [], variants: [], levels: [], movements: [], units: 0 };
    }
  }
  if (chunk.products.length > 0) yield chunk;
}

function receive(
  variantId: string,
  locationId: string,
  quantity: number,
  at: number,
  po: number,
): MovementRow {
  return {
    id: seedId(),
    variantId,
    locationId,
    kind: 'receive',
    quantity,
    onHandDelta: quantity,
    reservedDelta: 0,
    reason: 'Supplier delivery (demo data)',
    reference: `DEMO-PO-${String(po).padStart(6, '0')}`,
    actorType: 'system',
    actorId: null,
    createdAt: at,
  };
}

function unique(base: string, used: Set<string>, sep: string): string {
  let value = base;
  for (let n = 2; used.has(value); n++) value = `${base}${sep}${n}`;
  used.add(value);
  return value;
}

const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));

/** Heel heights come in 5 mm steps, kept inside the descriptor's range. */
const clampRound5 = (mm: number, [min, max]: readonly [number, number]): number =>
  clamp(Math.round(mm / 5) * 5, min, max);
