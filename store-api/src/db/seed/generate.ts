/**
 * Builds the demo shop's rows in memory, deterministically: every run makes the same styles,
 * names, prices, SKUs, GTINs and stock (only ids and timestamps differ). Style i is the same
 * whatever the scale, so the default shop is the first 120 styles of any scaled one.
 * No database access here: demo.ts inserts what this yields.
 */
export { type Frame, aisleLabel, buildFrame } from './frame.ts';
export { mulberry32, Rng, seedId } from './random.ts';
export {
  DEFAULT_STYLES,
  DEFAULT_VARIANTS_ESTIMATE,
  type LevelRow,
  type MovementRow,
  type ProductRow,
  type VariantRow,
} from './rows.ts';
export { shelfPrice } from './style-rules.ts';
export { type GenerateOptions, generateStyles, type StyleChunk } from './styles.ts';
