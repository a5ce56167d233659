import { DomainError, newId } from '@shoebox/shared';
import type { ReceiveReturnBody, StoreReturnBody } from '@shoebox/shared/contracts';
import type { Db, Store } from '../../db/client.ts';
import { recordChanges } from '../../lib/changes.ts';
import { recordDomainEvents } from '../../lib/domain-events.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { recordAudit } from '../audit/index.ts';
import type { InventoryService } from '../inventory/index.ts';
import {
  changeOrder,
  findOrder,
  findOrderByNumber,
  linesOfOrder,
  noteOrder,
  orderErrors,
  type OrderRow,
} from '../orders/index.ts';
import { checkInspections, checkWindow, type PlannedLine, planLines } from './returns-plan.ts';
import { returnErrors } from './returns.errors.ts';
import {
  findReturn,
  insertReturn,
  linesOfReturn,
  markReceived,
  productsOf,
  type ReturnLineRow,
  type ReturnRow,
  returnedQuantities,
  returnsOfCustomer,
  returnViewOf,
  windowStart,
} from './returns.repo.ts';

export interface ReturnsDeps {
  store: Store;
  inventory: Pick<InventoryService, 'reserve' | 'applyMovements' | 'availableByLocation'>;
  windowDays: number;
}

const RETURNABLE = new Set(['shipped', 'delivered']);

/**
 * Returns and size exchanges: opening one (customer or staff), receiving it with an inspection
 * per line. Refunds live in returns-refund.ts.
 */
