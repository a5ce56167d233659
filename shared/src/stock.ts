import { err, ok, type Result } from './result.ts';

/**
 * Stock levels are a projection of the append-only movement ledger. The deltas each movement
 * kind applies live here, once: the SQL layer applies `onHandDelta`/`reservedDelta` and the
 * checks in `applyMovement` decide whether a movement may be written at all.
 */

export const movementKinds = [
  'receive',
  'adjust',
  'count',
  'reserve',
  'release',
  'sell',
  'return_restock',
  'transfer_out',
  'transfer_in',
] as const;
export type MovementKind = (typeof movementKinds)[number];

export interface StockLevel {
  onHand: number;
  reserved: number;
}

export interface StockMovement {
  kind: MovementKind;
  /** Always positive, except for adjust and count, where the sign says which way stock moved. */
  quantity: number;
}

export type StockErrorCode = 'INVALID_QUANTITY' | 'INSUFFICIENT_STOCK' | 'INSUFFICIENT_RESERVED';

export interface StockError {
  code: StockErrorCode;
  kind: MovementKind;
  quantity: number;
  /** The level the movement was refused against, so the caller can say how much there was. */
  level: StockLevel;
}

/** Units that can still be promised to a customer. */
export const available = (level: StockLevel): number => level.onHand - level.reserved;

// adjust and count carry a signed delta (count's is counted - expected, computed by the caller
// who knows what was expected); every other kind moves units in one known direction.
const signedKinds: ReadonlySet<MovementKind> = new Set(['adjust', 'count']);

/** Change to on_hand for a movement. */
export const onHandDelta = (kind: MovementKind, quantity: number): number => {
  switch (kind) {
    case 'receive':
    case 'return_restock':
    case 'transfer_in':
    case 'adjust':
    case 'count':
      return quantity;
    case 'sell':
    case 'transfer_out':
      return -quantity;
    case 'reserve':
    case 'release':
      return 0;
  }
};

/** Change to reserved for a movement. A sale consumes its reservation, so it lowers both. */
export const reservedDelta = (kind: MovementKind, quantity: number): number => {
  switch (kind) {
    case 'reserve':
      return quantity;
    case 'release':
    case 'sell':
      return -quantity;
    default:
      return 0;
  }
};

/**
 * Whether the quantity makes sense for the kind. A count may be 0: "counted what we expected"
 * is still worth a ledger entry, because it dates the last successful count. A zero adjust
 * says nothing and is refused.
 */
export const isValidQuantity = (kind: MovementKind, quantity: number): boolean => {
  if (!Number.isSafeInteger(quantity)) return false;
  if (kind === 'count') return true;
  return signedKinds.has(kind) ? quantity !== 0 : quantity > 0;
};

/**
 * Applies one movement, refusing any that would make on_hand, reserved or available
 * negative: no unit is ever promised or sold twice. A count or adjust that would take on_hand
 * below what is reserved is refused too; the caller must first release reservations (and
 * decide which orders lose their shoes) rather than let the books say "-1 available".
 */
export const applyMovement = (level: StockLevel, movement: StockMovement): Result<StockLevel, StockError> => {
  const { kind, quantity } = movement;
  const refuse = (code: StockErrorCode) => err({ code, kind, quantity, level });
  if (!isValidQuantity(kind, quantity)) return refuse('INVALID_QUANTITY');

  const next = {
    onHand: level.onHand + onHandDelta(kind, quantity),
    reserved: level.reserved + reservedDelta(kind, quantity),
  };
  if (next.reserved < 0) return refuse('INSUFFICIENT_RESERVED');
  if (next.onHand < 0 || available(next) < 0) return refuse('INSUFFICIENT_STOCK');
  return ok(next);
};
