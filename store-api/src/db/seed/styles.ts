/** Styles, variants and stock: the demo shop's catalogue, generated style by style. */
import { buildSku, codeFromName, coreSizes, makeEan13, slugify, type Width } from '@shoebox/shared';
import {
  type CategoryKey,
  colourPools,
  demoCategories,
  descriptors,
  makingNotes,
  modelNames,
} from './data.ts';
import type { Frame } from './frame.ts';
import { Rng, seedId } from './random.ts';
import { wellKnownId } from './well-known.ts';
import {
  DAY,
  DEFAULT_STYLES,
  type LevelRow,
  type MovementRow,
  type ProductRow,
  type VariantRow,
} from './rows.ts';
import {
  clamp,
  clampRound5,
  curveAt,
  describe,
  halfSizeCategories,
  halfSizes,
  receive,
  romans,
  salePrice,
  shelfPrice,
  signatureStyles,
  unique,
  wholeSizes,
  wideCategories,
  wideSizes,
} from './style-rules.ts';

const SEED = 0x5eed5;

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
          const sku = buildSku(styleCode, colour.code, sizeEu, width);
          const variantId = wellKnownId(`variant:${sku}`) ?? seedId();
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
            sku,
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
