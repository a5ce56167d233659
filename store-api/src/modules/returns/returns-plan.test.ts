import { describe, expect, it } from 'vitest';
import { checkInspections, checkWindow, DAY_MS, planLines } from './returns-plan.ts';

const bought = [
  { id: 'a', variantId: 'v37', quantity: 3, lineTotalMinor: 1000 },
  { id: 'b', variantId: 'v38', quantity: 1, lineTotalMinor: 8900 },
];

describe('return rules', () => {
  it('accepts a return up to the last moment of the window and refuses one after', () => {
    const shipped = 1_700_000_000_000;
    expect(() => checkWindow(shipped, 30, shipped + 30 * DAY_MS)).not.toThrow();
    expect(() => checkWindow(shipped, 30, shipped + 30 * DAY_MS + 1)).toThrow(
      expect.objectContaining({ code: 'RETURN_WINDOW_CLOSED' }),
    );
    expect(() => checkWindow(shipped, 7, shipped + 8 * DAY_MS)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ windowDays: 7 }) }),
    );
  });

  it('refunds pro rata, rounded down, so parts of a line never exceed what was paid', () => {
    const one = planLines([{ orderLineId: 'a', quantity: 1, reason: 'too_large' }], bought, new Map());
    expect(one[0]!.refundMinor).toBe(333);
    const rest = planLines(
      [{ orderLineId: 'a', quantity: 2, reason: 'too_large' }],
      bought,
      new Map([['a', 1]]),
    );
    expect(one[0]!.refundMinor + rest[0]!.refundMinor).toBeLessThanOrEqual(1000);
  });

  it('counts earlier returns against what was bought', () => {
    expect(() =>
      planLines([{ orderLineId: 'a', quantity: 2, reason: 'defective' }], bought, new Map([['a', 2]])),
    ).toThrow(expect.objectContaining({ code: 'RETURN_QUANTITY_EXCEEDED' }));
    expect(() =>
      planLines([{ orderLineId: 'zz', quantity: 1, reason: 'defective' }], bought, new Map()),
    ).toThrow(expect.objectContaining({ code: 'RETURN_LINE_UNKNOWN' }));
  });

  it('an exchange refunds nothing and cannot be for the same variant', () => {
    const [x] = planLines(
      [{ orderLineId: 'b', quantity: 1, reason: 'too_small', exchangeVariantId: 'v39' }],
      bought,
      new Map(),
    );
    expect(x).toMatchObject({ exchangeVariantId: 'v39', refundMinor: 0 });
    expect(() =>
      planLines(
        [{ orderLineId: 'b', quantity: 1, reason: 'too_small', exchangeVariantId: 'v38' }],
        bought,
        new Map(),
      ),
    ).toThrow(expect.objectContaining({ code: 'EXCHANGE_VARIANT_INVALID' }));
  });

  it('needs every line inspected exactly once', () => {
    expect(
      checkInspections(
        ['r1', 'r2'],
        [
          { returnLineId: 'r2', inspection: 'write_off' },
          { returnLineId: 'r1', inspection: 'restock' },
        ],
      ),
    ).toEqual(
      new Map([
        ['r2', 'write_off'],
        ['r1', 'restock'],
      ]),
    );
    expect(() => checkInspections(['r1', 'r2'], [{ returnLineId: 'r1', inspection: 'restock' }])).toThrow(
      expect.objectContaining({ code: 'RETURN_INSPECTION_INCOMPLETE' }),
    );
    expect(() =>
      checkInspections(
        ['r1'],
        [
          { returnLineId: 'r1', inspection: 'restock' },
          { returnLineId: 'r1', inspection: 'b_stock' },
        ],
      ),
    ).toThrow(expect.objectContaining({ code: 'RETURN_LINE_UNKNOWN' }));
  });
});
