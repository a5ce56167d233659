/**
 * Shipping boxes the pack bench keeps (hotkeys 1-4 on the pack station): the default weight of
 * a parcel is the variant weights plus the box's own weight; the packer may override it.
 */
export interface BoxPreset {
  code: string;
  name: string;
  /** The empty box with its fill. */
  tareGrams: number;
  /** How many boxed pairs fit. */
  pairs: number;
}

export const boxPresets: readonly BoxPreset[] = Object.freeze([
  { code: 'S1', name: 'Single shoebox mailer', tareGrams: 180, pairs: 1 },
  { code: 'M2', name: 'Two-pair carton', tareGrams: 320, pairs: 2 },
  { code: 'L4', name: 'Four-pair carton', tareGrams: 520, pairs: 4 },
  { code: 'XL8', name: 'Eight-pair carton', tareGrams: 900, pairs: 8 },
]);

export const boxCodes = boxPresets.map((b) => b.code) as [string, ...string[]];

export const findBox = (code: string): BoxPreset | undefined => boxPresets.find((b) => b.code === code);

/** The smallest preset that holds `pairs`; the largest one when none does (split the parcel by hand). */
export function boxFor(pairs: number): BoxPreset {
  return boxPresets.find((b) => b.pairs >= pairs) ?? (boxPresets.at(-1) as BoxPreset);
}

/** Default parcel weight: every unit's weight plus the box. */
export function parcelWeightWithBox(
  lines: ReadonlyArray<{ quantity: number; weightGrams: number }>,
  box: BoxPreset,
): number {
  return lines.reduce((sum, l) => sum + l.quantity * l.weightGrams, 0) + box.tareGrams;
}
