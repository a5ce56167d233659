import { businessRule, checkScans, conflict, findBox } from '@shoebox/shared';
import type { CreatePickBatchBody, PickBatchView } from '@shoebox/shared/contracts';
import { renderPackingSlipPdf } from '@shoebox/documents';
import type { z } from 'zod';
import type { completePackBody, packCheckResult, packResult } from '@shoebox/shared/contracts';
import type { Db, Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { iso } from '../../lib/time.ts';
import { recordAudit } from '../audit/index.ts';
import { readLevel } from '../inventory/index.ts';
import { writeMovements } from '../inventory/index.ts';
import { changeOrder, findOrder, type OrderRow, orderErrors, transitionOrder } from '../orders/index.ts';
import { fulfillmentErrors } from './fulfillment.errors.ts';
import { groupPickLines, planConfirmPick, planPack, planShortPick } from './fulfillment-plans.ts';
import {
  closePickLine,
  findBatch,
  insertBatch,
  insertPack,
  linesToPick,
  oldestPaidOrders,
  packLines,
  pickLines,
} from './fulfillment.repo.ts';
import { packingSlipData, type ShipFrom } from './packing-slip-data.ts';

/**
 * Pick batches and the pack station. Each step reads, plans (fulfillment-plans.ts, pure) and
 * writes once under a guard, in one transaction with its audit entry and order timeline entry.
 */
export function createFulfillmentService(store: Store, opts: { shipFrom: ShipFrom; storefrontUrl: string }) {
  async function batchView(db: Db, id: string): Promise<PickBatchView> {
    const batch = await findBatch(db, store, id);
    if (!batch) throw fulfillmentErrors.batchNotFound(id);
    const lines = await pickLines(db, store, { batchId: id });
    return {
      id: batch.id,
      number: batch.number,
      status: batch.status as PickBatchView['status'],
      orderIds: [...new Set(lines.map((l) => l.orderId))],
      groups: groupPickLines(lines),
      version: batch.version,
      createdAt: iso(batch.createdAt),
    };
  }

  async function orderInPicking(db: Db, orderId: string): Promise<OrderRow> {
    const order = await findOrder(db, store, orderId);
    if (!order) throw orderErrors.notFound();
    return order;
  }

  return {
    batch: (_ctx: RequestContext, id: string) => batchView(store.db, id),

    /** Paid orders (the N oldest, or the ones named) into one batch; each moves to `picking`. */
    async createBatch(ctx: RequestContext, body: CreatePickBatchBody): Promise<PickBatchView> {
      const id = await store.tx(async (tx) => {
        const named = 'orderIds' in body;
        const candidates = named
          ? [...new Set(body.orderIds)]
          : await oldestPaidOrders(tx, store, body.oldest);
        const taken: OrderRow[] = [];
        const refused: { id: string; status: string }[] = [];
        for (const orderId of candidates) {
          const order = await findOrder(tx, store, orderId);
          if (!order) {
            // The id came from the body: 422, like every id a body refers to.
            if (named) throw businessRule('ORDER_NOT_FOUND', 'No order with this id.', { id: orderId });
            continue;
          }
          const moved =
            order.status === 'paid' &&
            (await transitionOrder(store, tx, ctx, order, 'start_picking', {
              expect: { version: order.version },
              entry: {
                type: 'order.picking_started',
                message: 'Picking started',
                data: { from: 'paid', to: 'picking' },
              },
            }));
          if (moved) taken.push(order);
          else refused.push({ id: order.id, status: order.status });
        }
        // Named orders: all or nothing. The oldest: whoever took one first keeps it.
        if (named && refused.length > 0) throw fulfillmentErrors.notPickable(refused);
        if (taken.length === 0) throw fulfillmentErrors.noOrders();
        const lines = await linesToPick(
          tx,
          store,
          taken.map((o) => o.id),
        );
        const batchId = await insertBatch(
          store,
          tx,
          ctx,
          lines.map((l) => ({
            ...l,
            pickedQuantity: 0,
            shortQuantity: 0,
            status: 'open',
            shortReason: null,
          })),
        );
        await recordAudit(store, tx, ctx, {
          action: 'pick_batch.create',
          entity: 'pick_batch',
          entityId: batchId,
          after: { orderIds: taken.map((o) => o.id), lines: lines.length },
        });
        return batchId;
      });
      return batchView(store.db, id);
    },

    async confirmLine(
      ctx: RequestContext,
      batchId: string,
      lineId: string,
      scan: string | undefined,
    ): Promise<PickBatchView> {
      await store.tx((tx) => confirmLineIn(tx, ctx, batchId, lineId, scan));
      return batchView(store.db, batchId);
    },
    confirmLineIn,
    shortLineIn,
    completePackIn,

    /** Item not found: picked what was there, flag the order, write off what the shelf lacked. */
    async shortLine(
      ctx: RequestContext,
      batchId: string,
      lineId: string,
      body: { missing: number; reason: string },
    ): Promise<PickBatchView> {
      await store.tx((tx) => shortLineIn(tx, ctx, batchId, lineId, body));
      return batchView(store.db, batchId);
    },

    /** One scan at the pack station, checked against the order (the list is every scan so far). */
    async packCheck(
      _ctx: RequestContext,
      orderId: string,
      scans: readonly string[],
    ): Promise<z.output<typeof packCheckResult>> {
      const order = await orderInPicking(store.db, orderId);
      if (order.status !== 'picking')
        throw conflict('ILLEGAL_ORDER_TRANSITION', `A ${order.status} order is not at the pack station.`, {
          from: order.status,
          event: 'pack',
        });
      const lines = await packLines(store.db, store, orderId);
      const checked = checkScans(lines, scans);
      if (!checked.ok) throw fulfillmentErrors.packRefused(checked.error);
      const last = lines.find((l) => l.lineId === checked.value.lastLineId) ?? null;
      return {
        orderId,
        lineId: last?.lineId ?? null,
        sku: last?.sku ?? null,
        scanned: checked.value.scanned,
        remaining: checked.value.remaining,
        complete: checked.value.complete,
      };
    },

    async completePack(
      ctx: RequestContext,
      orderId: string,
      body: z.output<typeof completePackBody>,
    ): Promise<z.output<typeof packResult>> {
      return store.tx((tx) => completePackIn(tx, ctx, orderId, body));
    },

    /** The packing slip PDF of an order (any status after payment). */
    async packingSlip(_ctx: RequestContext, orderId: string, paper: 'A4' | 'LETTER'): Promise<Buffer> {
      const order = await orderInPicking(store.db, orderId);
      const data = await packingSlipData(store, order, opts.shipFrom, opts.storefrontUrl);
      return renderPackingSlipPdf({ ...data, paper });
    },
  };

  /** Confirms a pick line inside the caller's transaction (the route's, or a sync push's). */
  async function confirmLineIn(
    tx: Db,
    ctx: RequestContext,
    batchId: string,
    lineId: string,
    scan: string | undefined,
  ): Promise<void> {
    const line = await oneLine(tx, batchId, lineId);
    const change = planConfirmPick(line, scan);
    if (!(await closePickLine(store, tx, ctx, batchId, change)))
      throw fulfillmentErrors.lineClosed(lineId, 'closed');
    await recordAudit(store, tx, ctx, {
      action: 'pick_line.confirm',
      entity: 'pick_batch',
      entityId: batchId,
      after: { lineId, sku: line.sku, picked: change.pickedQuantity },
    });
  }

  /**
   * A short pick inside the caller's transaction: the line closes short, the order is flagged
   * (`wait`: a person decides later), the missing units the shelf was thought to hold are written
   * off. Answers the line and order as they were, for the choices a flow makes next.
   */
  async function shortLineIn(
    tx: Db,
    ctx: RequestContext,
    batchId: string,
    lineId: string,
    body: { missing: number; reason: string; choice?: string; consentNote?: string | undefined },
  ): Promise<{ line: Awaited<ReturnType<typeof oneLine>>; order: OrderRow }> {
    const line = await oneLine(tx, batchId, lineId);
    const level = await readLevel(tx, store, line.variantId, line.locationId);
    const plan = planShortPick(line, body.missing, body.reason, level.onHand - level.reserved);
    if (!(await closePickLine(store, tx, ctx, batchId, plan.change)))
      throw fulfillmentErrors.lineClosed(lineId, 'closed');
    const order = await orderInPicking(tx, line.orderId);
    const flagged = await changeOrder(store, tx, ctx, order.id, {
      set: { flagged: true, flagReason: plan.flagReason },
      expect: { version: order.version },
      entry: {
        type: 'order.pick_short',
        message: plan.flagReason,
        data: {
          lineId,
          sku: line.sku,
          missing: body.missing,
          writtenOff: plan.writeOff,
          choice: body.choice ?? 'wait',
          ...(body.consentNote ? { consentNote: body.consentNote } : {}),
        },
      },
    });
    if (!flagged) throw conflict('VERSION_CONFLICT', 'The order changed meanwhile; reload it.');
    if (plan.writeOff > 0)
      await writeMovements(store, tx, ctx, [
        {
          kind: 'adjust',
          variantId: line.variantId,
          locationId: line.locationId,
          quantity: -plan.writeOff,
          reason: `Short pick: ${body.reason}`,
          reference: line.orderNumber,
        },
      ]);
    await recordAudit(store, tx, ctx, {
      action: 'pick_line.short',
      entity: 'pick_batch',
      entityId: batchId,
      after: {
        lineId,
        sku: line.sku,
        missing: body.missing,
        writtenOff: plan.writeOff,
        reason: body.reason,
        choice: body.choice ?? 'wait',
      },
    });
    return { line, order: { ...order, version: order.version + 1 } };
  }

  /** Packs an order inside the caller's transaction: the scans are checked again here. */
  async function completePackIn(
    tx: Db,
    ctx: RequestContext,
    orderId: string,
    body: z.output<typeof completePackBody>,
  ): Promise<z.output<typeof packResult>> {
    const box = findBox(body.boxCode);
    if (!box) throw new Error(`unreachable: box ${body.boxCode} passed the contract's enum`);
    const order = await orderInPicking(tx, orderId);
    const plan = planPack({
      lines: await packLines(tx, store, orderId),
      pickLines: await pickLines(tx, store, { orderId }),
      scans: body.scans,
      box,
      weightGrams: body.weightGrams,
    });
    const status = await transitionOrder(store, tx, ctx, order, 'pack', {
      expect: { version: order.version },
      entry: async () => {
        await insertPack(store, tx, ctx, orderId, plan);
        return {
          type: 'order.packed',
          message: `Packed in ${plan.boxCode}, ${plan.weightGrams} g`,
          data: { from: order.status, to: 'packed', boxCode: plan.boxCode, weightGrams: plan.weightGrams },
        };
      },
    });
    if (!status) throw conflict('VERSION_CONFLICT', 'The order changed meanwhile; reload it.');
    await recordAudit(store, tx, ctx, {
      action: 'order.pack',
      entity: 'order',
      entityId: orderId,
      before: { status: order.status },
      after: { status, boxCode: plan.boxCode, weightGrams: plan.weightGrams, scans: plan.scans.length },
    });
    return {
      orderId,
      status,
      boxCode: plan.boxCode,
      weightGrams: plan.weightGrams,
      defaultWeightGrams: plan.defaultWeightGrams,
    };
  }

  async function oneLine(tx: Db, batchId: string, lineId: string) {
    if (!(await findBatch(tx, store, batchId))) throw fulfillmentErrors.batchNotFound(batchId);
    const [line] = await pickLines(tx, store, { batchId, lineId });
    if (!line) throw fulfillmentErrors.lineNotFound(lineId);
    return line;
  }
}

export type FulfillmentService = ReturnType<typeof createFulfillmentService>;
