/** Row shapes the demo generator yields, and the sizes of the default shop. */
import type { Schema } from '../client.ts';

export type Insert<K extends keyof Schema> = Schema[K]['$inferInsert'];
export type ProductRow = Insert<'products'>;
export type VariantRow = Insert<'variants'>;
export type LevelRow = Insert<'stockLevels'>;
export type MovementRow = Insert<'stockMovements'>;

/** Number of styles in the default (unscaled) demo shop. */
export const DEFAULT_STYLES = 120;
/** Roughly how many variants the default shop has; sizes the bin layout and the progress bar. */
export const DEFAULT_VARIANTS_ESTIMATE = 3_900;

export const DAY = 86_400_000;
