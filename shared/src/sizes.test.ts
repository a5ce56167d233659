import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coreSizes,
  defaultSizeChart,
  euSizeSchema,
  euSizes,
  heelBandOf,
  heelBandRange,
  heelBands,
  heelMmSchema,
  isValidEuSize,
  MAX_HEEL_MM,
  type SizeChart,
  sizeLabels,
  widthLabels,
  widths,
} from './sizes.ts';

describe('isValidEuSize', () => {
  it('accepts whole and half sizes from 35 to 43', () => {
    for (const n of [35, 35.5, 38, 38.5, 42.5, 43]) expect(isValidEuSize(n)).toBe(true);
  });

  it('rejects sizes outside the range or between half steps', () => {
    for (const n of [34.5, 43.5, 38.25, 38.3, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(isValidEuSize(n)).toBe(false);
    }
  });

  it('is what euSizeSchema enforces', () => {
    expect(euSizeSchema.safeParse(38.5).success).toBe(true);
    expect(euSizeSchema.safeParse(38.25).success).toBe(false);
    expect(euSizeSchema.safeParse('38').success).toBe(false);
  });

  it('lists all 17 valid sizes in order', () => {
    expect(euSizes).toHaveLength(17);
    expect(euSizes[0]).toBe(35);
    expect(euSizes.at(-1)).toBe(43);
    expect(euSizes.every(isValidEuSize)).toBe(true);
  });
});

describe('defaultSizeChart', () => {
  it('maps EU 38 to US 7.5 and UK 5, as the domain states', () => {
    expect(sizeLabels(38)).toEqual({ eu: '38', us: '7.5', uk: '5' });
  });

  it.each([
    [35, 5, 2.5],
    [36, 6, 3],
    [37, 6.5, 4],
    [39, 8.5, 6],
    [40, 9, 6.5],
    [41, 9.5, 7],
    [42, 10, 8],
    [43, 11, 9],
  ])('maps EU %d to US %d and UK %d', (eu, us, uk) => {
    expect(defaultSizeChart[String(eu)]).toEqual({ us, uk });
  });

  it('fills half sizes between their neighbours, on a half step', () => {
    expect(defaultSizeChart['37.5']).toEqual({ us: 7, uk: 4.5 });
    expect(defaultSizeChart['42.5']).toEqual({ us: 10.5, uk: 8.5 });
  });

  it('covers every valid size and never decreases as the EU size grows', () => {
    let previous = { us: 0, uk: 0 };
    for (const eu of euSizes) {
      const row = defaultSizeChart[String(eu)]!;
      expect(Number.isInteger(row.us * 2) && Number.isInteger(row.uk * 2)).toBe(true);
      expect(row.us).toBeGreaterThanOrEqual(previous.us);
      expect(row.uk).toBeGreaterThanOrEqual(previous.uk);
      previous = row;
    }
  });

  it('cannot be modified by callers', () => {
    expect(Object.isFrozen(defaultSizeChart)).toBe(true);
  });
});

describe('sizeLabels', () => {
  const brandChart: SizeChart = { '38': { us: 8, uk: 5.5 }, '34': { us: 4, uk: 2 } };

  it('labels half sizes with a decimal point', () => {
    expect(sizeLabels(38.5)).toEqual({ eu: '38.5', us: '8', uk: '5.5' });
  });

  it('lets a brand chart override the sizes it lists', () => {
    expect(sizeLabels(38, brandChart)).toEqual({ eu: '38', us: '8', uk: '5.5' });
    expect(sizeLabels(34, brandChart)).toEqual({ eu: '34', us: '4', uk: '2' });
  });

  it('falls back to the default chart for sizes the brand chart omits', () => {
    expect(sizeLabels(39, brandChart)).toEqual(sizeLabels(39));
  });

  it('gives empty US and UK labels when no chart knows the size', () => {
    expect(sizeLabels(44)).toEqual({ eu: '44', us: '', uk: '' });
  });
});

describe('core sizes and widths', () => {
  it('treats 37 to 40 as core sizes', () => {
    expect(coreSizes).toEqual([37, 38, 39, 40]);
  });

  it('labels each width with its US letter', () => {
    expect(widths.map((w) => widthLabels[w])).toEqual(['AA', 'B', 'C/D', 'E']);
  });
});

describe('heelBandOf', () => {
  it.each([
    [0, 'flat'],
    [24, 'flat'],
    [24.9, 'flat'],
    [25, 'low'],
    [50, 'low'],
    [50.5, 'mid'],
    [51, 'mid'],
    [80, 'mid'],
    [81, 'high'],
    [120, 'high'],
  ])('puts %d mm in the %s band', (mm, band) => {
    expect(heelBandOf(mm)).toBe(band);
  });

  it('refuses negative or non-finite heights', () => {
    expect(() => heelBandOf(-1)).toThrow(RangeError);
    expect(() => heelBandOf(Number.NaN)).toThrow(RangeError);
  });
});

describe('heelMmSchema', () => {
  it('accepts whole millimetres from 0 to the maximum only', () => {
    for (const mm of [0, 25, MAX_HEEL_MM]) expect(heelMmSchema.safeParse(mm).success).toBe(true);
    for (const mm of [-1, 24.5, MAX_HEEL_MM + 1]) expect(heelMmSchema.safeParse(mm).success).toBe(false);
  });
});

describe('heelBandRange', () => {
  it('agrees with heelBandOf for every whole-millimetre height', () => {
    for (let mm = 0; mm <= MAX_HEEL_MM; mm++) {
      const band = heelBandOf(mm);
      for (const other of heelBands) {
        const [min, max] = heelBandRange(other);
        expect(mm >= min && mm <= max).toBe(other === band);
      }
    }
  });

  it('returns ranges that tile 0 to the maximum without gaps or overlaps', () => {
    const ranges = heelBands.map(heelBandRange);
    expect(ranges[0]![0]).toBe(0);
    expect(ranges.at(-1)![1]).toBe(MAX_HEEL_MM);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1] + 1);
  });

  it('returns a fresh array so callers cannot corrupt the table', () => {
    const range = heelBandRange('mid');
    range[0] = 999;
    expect(heelBandRange('mid')).toEqual([51, 80]);
  });

  it('puts every whole height in exactly one band', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_HEEL_MM }), (mm) => {
        const containing = heelBands.filter((band) => {
          const [min, max] = heelBandRange(band);
          return mm >= min && mm <= max;
        });
        return containing.length === 1 && containing[0] === heelBandOf(mm);
      }),
    );
  });
});
