import type { EntityRow } from '../protocol/entities.ts';
import type { EffectContext, RowChange } from './effects.ts';
import type { DomainReader, FulfillmentEffect } from './types.ts';

/**
 * The rows a warehouse step leads to, as the device lays them over its mirror (and the in-memory
 * server commits them). store-api writes the same steps through its modules; their next pull
 * replaces these rows with the server's. 'stale' when the state moved meanwhile.
 */
export const fulfillmentRows = async (
  effect: FulfillmentEffect,
  read: DomainReader,
  ctx: EffectContext,
): Promise<RowChange[] | 'stale'> => {
  switch (effect.type) {
    case 'pickConfirm':
      return closeLine(read, ctx, effect.batchId, effect.lineId, (l) => ({
        ...l,
        pickedQuantity: l.quantity,
        status: 'picked',
      }));
    case 'pickShort': {
      const batch = await closeLine(read, ctx, effect.batchId, effect.lineId, (l) => ({
        ...l,
        pickedQuantity: l.quantity - effect.missing,
        shortQuantity: effect.missing,
        status: 'short',
        shortReason: effect.reason,
      }));
      if (batch === 'stale') return batch;
      const order = await read.get('order', effect.orderId);
      if (!order) return batch;
      return [
        ...batch,
        { entity: 'order', id: order.id, row: { ...order, flagged: true, updatedAt: ctx.now } },
      ];
    }
    case 'pack':
      return moveOrder(read, ctx, effect.orderId, 'picking', 'packed');
    case 'shipmentCreate': {
      if (await read.get('shipment', effect.shipmentId)) return 'stale';
      const order = await moveOrder(read, ctx, effect.orderId, 'packed', 'shipped');
      if (order === 'stale') return order;
      const row: EntityRow<'shipment'> = {
        id: effect.shipmentId,
        orderId: effect.orderId,
        carrier: 'house',
        service: effect.service,
        trackingNumber: effect.trackingNumber,
        status: 'labelled',
        trackingStatus: 'label_created',
        weightGrams: effect.weightGrams,
        boxCode: effect.boxCode,
        version: 1,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      return [...order, { entity: 'shipment', id: row.id, row }];
    }
    case 'shipmentVoid': {
      const shipment = await read.get('shipment', effect.shipmentId);
      if (shipment?.status !== 'labelled') return 'stale';
      const order = await moveOrder(read, ctx, effect.orderId, 'shipped', 'packed');
      if (order === 'stale') return order;
      const row = {
        ...shipment,
        status: 'voided' as const,
        version: shipment.version + 1,
        updatedAt: ctx.now,
      };
      return [...order, { entity: 'shipment', id: row.id, row }];
    }
    case 'returnReceive': {
      const found = await read.get('return', effect.returnId);
      if (found?.status !== 'requested') return 'stale';
      const inspection = new Map(effect.lines.map((l) => [l.returnLineId, l.inspection]));
      const row = {
        ...found,
        status: 'received' as const,
        receivedAt: ctx.now,
        updatedAt: ctx.now,
        lines: found.lines.map((l) => ({ ...l, inspection: inspection.get(l.id) ?? l.inspection })),
      };
      return [{ entity: 'return', id: row.id, row }];
    }
  }
};

type Line = EntityRow<'pickBatch'>['lines'][number];

async function closeLine(
  read: DomainReader,
  ctx: EffectContext,
  batchId: string,
  lineId: string,
  close: (line: Line) => Line,
): Promise<RowChange[] | 'stale'> {
  const batch = await read.get('pickBatch', batchId);
  const line = batch?.lines.find((l) => l.id === lineId);
  if (!batch || !line || line.status !== 'open') return 'stale';
  const lines = batch.lines.map((l) => (l.id === lineId ? close(l) : l));
  const status = lines.some((l) => l.status === 'open') ? ('open' as const) : ('done' as const);
  const row = { ...batch, lines, status, version: batch.version + 1, updatedAt: ctx.now };
  return [{ entity: 'pickBatch', id: batch.id, row }];
}

async function moveOrder(
  read: DomainReader,
  ctx: EffectContext,
  orderId: string,
  from: EntityRow<'order'>['status'],
  to: EntityRow<'order'>['status'],
): Promise<RowChange[] | 'stale'> {
  const order = await read.get('order', orderId);
  if (!order || order.status !== from) return 'stale';
  const row = { ...order, status: to, version: order.version + 1, updatedAt: ctx.now };
  return [{ entity: 'order', id: order.id, row }];
}
