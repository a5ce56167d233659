import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit } from '../gtin.ts';
import { boxFor, parcelWeightWithBox } from './boxes.ts';
import { houseRate, houseRates, nextTrackingStatus } from './house-carrier.ts';
import { checkScans, type PackLine } from './pack-check.ts';
import {
  houseSerialOf,
  houseTrackingNumber,
  isHouseTrackingNumber,
  nextFromBlock,
  s10CheckDigit,
} from './tracking-numbers.ts';

describe('house tracking numbers', () => {
  it('computes the S10 check digit of the standard example', () => {
    // UPU S10 worked example: 4*8+7*6+3*4+1*2+2*3+4*5+8*9+2*7 = 200; 11 - 200 % 11 = 9.
    expect(s10CheckDigit('47312482')).toBe(9);
    expect(houseTrackingNumber(47312482)).toBe('SBH473124829');
    // Folding: a remainder of 1 gives 10 -> 0, a remainder of 0 gives 11 -> 5.
    expect(s10CheckDigit('00000008')).toBe(0); // 8 * 7 = 56, 56 % 11 = 1
    expect(s10CheckDigit('00000000')).toBe(5);
  });

  it('round-trips every serial and rejects any other check digit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999_999 }),
        fc.integer({ min: 1, max: 9 }),
        (serial, shift) => {
          const tn = houseTrackingNumber(serial);
          expect(isHouseTrackingNumber(tn)).toBe(true);
          expect(houseSerialOf(tn)).toBe(serial);
          const wrong = `${tn.slice(0, 11)}${(Number(tn[11]) + shift) % 10}`;
          expect(isHouseTrackingNumber(wrong)).toBe(false);
          expect(houseSerialOf(wrong)).toBeNull();
        },
      ),
    );
  });

  it('catches a typed digit or two swapped neighbours in the example', () => {
    expect(isHouseTrackingNumber('SBH473124829')).toBe(true);
    expect(isHouseTrackingNumber('SBH473124819')).toBe(false);
    expect(isHouseTrackingNumber('SBH437124829')).toBe(false);
    expect(isHouseTrackingNumber('sbh473124829')).toBe(false);
  });

  it('refuses serials out of range and hands out a block until it is spent', () => {
    expect(() => houseTrackingNumber(0)).toThrow(RangeError);
    expect(() => houseTrackingNumber(100_000_000)).toThrow(RangeError);
    const block = { firstSerial: 41, lastSerial: 42 };
    expect(nextFromBlock(block, 0)).toBe(houseTrackingNumber(41));
    expect(nextFromBlock(block, 1)).toBe(houseTrackingNumber(42));
    expect(nextFromBlock(block, 2)).toBeNull();
  });
});

describe('house carrier rates', () => {
  it('prices by zone and weight band, cheapest first, and drops express above 10 kg', () => {
    const home = houseRates({ originCountry: 'IE', destinationCountry: 'IE', weightGrams: 1000 });
    expect(home.map((r) => [r.service, r.zone, r.costMinor])).toEqual([
      ['standard', 'domestic', 390],
      ['express', 'domestic', 790],
    ]);
    expect(
      houseRate({ originCountry: 'IE', destinationCountry: 'PL', weightGrams: 1001 }, 'standard')?.costMinor,
    ).toBe(990);
    expect(
      houseRates({ originCountry: 'IE', destinationCountry: 'US', weightGrams: 12_000 }).map(
        (r) => r.service,
      ),
    ).toEqual(['standard']);
    expect(houseRates({ originCountry: 'IE', destinationCountry: 'IE', weightGrams: 20_001 })).toEqual([]);
    expect(houseRates({ originCountry: 'IE', destinationCountry: 'IE', weightGrams: 0 })).toEqual([]);
  });

  it('advances tracking one step at a time and stops at delivered', () => {
    expect(nextTrackingStatus('label_created')).toBe('handed_over');
    expect(nextTrackingStatus('delivered')).toBeNull();
  });
});

describe('boxes', () => {
  it('picks the smallest box that holds the pairs and weighs the parcel with it', () => {
    expect(boxFor(1).code).toBe('S1');
    expect(boxFor(3).code).toBe('L4');
    expect(boxFor(20).code).toBe('XL8');
    expect(parcelWeightWithBox([{ quantity: 2, weightGrams: 900 }], boxFor(2))).toBe(2120);
  });
});

describe('pack scan check', () => {
  const ean = (body: string) => `${body}${gtinCheckDigit(body)}`;
  const a = ean('400638133393');
  const b = ean('400638133394');
  const lines: PackLine[] = [
    { lineId: 'l1', gtin: a, sku: 'A-38', quantity: 1 },
    { lineId: 'l2', gtin: b, sku: 'B-39', quantity: 2 },
  ];

  it('counts scans per line and completes when every unit is scanned', () => {
    const partial = checkScans(lines, [b, a]);
    expect(partial).toEqual({
      ok: true,
      value: { scanned: { l2: 1, l1: 1 }, remaining: 1, complete: false, lastLineId: 'l1' },
    });
    const done = checkScans(lines, [b, a, ` ${b} `]);
    expect(done.ok && done.value.complete).toBe(true);
  });

  it('refuses a wrong item, one too many and a code that is no GTIN, saying which scan', () => {
    expect(checkScans(lines, [a, ean('590123412345')])).toEqual({
      ok: false,
      error: { code: 'PACK_WRONG_ITEM', gtin: ean('590123412345'), index: 1 },
    });
    expect(checkScans(lines, [a, a])).toEqual({
      ok: false,
      error: { code: 'PACK_OVER_SCAN', gtin: a, lineId: 'l1', quantity: 1, index: 1 },
    });
    expect(checkScans(lines, ['12345'])).toMatchObject({
      ok: false,
      error: { code: 'PACK_SCAN_INVALID', index: 0 },
    });
  });

  it('matches a UPC-A scan to the same box stored as EAN-13', () => {
    expect(checkScans(lines, [a.slice(1)]).ok).toBe(a.startsWith('0'));
  });
});
