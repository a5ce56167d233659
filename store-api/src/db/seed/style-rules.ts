/** The shop's rules for a style: size runs, the stock curve, prices, copy and receipts. */
import { heelBandOf } from '@shoebox/shared';
import { type CategoryKey, occasionPhrases } from './data.ts';
import { type Rng, seedId } from './random.ts';
import type { MovementRow } from './rows.ts';

export const wholeSizes = [35, 36, 37, 38, 39, 40, 41, 42];
export const halfSizes = [36.5, 37.5, 38.5, 39.5, 40.5];
export const wideSizes = [37, 38, 39, 40, 41, 42];
/** Expected units per size in the warehouse for an average style and colour: 38-39 sell most. */
const sizeCurve: Record<number, number> = { 35: 2, 36: 4, 37: 6.5, 38: 9, 39: 9, 40: 6.5, 41: 4, 42: 2 };
export const curveAt = (size: number): number =>
  Number.isInteger(size)
    ? sizeCurve[size]!
    : ((sizeCurve[Math.floor(size)]! + sizeCurve[Math.ceil(size)]!) / 2) * 0.45;

export const halfSizeCategories: readonly CategoryKey[] = ['pumps', 'loafers', 'flats', 'boots'];
export const wideCategories: readonly CategoryKey[] = ['flats', 'sneakers', 'loafers', 'boots', 'wedges'];
export const romans = ['II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Whole euros to minor units ending in 00 or 95, within 49.00-289.00. */
export function shelfPrice(euros: number, rng: Rng): number {
  const tens = Math.round(euros / 10) * 10;
  if (tens >= 290) return 28_900;
  if (tens <= 50) return rng.chance(0.5) ? 4_900 : 4_995;
  return rng.chance(0.5) ? tens * 100 : tens * 100 - 5;
}

/** A sale price about 30% off, ending in 95. */
export const salePrice = (base: number): number => Math.max(2_995, Math.floor((base * 0.7) / 100) * 100 - 5);

const cm = (mm: number): string => (mm / 10).toLocaleString('en', { maximumFractionDigits: 1 });

export function describe(
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
export const signatureStyles: ReadonlyArray<{
  model: string;
  category: CategoryKey;
  label: string;
  lead: string;
}> = [
  { model: 'Mila', category: 'pumps', label: 'pointed-toe pump', lead: 'Nude' },
  { model: 'Nora', category: 'sandals', label: 'block-heel sandal', lead: 'Black' },
];

export function receive(
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

export function unique(base: string, used: Set<string>, sep: string): string {
  let value = base;
  for (let n = 2; used.has(value); n++) value = `${base}${sep}${n}`;
  used.add(value);
  return value;
}

export const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));

/** Heel heights come in 5 mm steps, kept inside the descriptor's range. */
export const clampRound5 = (mm: number, [min, max]: readonly [number, number]): number =>
  clamp(Math.round(mm / 5) * 5, min, max);
