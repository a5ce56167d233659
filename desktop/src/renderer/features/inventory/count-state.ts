/**
 * A cycle count as pure state: the expected on-hand per variant, frozen when the count started,
 * and what has been scanned. Submitting sends every variant of the style, counted or not (a
 * variant not scanned is a shelf without it), with the on-hand the counter started from.
 */
export interface CountVariant {
  variantId: string;
  sku: string;
  gtin: string | null;
  colourId: string;
  colourName: string;
  sizeEu: number;
  expected: number;
}

export interface CountState {
  variants: readonly CountVariant[];
  counted: Readonly<Record<string, number>>;
  /** Variant ids in scan order, for Undo. */
  history: readonly string[];
}

export const startCount = (variants: readonly CountVariant[]): CountState => ({
  variants,
  counted: {},
  history: [],
});

/** The variant of this count a code names (GTIN or SKU, as printed), or undefined. */
export function findInCount(state: CountState, code: string): CountVariant | undefined {
  const upper = code.trim().toUpperCase();
  return state.variants.find((v) => v.gtin === code.trim() || v.sku.toUpperCase() === upper);
}

export function addScan(state: CountState, variantId: string): CountState {
  return {
    ...state,
    counted: { ...state.counted, [variantId]: (state.counted[variantId] ?? 0) + 1 },
    history: [...state.history, variantId],
  };
}

export function undoScan(state: CountState): CountState {
  const last = state.history.at(-1);
  if (!last) return state;
  const n = (state.counted[last] ?? 0) - 1;
  const counted = { ...state.counted };
  if (n > 0) counted[last] = n;
  else delete counted[last];
  return { ...state, counted, history: state.history.slice(0, -1) };
}

export function totals(state: CountState) {
  let counted = 0;
  let expected = 0;
  let differences = 0;
  for (const v of state.variants) {
    const c = state.counted[v.variantId] ?? 0;
    counted += c;
    expected += v.expected;
    if (c !== v.expected) differences++;
  }
  return { counted, expected, differences, scans: state.history.length };
}

export const countLines = (state: CountState) =>
  state.variants.map((v) => ({
    variantId: v.variantId,
    counted: state.counted[v.variantId] ?? 0,
    expectedOnHand: v.expected,
  }));
