import { renderLabelBatchPdf, renderLabelPdf, renderLabelZpl } from '@shoebox/documents';
import { notFound } from '@shoebox/shared';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { recordAudit } from '../audit/index.ts';
import { findShipment } from './shipments.repo.ts';
import { type ReservedBlock, reserveSerials } from './tracking-blocks.ts';

/** Labels (re-rendered from what the shipment recorded) and the house carrier's tracking blocks. */
export function createShippingService(store: Store) {
  async function labelOf(id: string) {
    const row = await findShipment(store.db, store, id);
    if (!row) throw notFound('SHIPMENT_NOT_FOUND', 'No shipment with this id.', { id });
    return row.label;
  }

  return {
    async label(_ctx: RequestContext, id: string, format: 'pdf' | 'zpl'): Promise<Buffer | string> {
      const label = await labelOf(id);
      return format === 'zpl' ? renderLabelZpl(label) : renderLabelPdf(label);
    },

    /** Every live label of a pick batch's orders, one PDF, in the batch's order. */
    async batchLabels(_ctx: RequestContext, batchId: string): Promise<Buffer> {
      const l = store.t.pickBatchLines;
      const orderIds = [
        ...new Set(
          (await store.db.select({ orderId: l.orderId }).from(l).where(eq(l.batchId, batchId))).map(
            (r) => r.orderId,
          ),
        ),
      ];
      const s = store.t.shipments;
      const rows =
        orderIds.length === 0
          ? []
          : await store.db
              .select({ label: s.label, status: s.status })
              .from(s)
              .where(inArray(s.orderId, orderIds))
              .orderBy(asc(s.createdAt), asc(s.id));
      const live = rows.filter((r) => r.status !== 'voided').map((r) => r.label);
      if (live.length === 0)
        throw notFound('SHIPMENT_NOT_FOUND', 'This batch has no labelled shipment yet.', { batchId });
      return renderLabelBatchPdf(live);
    },

    /** A block of house tracking serials for a device (or the API), never overlapping another. */
    reserveBlock(
      ctx: RequestContext,
      body: { deviceId?: string | undefined; size: number },
    ): Promise<ReservedBlock> {
      return store.tx(async (tx) => {
        const block = await reserveSerials(store, tx, ctx, body.deviceId ?? 'api', body.size);
        await recordAudit(store, tx, ctx, {
          action: 'tracking_block.reserve',
          entity: 'tracking_block',
          entityId: block.id,
          after: { holder: block.holder, firstSerial: block.firstSerial, lastSerial: block.lastSerial },
        });
        return block;
      });
    },

    /** The API's own house labels take one serial each from the same counter. */
    async issueApiTrackingNumber(ctx: RequestContext): Promise<string> {
      const block = await store.tx((tx) => reserveSerials(store, tx, ctx, 'api', 1));
      return block.firstTrackingNumber;
    },
  };
}

export type ShippingService = ReturnType<typeof createShippingService>;
