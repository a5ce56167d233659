/** The query-independent half of a store product card, built once per product by buildIndex. */
import type { heelBands } from '@shoebox/shared';
import { imageFilePath, renditionWidthsFor, type StoreColour } from '@shoebox/shared/contracts';
import { byText, type ColourRow, type ImageRow } from './catalog-source.ts';
import { foldText } from './search-text.ts';

export type HeelBandName = (typeof heelBands)[number];

/** The parts of a product card that do not depend on the query. */
export interface CardStatic {
  id: string;
  slug: string;
  name: string;
  brand: { slug: string; name: string };
  category: { slug: string; name: string };
  heelBand: HeelBandName;
  heelHeightMm: number;
  currency: string;
  colours: StoreColour[];
  imageUrl: string | null;
}

/** The card image: the first image's 640 px rendition, or the largest smaller one it has. */
export function cardImageUrl(images: readonly ImageRow[] | undefined): string | null {
  const first = images?.[0];
  if (!first) return null;
  const widths = renditionWidthsFor(first.width);
  let pick = widths[0]!;
  for (const w of widths) if (w <= 640) pick = w;
  return imageFilePath(first.id, pick);
}

export const colourView = (c: ColourRow): StoreColour => ({
  code: c.code,
  name: c.name,
  family: c.family,
  swatchHex: c.swatchHex,
});

/** Folded names, computed once per colour row (rows are replaced, never mutated, on change). */
const foldedNames = new WeakMap<ColourRow, string>();
const foldedName = (c: ColourRow): string => {
  let folded = foldedNames.get(c);
  if (folded === undefined) {
    folded = foldText(c.name);
    foldedNames.set(c, folded);
  }
  return folded;
};

export const compareColours = (a: ColourRow, b: ColourRow) =>
  byText(foldedName(a), foldedName(b)) || byText(a.code, b.code);