export function createReturnsService(deps: ReturnsDeps) {
  const { store, inventory } = deps;

  /**
   * One transaction: the order row is touched first (a timeline entry through changeOrder), which
   * serialises returns of the same order, so two requests cannot both take the last returnable unit.
   */
  async function open(ctx: RequestContext, order: OrderRow, lines: StoreReturnBody['lines']) {
    const id = newId();
    await store.tx(async (tx) => {
      const claimed = await changeOrder(store, tx, ctx, order.id, {
        entry: { type: 'return.requested', message: 'Return requested', data: { returnId: id } },
      });
      if (!claimed) throw orderErrors.notFound();
      const fresh = await findOrder(tx, store, order.id);
      if (!fresh || !RETURNABLE.has(fresh.status))
        throw returnErrors.orderNotShipped(fresh?.status ?? order.status);
      const started = await windowStart(tx, store, order.id);
      if (started === null) throw returnErrors.orderNotShipped(fresh.status);
      checkWindow(started, deps.windowDays, ctx.now);
      const planned = planLines(
        lines,
        await linesOfOrder(tx, store, order.id),
        await returnedQuantities(tx, store, order.id),
      );
      await checkExchanges(tx, planned);
      const rows = await reserveExchanges(tx, ctx, id, planned);
      const row: ReturnRow = {
        id,
        orderId: order.id,
        customerId: order.customerId,
        status: 'requested',
        refundId: null,
        openedByType: ctx.actor.type,
        openedById: ctx.actor.type === 'anonymous' ? null : ctx.actor.id,
        receivedAt: null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      await insertReturn(tx, store, row, rows);
      await recordChanges(store, tx, 'return', [id], ctx.now);
      // Analytics: return rate by size and reason (domain.md, "Reports").
      await recordDomainEvents(
        store,
        tx,
        rows.map((l) => ({
          type: 'return.requested' as const,
          aggregateId: id,
          data: {
            orderId: order.id,
            variantId: l.variantId,
            quantity: l.quantity,
            reason: l.reason,
            exchange: l.exchangeVariantId !== null,
          },
        })),
        ctx.now,
      );
      if (ctx.actor.type === 'staff' || ctx.actor.type === 'api_key')
        await recordAudit(store, tx, ctx, {
          action: 'return.open',
          entity: 'return',
          entityId: id,
          after: { orderId: order.id, lines: planned },
        });
    });
    return get(id);
  }

  async function checkExchanges(tx: Db, planned: readonly PlannedLine[]) {
    const exchanges = planned.filter((p) => p.exchangeVariantId);
    const products = await productsOf(tx, store, [
      ...new Set(exchanges.flatMap((p) => [p.variantId, p.exchangeVariantId!])),
    ]);
    for (const p of exchanges) {
      const wanted = products.get(p.exchangeVariantId!);
      if (!wanted || wanted !== products.get(p.variantId))
        throw returnErrors.exchangeInvalid(p.exchangeVariantId!);
    }
  }

  /** The replacement of each exchange line is reserved now, where most is available, so it cannot sell out meanwhile. */
  async function reserveExchanges(
    tx: Db,
    ctx: RequestContext,
    returnId: string,
    planned: readonly PlannedLine[],
  ) {
    const ids = planned.flatMap((p) => (p.exchangeVariantId ? [p.exchangeVariantId] : []));
    const levels = ids.length > 0 ? await inventory.availableByLocation(tx, ids) : [];
    const rows: ReturnLineRow[] = [];
    for (const p of planned) {
      let locationId: string | null = null;
      if (p.exchangeVariantId) {
        const best = levels
          .filter((l) => l.variantId === p.exchangeVariantId)
          .sort((a, b) => b.available - a.available || (a.locationId < b.locationId ? -1 : 1))[0];
        locationId = best?.locationId ?? null;
        // No level anywhere: reserving at an unknown place is refused as out of stock.
        if (!locationId) throw outOfStock(p.exchangeVariantId);
        await inventory.reserve(tx, ctx, {
          variantId: p.exchangeVariantId,
          locationId,
          quantity: p.quantity,
          reference: returnId,
          reason: 'exchange',
        });
      }
      rows.push({
        id: newId(),
        returnId,
        orderLineId: p.orderLineId,
        variantId: p.variantId,
        quantity: p.quantity,
        reason: p.reason,
        exchangeVariantId: p.exchangeVariantId,
        exchangeLocationId: locationId,
        inspection: null,
        refundMinor: p.refundMinor,
      });
    }
    return rows;
  }

  async function get(id: string) {
    const row = await findReturn(store.db, store, id);
    if (!row) throw returnErrors.notFound();
    return returnViewOf(row, await linesOfReturn(store.db, store, id));
  }

  /**
   * Records the inspection of every line inside the caller's transaction (the route's, or a
   * desktop's `return.receive` push): restock puts the units back on hand (a return_restock
   * movement where they were sold from); B-stock and write-off leave on-hand as it is.
   */
  async function receiveIn(tx: Db, ctx: RequestContext, id: string, body: ReceiveReturnBody) {
    const row = await findReturn(tx, store, id);
    if (!row) throw returnErrors.notFound();
    if (row.status !== 'requested') throw returnErrors.stateConflict(row.status, 'received');
    const lines = await linesOfReturn(tx, store, id);
    const inspections = checkInspections(
      lines.map((l) => l.id),
      body.lines,
    );
    if (!(await markReceived(tx, store, id, inspections, ctx.now)))
      throw returnErrors.stateConflict('received', 'received');
    const locations = new Map((await linesOfOrder(tx, store, row.orderId)).map((l) => [l.id, l.locationId]));
    await inventory.applyMovements(
      tx,
      ctx,
      lines
        .filter((l) => inspections.get(l.id) === 'restock')
        .map((l) => ({
          kind: 'return_restock' as const,
          variantId: l.variantId,
          locationId: locations.get(l.orderLineId)!,
          quantity: l.quantity,
          reference: id,
          reason: l.reason,
        })),
    );
    await noteOrder(store, tx, ctx, row.orderId, {
      type: 'return.received',
      message: 'Return received and inspected',
      data: { returnId: id, inspections: Object.fromEntries(inspections) },
    });
    await recordChanges(store, tx, 'return', [id], ctx.now);
    await recordAudit(store, tx, ctx, {
      action: 'return.receive',
      entity: 'return',
      entityId: id,
      before: { status: 'requested' },
      after: { status: 'received', inspections: Object.fromEntries(inspections) },
    });
  }

  return {
    get,

    /** GET /store/returns: the signed-in customer's own returns (the 50 newest). */
    async mine(ctx: RequestContext) {
      if (ctx.actor.type !== 'customer') return { items: [] };
      return { items: await returnsOfCustomer(store.db, store, ctx.actor.id, 50) };
    },

    /** POST /store/returns: the signed-in customer's own order (another's answers 404). */
    async request(ctx: RequestContext, body: StoreReturnBody) {
      const order = await findOrderByNumber(store.db, store, body.orderNumber);
      if (!order || ctx.actor.type !== 'customer' || order.customerId !== ctx.actor.id)
        throw orderErrors.notFound();
      return open(ctx, order, body.lines);
    },

    /** POST /admin/returns: staff open a return for any order. */
    async openForOrder(ctx: RequestContext, orderId: string, lines: StoreReturnBody['lines']) {
      const order = await findOrder(store.db, store, orderId);
      if (!order) throw orderErrors.notFound();
      return open(ctx, order, lines);
    },

    /**
     * Records the inspection of every line: restock puts the units back on hand (a return_restock
     * movement where they were sold from); B-stock and write-off leave on-hand as it is.
     */
    async receive(ctx: RequestContext, id: string, body: ReceiveReturnBody) {
      await store.tx((tx) => receiveIn(tx, ctx, id, body));
      return get(id);
    },
    receiveIn,
  };
}
export type ReturnsService = ReturnType<typeof createReturnsService>;

const outOfStock = (variantId: string) =>
  new DomainError('business_rule', 'INSUFFICIENT_STOCK', 'The replacement size is out of stock.', {
    details: { variantId, available: 0 },
  });
