import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMovement,
  available,
  isValidQuantity,
  type MovementKind,
  movementKinds,
  onHandDelta,
  reservedDelta,
  type StockLevel,
  type StockMovement,
} from './stock.ts';

const level = (onHand: number, reserved: number): StockLevel => ({ onHand, reserved });
const apply = (from: StockLevel, kind: MovementKind, quantity: number) =>
  applyMovement(from, { kind, quantity });
const refusedWith = (code: string) =>
  expect.objectContaining({ ok: false, error: expect.objectContaining({ code }) });

describe('available', () => {
  it('is on hand minus reserved', () => {
    expect(available(level(10, 3))).toBe(7);
  });
});

describe('applyMovement', () => {
  it.each(['receive', 'return_restock', 'transfer_in'] as const)('%s adds to on hand', (kind) => {
    expect(apply(level(2, 1), kind, 5)).toEqual({ ok: true, value: level(7, 1) });
  });

  it.each(['adjust', 'count'] as const)('%s adds its signed quantity to on hand', (kind) => {
    expect(apply(level(5, 1), kind, 3)).toEqual({ ok: true, value: level(8, 1) });
    expect(apply(level(5, 1), kind, -2)).toEqual({ ok: true, value: level(3, 1) });
  });

  it('reserve moves available units into reserved', () => {
    expect(apply(level(5, 1), 'reserve', 4)).toEqual({ ok: true, value: level(5, 5) });
  });

  it('reserve refuses more than is available', () => {
    expect(apply(level(5, 1), 'reserve', 5)).toEqual(refusedWith('INSUFFICIENT_STOCK'));
  });

  it('release returns reserved units to available', () => {
    expect(apply(level(5, 3), 'release', 2)).toEqual({ ok: true, value: level(5, 1) });
  });

  it('release refuses more than is reserved', () => {
    expect(apply(level(5, 1), 'release', 2)).toEqual(refusedWith('INSUFFICIENT_RESERVED'));
  });

  it('sell takes a reserved unit out of both on hand and reserved', () => {
    expect(apply(level(5, 2), 'sell', 2)).toEqual({ ok: true, value: level(3, 0) });
  });

  it('sell refuses units that were never reserved', () => {
    expect(apply(level(5, 1), 'sell', 2)).toEqual(refusedWith('INSUFFICIENT_RESERVED'));
  });

  it('transfer_out takes available units off on hand', () => {
    expect(apply(level(5, 2), 'transfer_out', 3)).toEqual({ ok: true, value: level(2, 2) });
  });

  it('transfer_out refuses to ship units promised to customers', () => {
    expect(apply(level(5, 2), 'transfer_out', 4)).toEqual(refusedWith('INSUFFICIENT_STOCK'));
  });

  it('a negative adjust or count refuses to go below what is reserved', () => {
    expect(apply(level(5, 2), 'adjust', -4)).toEqual(refusedWith('INSUFFICIENT_STOCK'));
    expect(apply(level(5, 2), 'count', -6)).toEqual(refusedWith('INSUFFICIENT_STOCK'));
    expect(apply(level(5, 2), 'adjust', -3)).toEqual({ ok: true, value: level(2, 2) });
  });

  it('a count of exactly what was expected is accepted and changes nothing', () => {
    expect(apply(level(5, 2), 'count', 0)).toEqual({ ok: true, value: level(5, 2) });
  });

  it('reports the level it refused against', () => {
    const from = level(1, 0);
    expect(apply(from, 'transfer_out', 2)).toEqual({
      ok: false,
      error: { code: 'INSUFFICIENT_STOCK', kind: 'transfer_out', quantity: 2, level: from },
    });
  });

  it.each([
    ['receive', 0],
    ['receive', -1],
    ['reserve', 0],
    ['sell', -2],
    ['transfer_in', 1.5],
    ['adjust', 0],
    ['count', 0.5],
    ['release', Number.NaN],
    ['return_restock', Number.POSITIVE_INFINITY],
  ] as const)('refuses %s of %d as an invalid quantity', (kind, quantity) => {
    expect(apply(level(10, 5), kind, quantity)).toEqual(refusedWith('INVALID_QUANTITY'));
    expect(isValidQuantity(kind, quantity)).toBe(false);
  });
});

describe('onHandDelta and reservedDelta', () => {
  it.each([
    ['receive', 3, 0],
    ['adjust', 3, 0],
    ['count', 3, 0],
    ['reserve', 0, 3],
    ['release', 0, -3],
    ['sell', -3, -3],
    ['return_restock', 3, 0],
    ['transfer_out', -3, 0],
    ['transfer_in', 3, 0],
  ] as const)('%s of 3 changes on hand by %d and reserved by %d', (kind, onHand, reserved) => {
    expect(onHandDelta(kind, 3)).toBe(onHand);
    expect(reservedDelta(kind, 3)).toBe(reserved);
  });

  it('cover every movement kind', () => {
    expect(movementKinds).toHaveLength(9);
    for (const kind of movementKinds) expect(typeof onHandDelta(kind, 1)).toBe('number');
  });
});

describe('stock ledger', () => {
  const movement: fc.Arbitrary<StockMovement> = fc.record({
    kind: fc.constantFrom(...movementKinds),
    quantity: fc.integer({ min: -20, max: 20 }),
  });

  it('never goes negative and always equals the sum of the accepted deltas', () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 100 }), (movements) => {
        let current = level(0, 0);
        let sumOnHand = 0;
        let sumReserved = 0;
        for (const m of movements) {
          const result = applyMovement(current, m);
          if (!result.ok) {
            expect(result.error.level).toBe(current);
            continue;
          }
          current = result.value;
          sumOnHand += onHandDelta(m.kind, m.quantity);
          sumReserved += reservedDelta(m.kind, m.quantity);
          expect(current.onHand).toBeGreaterThanOrEqual(0);
          expect(current.reserved).toBeGreaterThanOrEqual(0);
          expect(available(current)).toBeGreaterThanOrEqual(0);
        }
        expect(current).toEqual(level(sumOnHand, sumReserved));
      }),
      { numRuns: 500 },
    );
  });
});
