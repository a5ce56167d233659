import { z } from 'zod';

/**
 * Sizes are stored as EU sizes; US women's and UK sizes are labels derived through a chart,
 * because brands disagree about conversions and the EU number is what is printed on the box.
 */

export const MIN_EU_SIZE = 35;
export const MAX_EU_SIZE = 43;

/** 35 to 43 in steps of half a size. */
export const isValidEuSize = (n: number): boolean =>
  Number.isFinite(n) && n >= MIN_EU_SIZE && n <= MAX_EU_SIZE && Number.isInteger(n * 2);

export const euSizeSchema = z
  .number()
  .refine(isValidEuSize, `EU size must be ${MIN_EU_SIZE} to ${MAX_EU_SIZE} in half sizes`);

/** Every valid EU size in ascending order, half sizes included. */
export const euSizes: readonly number[] = Array.from(
  { length: (MAX_EU_SIZE - MIN_EU_SIZE) * 2 + 1 },
  (_, i) => MIN_EU_SIZE + i / 2,
);

/** Sizes whose absence makes a "broken size run": most customers wear one of these. */
export const coreSizes = [37, 38, 39, 40] as const;

/** Keyed by the EU size as a string ('38', '38.5'), so it survives JSON as a brand setting. */
export type SizeChart = Record<string, { us: number; uk: number }>;

/** The chart key for an EU size: '38', '38.5'. */
export const euSizeKey = (eu: number): string => String(eu);

// The common women's chart for whole sizes. Charts differ on EU 35 (UK 2 or 2.5); 2.5 keeps
// the UK step to EU 36 at half a size.
const wholeSizeChart: Record<number, { us: number; uk: number }> = {
  35: { us: 5, uk: 2.5 },
  36: { us: 6, uk: 3 },
  37: { us: 6.5, uk: 4 },
  38: { us: 7.5, uk: 5 },
  39: { us: 8.5, uk: 6 },
  40: { us: 9, uk: 6.5 },
  41: { us: 9.5, uk: 7 },
  42: { us: 10, uk: 8 },
  43: { us: 11, uk: 9 },
};

const nearestHalf = (n: number): number => Math.round(n * 2) / 2;

// Half sizes sit between their neighbours; charts only print halves, so round to one.
const buildDefaultChart = (): SizeChart => {
  const chart: SizeChart = {};
  for (const eu of euSizes) {
    const below = wholeSizeChart[Math.floor(eu)]!;
    const above = wholeSizeChart[Math.ceil(eu)]!;
    chart[euSizeKey(eu)] = {
      us: nearestHalf((below.us + above.us) / 2),
      uk: nearestHalf((below.uk + above.uk) / 2),
    };
  }
  return chart;
};

export const defaultSizeChart: Readonly<SizeChart> = Object.freeze(buildDefaultChart());

/**
 * Labels for an EU size. A brand chart wins for the sizes it lists and the default chart
 * covers the rest, so a brand only needs to enter the sizes where it differs. A size neither
 * chart knows gets empty US/UK labels rather than a wrong guess.
 */
export const sizeLabels = (eu: number, chart?: SizeChart): { eu: string; us: string; uk: string } => {
  const key = euSizeKey(eu);
  const row = chart?.[key] ?? defaultSizeChart[key];
  return { eu: key, us: row ? String(row.us) : '', uk: row ? String(row.uk) : '' };
};

export const widths = ['narrow', 'standard', 'wide', 'extra_wide'] as const;
export type Width = (typeof widths)[number];

/** The US letter printed for each width. */
export const widthLabels: Readonly<Record<Width, string>> = {
  narrow: 'AA',
  standard: 'B',
  wide: 'C/D',
  extra_wide: 'E',
};

export const heelBands = ['flat', 'low', 'mid', 'high'] as const;
export type HeelBand = (typeof heelBands)[number];

/** No heel is taller than 30 cm; the bound gives the "high" band a finite SQL range. */
export const MAX_HEEL_MM = 300;

/** Heel heights are whole millimetres, which is what makes heelBandRange exact. */
export const heelMmSchema = z
  .number()
  .int('Heel height must be whole millimetres')
  .min(0, 'Heel height cannot be negative')
  .max(MAX_HEEL_MM, `Heel height cannot exceed ${MAX_HEEL_MM} mm`);

/**
 * The band of a heel height in millimetres. Boundaries (domain.md, 2.5/5/8 cm):
 * flat < 25, low 25..50 (both included), mid > 50..80 (80 included), high > 80.
 */
export const heelBandOf = (mm: number): HeelBand => {
  if (!Number.isFinite(mm) || mm < 0) throw new RangeError(`Heel height must be >= 0 mm, got ${mm}`);
  if (mm < 25) return 'flat';
  if (mm <= 50) return 'low';
  if (mm <= 80) return 'mid';
  return 'high';
};

// Inclusive ranges over whole millimetres (heel heights are stored as integers), written out
// from the boundaries of heelBandOf; a test checks the two agree for every height.
const heelBandRanges: Readonly<Record<HeelBand, readonly [number, number]>> = {
  flat: [0, 24],
  low: [25, 50],
  mid: [51, 80],
  high: [81, MAX_HEEL_MM],
};

/** Inclusive [minMm, maxMm] of a band, for `heel_mm BETWEEN ? AND ?` filters. */
export const heelBandRange = (band: HeelBand): [number, number] => {
  const [min, max] = heelBandRanges[band];
  return [min, max];
};
