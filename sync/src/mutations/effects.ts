import { applyMovement } from '@shoebox/shared';
import { type AnyRow, type EntityName, type EntityRow, stockLevelId } from '../protocol/entities.ts';
import { fulfillmentRows } from './fulfillment-effects.ts';
import type { DomainReader, Effect } from './types.ts';

export interface RowChange {
  entity: EntityName;
  id: string;
  row: AnyRow;
}

export interface EffectContext {
  now: number;
  deviceId: string;
}

/**
 * The rows an effect leads to, or 'stale' when the state it was planned against changed
 * meanwhile (the caller re-plans). This is the write the device replays onto its view and the
 * in-memory server commits; store-api writes the same outcome with conditional SQL updates.
 */
export const effectRows = async (
  effect: Effect,
  read: DomainReader,
  ctx: EffectContext,
): Promise<RowChange[] | 'stale'> => {
  switch (effect.type) {
    case 'stock': {
      const id = stockLevelId(effect.variantId, effect.locationId);
      const before: EntityRow<'stockLevel'> = (await read.get('stockLevel', id)) ?? {
        id,
        variantId: effect.variantId,
        locationId: effect.locationId,
        onHand: 0,
        reserved: 0,
        binId: null,
        updatedAt: ctx.now,
      };
      const next = applyMovement(before, { kind: effect.movement, quantity: effect.quantity });
      if (!next.ok) return 'stale';
      return [{ entity: 'stockLevel', id, row: { ...before, ...next.value, updatedAt: ctx.now } }];
    }
    case 'orderStatus': {
      const order = await read.get('order', effect.orderId);
      if (!order || order.status !== effect.from) return 'stale';
      const row = { ...order, status: effect.to, version: order.version + 1, updatedAt: ctx.now };
      return [{ entity: 'order', id: order.id, row }];
    }
    case 'orderNote': {
      if (await read.get('orderNote', effect.noteId)) return 'stale';
      const row = {
        id: effect.noteId,
        orderId: effect.orderId,
        text: effect.text,
        deviceId: ctx.deviceId,
        createdAt: ctx.now,
      };
      return [{ entity: 'orderNote', id: effect.noteId, row }];
    }
    case 'productFields': {
      const product = await read.get('product', effect.productId);
      if (!product || product.version !== effect.fromVersion) return 'stale';
      const row = { ...product, ...effect.fields, version: product.version + 1, updatedAt: ctx.now };
      return [{ entity: 'product', id: product.id, row }];
    }
    default:
      return fulfillmentRows(effect, read, ctx);
  }
};
