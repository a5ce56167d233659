import type { EntityRow } from '@shoebox/sync/protocol';
import type { PickBatchDetail } from '../../ipc/shapes/fulfillment.ts';
import type { CacheView } from '../local/cache-view.ts';
import { iso } from '../local/visibility.ts';
import { itemLabelOf } from './item-labels.ts';

type Batch = EntityRow<'pickBatch'>;

/** Pick batches from the mirror (with this device's confirms and shorts laid over them). */
export function createPickReads(view: CacheView) {
  const summary = (batch: Batch, pending: boolean) => ({
    id: batch.id,
    number: batch.number,
    status: batch.status,
    orderCount: new Set(batch.lines.map((l) => l.orderId)).size,
    unitCount: batch.lines.reduce((n, l) => n + l.quantity, 0),
    pickedUnits: batch.lines.reduce((n, l) => n + l.pickedQuantity, 0),
    shortUnits: batch.lines.reduce((n, l) => n + l.shortQuantity, 0),
    createdAt: iso(batch.createdAt),
    pending,
  });

  function detail(batch: Batch): PickBatchDetail {
    const pending = view.pending('pickBatch').has(batch.id);
    const stops = new Map<string, PickBatchDetail['stops'][number]>();
    for (const line of batch.lines) {
      // One stop per SKU at one bin; no bin sorts last.
      const key = `${line.binCode ?? '\uffff'}|${line.sku}`;
      const stop = stops.get(key) ?? {
        ...itemLabelOf(view, line.variantId, line),
        binCode: line.binCode,
        quantity: 0,
        pickedQuantity: 0,
        lines: [],
      };
      stop.quantity += line.quantity;
      stop.pickedQuantity += line.pickedQuantity;
      stop.lines.push({
        id: line.id,
        orderId: line.orderId,
        orderNumber: line.orderNumber,
        quantity: line.quantity,
        pickedQuantity: line.pickedQuantity,
        shortQuantity: line.shortQuantity,
        status: line.status,
        shortReason: line.shortReason,
        pending,
      });
      stops.set(key, stop);
    }
    const ordered = [...stops.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
    return { ...summary(batch, pending), stops: ordered };
  }

  return {
    batches() {
      const pending = view.pending('pickBatch');
      const items = view
        .rows('pickBatch')
        .filter((b) => b.status === 'open')
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((b) => summary(b, pending.has(b.id)));
      return { items };
    },
    batch(id: string): PickBatchDetail | null {
      const batch = view.get('pickBatch', id);
      return batch ? detail(batch) : null;
    },
    raw: (id: string) => view.get('pickBatch', id),
  };
}
export type PickReads = ReturnType<typeof createPickReads>;
