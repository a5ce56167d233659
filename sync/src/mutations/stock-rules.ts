import { applyMovement, type Result, type StockLevel } from '@shoebox/shared';
import { z } from 'zod';
import { stockLevelId } from '../protocol/entities.ts';
import { type DomainReader, type Effect, type Plan, planned, type Rejection, reject } from './types.ts';

/** What the inventory mutations share: ids, the place stock lives, and the never-negative check. */

export const rowId = z.string().min(1).max(80);
export const units = z.number().int().min(1).max(100_000);
export const reason = z.string().trim().min(1).max(200);

/** The stock level of a variant at a location; a place never stocked reads as zero. */
export const stockAt = async (
  read: DomainReader,
  variantId: string,
  locationId: string,
): Promise<Result<StockLevel, Rejection>> => {
  if (!(await read.get('variant', variantId))) {
    return reject('VARIANT_NOT_FOUND', 'This shoe (variant) does not exist.', { variantId });
  }
  if (!(await read.get('location', locationId))) {
    return reject('LOCATION_NOT_FOUND', 'This stock location does not exist.', { locationId });
  }
  const level = await read.get('stockLevel', stockLevelId(variantId, locationId));
  return {
    ok: true,
    value: level ? { onHand: level.onHand, reserved: level.reserved } : { onHand: 0, reserved: 0 },
  };
};

type StockEffect = Extract<Effect, { type: 'stock' }>;

/** Refuses a movement that would leave on_hand or available below zero (shared/stock.ts decides). */
export const checkMovement = (level: StockLevel, effect: StockEffect): Rejection | null => {
  const next = applyMovement(level, { kind: effect.movement, quantity: effect.quantity });
  if (next.ok) return null;
  return {
    code: 'INSUFFICIENT_STOCK',
    message:
      next.error.code === 'INSUFFICIENT_STOCK'
        ? `Not enough stock: ${level.onHand} on hand, ${level.reserved} reserved for orders.`
        : 'This quantity is not valid for this stock movement.',
    details: {
      variantId: effect.variantId,
      locationId: effect.locationId,
      onHand: level.onHand,
      reserved: level.reserved,
      quantity: effect.quantity,
    },
  };
};

/**
 * A single movement at one place: the variant and location must exist and the level must stay
 * valid. `outcome` turns the level read into what the device is told.
 */
export const planMovement = async (
  read: DomainReader,
  effect: Omit<StockEffect, 'type'>,
  outcome: (level: StockLevel) => Record<string, unknown> = () => ({}),
): Promise<Result<Plan, Rejection>> => {
  const level = await stockAt(read, effect.variantId, effect.locationId);
  if (!level.ok) return level;
  const stock: StockEffect = { type: 'stock', ...effect };
  const refused = checkMovement(level.value, stock);
  return refused ? { ok: false, error: refused } : planned([stock], outcome(level.value));
};
