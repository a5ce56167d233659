import { recordWhatHappened } from '../lib/what-happened.ts';
import {
  businessRule,
  conflict,
  type HouseTrackingStatus,
  houseTrackingStatuses,
  newId,
  notFound,
} from '@shoebox/shared';
import type { ShipmentView } from '@shoebox/shared/contracts';
import type { Store } from '../db/client.ts';
import type { LabelJson } from '../db/schema/types.ts';
import type { CarrierAdapter, CarrierName, Carriers, TrackingEvent } from '../integrations/carriers/index.ts';
import type { RequestContext } from '../lib/request-context.ts';
import { findPack } from '../modules/fulfillment/index.ts';
import {
  findOrder,
  nextStatus,
  type OrderRow,
  orderErrors,
  transitionOrder,
} from '../modules/orders/index.ts';
import {
  addShipmentEvent,
  changeShipment,
  findShipment,
  insertShipment,
  type NewShipment,
  type ShipmentRow,
  shipmentEventsOf,
  shipmentView,
} from '../modules/shipping/index.ts';

/**
 * Shipping a packed order, voiding its label, and following it to the door.
 *
 *   buy    check the order is packed -> buy the label from the carrier (outside any transaction,
 *          idempotency key `order:<id>:label:<n>`) -> tx: shipment row + first tracking event,
 *          order packed -> shipped (guarded by its version), the "shipped" mail into the outbox,
 *          audit. If the tx refuses (the order moved meanwhile) the label is voided again.
 *   void   a label whose parcel the carrier has not taken yet: the carrier voids it, then tx:
 *          shipment voided, order shipped -> packed (relabel or cancel), audit.
 *   track  house: staff advance the parcel one or more steps forward; real carriers: their
 *          tracker is read. `delivered` moves the order shipped -> delivered.
 */

export interface ShipmentDeps {
  store: Store;
  carriers: Carriers;
  shipFrom: LabelJson['from'];
  /** Where a packing slip's return QR code points (`<base>/<order number>`). */
  returnUrlBase: string;
}

export const carrierTitle: Record<CarrierName, string> = { house: 'Shoebox House', parcelhub: 'ParcelHub' };

function carrierOf(deps: ShipmentDeps, name: string): CarrierAdapter {
  const carrier = deps.carriers[name as CarrierName];
  if (!carrier)
    throw businessRule('CARRIER_SERVICE_UNAVAILABLE', `The carrier '${name}' is not configured.`, {
      carrier: name,
    });
  return carrier;
}

export async function viewShipment(deps: ShipmentDeps, row: ShipmentRow): Promise<ShipmentView> {
  const { store } = deps;
  const [events, order] = await Promise.all([
    shipmentEventsOf(store.db, store, row.id),
    findOrder(store.db, store, row.orderId),
  ]);
  const carrier = deps.carriers[row.carrier as CarrierName];
  return shipmentView(row, events, order?.number ?? '', carrier?.trackingUrl(row.trackingNumber) ?? null);
}

export async function buyLabel(
  deps: ShipmentDeps,
  ctx: RequestContext,
  input: { orderId: string; carrier: CarrierName; service: string },
): Promise<ShipmentView> {
  const { store } = deps;
  const carrier = carrierOf(deps, input.carrier);
  const order = await findOrder(store.db, store, input.orderId);
  if (!order) throw businessRule('ORDER_NOT_FOUND', 'No order with this id.', { id: input.orderId });
  nextStatus(order.status, 'ship'); // refuses anything but a packed order before paying for a label
  const pack = await findPack(store.db, store, order.id);
  if (!pack)
    throw orderErrors.illegalTransition({ code: 'ILLEGAL_ORDER_TRANSITION', from: 'picking', event: 'ship' });

  const to = order.shippingAddress;
  const bought = await carrier.buyLabel(
    {
      orderId: order.id,
      orderNumber: order.number,
      service: input.service,
      from: deps.shipFrom,
      to,
      weightGrams: pack.weightGrams,
    },
    `order:${order.id}:label:${order.version}`,
  );
  const label: LabelJson = {
    carrier: carrierTitle[carrier.name],
    service: bought.serviceName,
    trackingNumber: bought.trackingNumber,
    orderNumber: order.number,
    weightGrams: pack.weightGrams,
    from: deps.shipFrom,
    to,
    shipDate: new Date(ctx.now).toISOString().slice(0, 10),
  };
  const id = newId();
  try {
    await store.tx((tx) =>
      writeShipment(deps, tx, ctx, order, {
        id,
        orderId: order.id,
        carrier: carrier.name,
        service: input.service,
        trackingNumber: bought.trackingNumber,
        carrierShipmentId: bought.carrierShipmentId,
        costMinor: bought.costMinor,
        currency: bought.currency,
        weightGrams: pack.weightGrams,
        boxCode: pack.boxCode,
        status: 'labelled',
        trackingStatus: 'label_created',
        label,
        labelUrl: bought.labelUrl,
      }),
    );
  } catch (error) {
    // Compensation: the label is paid for but nothing records it; give it back.
    await carrier
      .voidLabel({ trackingNumber: bought.trackingNumber, carrierShipmentId: bought.carrierShipmentId })
      .catch((voidError) =>
        ctx.log.error(
          { err: voidError, trackingNumber: bought.trackingNumber },
          'label void after a failed shipment write failed',
        ),
      );
    throw error;
  }
  const row = await findShipment(store.db, store, id);
  if (!row) throw new Error('the shipment just written is missing');
  return viewShipment(deps, row);
}

type Tx = Parameters<Parameters<Store['tx']>[0]>[0];

/**
 * The shipment row, the order packed -> shipped (guarded by the version read), the "shipped" mail
 * into the outbox and the audit entry, inside the caller's transaction: the API's label purchase
 * and a desktop's offline label (`shipment.create`) ship an order the same way.
 */
export async function writeShipment(
  deps: ShipmentDeps,
  tx: Tx,
  ctx: RequestContext,
  order: OrderRow,
  shipment: NewShipment,
): Promise<void> {
  const { store } = deps;
  const { label, trackingNumber } = shipment;
  await insertShipment(store, tx, ctx, shipment);
  const shipped = await transitionOrder(store, tx, ctx, order, 'ship', {
    expect: { version: order.version },
    entry: {
      type: 'order.shipped',
      message: `Shipped with ${label.carrier} (${label.service}), tracking ${trackingNumber}`,
      data: {
        from: order.status,
        to: 'shipped',
        shipmentId: shipment.id,
        carrier: shipment.carrier,
        trackingNumber,
      },
    },
  });
  if (!shipped)
    throw conflict('VERSION_CONFLICT', 'The order changed while the label was bought; reload it.');
  await recordWhatHappened(store, tx, ctx, {
    audit: {
      action: 'shipment.create',
      entity: 'shipment',
      entityId: shipment.id,
      after: {
        orderId: order.id,
        carrier: shipment.carrier,
        service: shipment.service,
        trackingNumber,
        costMinor: shipment.costMinor,
      },
    },
    messages: [
      {
        topic: 'mail.order_shipped',
        payload: {
          to: order.email,
          customerName: order.shippingAddress.name,
          orderNumber: order.number,
          carrier: label.carrier,
          service: label.service,
          trackingNumber,
          trackingUrl: carrierOf(deps, shipment.carrier).trackingUrl(trackingNumber),
        },
      },
    ],
  });
}

async function loadShipment(deps: ShipmentDeps, id: string): Promise<ShipmentRow> {
  const row = await findShipment(deps.store.db, deps.store, id);
  if (!row) throw notFound('SHIPMENT_NOT_FOUND', 'No shipment with this id.', { id });
  return row;
}

export async function voidShipment(
  deps: ShipmentDeps,
  ctx: RequestContext,
  id: string,
  reason: string,
): Promise<ShipmentView> {
  const { store } = deps;
  const row = await loadShipment(deps, id);
  if (row.status !== 'labelled' || row.trackingStatus !== 'label_created')
    throw conflict(
      'SHIPMENT_NOT_VOIDABLE',
      'Only a label whose parcel the carrier has not taken can be voided.',
      {
        status: row.status,
        trackingStatus: row.trackingStatus,
      },
    );
  const order = await findOrder(store.db, store, row.orderId);
  if (!order) throw new Error('a shipment always has its order');
  nextStatus(order.status, 'void_label');
  await carrierOf(deps, row.carrier).voidLabel(row);
  await store.tx(async (tx) => {
    const voided = await changeShipment(
      store,
      tx,
      ctx,
      id,
      { status: 'voided', voidedAt: ctx.now },
      { version: row.version, status: 'labelled' },
    );
    if (!voided) throw conflict('VERSION_CONFLICT', 'The shipment changed meanwhile; reload it.');
    await addShipmentEvent(store, tx, ctx, id, { status: 'voided', message: `Label voided: ${reason}` });
    await backToPacked(store, ctx, tx, order, row, reason);
    await recordWhatHappened(store, tx, ctx, {
      audit: {
        action: 'shipment.void',
        entity: 'shipment',
        entityId: id,
        before: { status: row.status },
        after: { status: 'voided', reason },
      },
    });
  });
  return viewShipment(deps, await loadShipment(deps, id));
}

export async function backToPacked(
  store: Store,
  ctx: RequestContext,
  tx: Parameters<Parameters<Store['tx']>[0]>[0],
  order: OrderRow,
  row: ShipmentRow,
  reason: string,
): Promise<void> {
  const moved = await transitionOrder(store, tx, ctx, order, 'void_label', {
    expect: { version: order.version },
    entry: {
      type: 'order.label_voided',
      message: `Label ${row.trackingNumber} voided: ${reason}`,
      data: { from: order.status, to: 'packed', shipmentId: row.id, trackingNumber: row.trackingNumber },
    },
  });
  if (!moved) throw conflict('VERSION_CONFLICT', 'The order changed meanwhile; reload it.');
}

const rank = (s: string) => houseTrackingStatuses.indexOf(s as HouseTrackingStatus);

/** Applies tracking events newer than the shipment's status; `delivered` delivers the order. */
async function applyTracking(
  deps: ShipmentDeps,
  ctx: RequestContext,
  row: ShipmentRow,
  events: readonly TrackingEvent[],
): Promise<void> {
  const { store } = deps;
  const forward = events.filter((e) => e.status === 'exception' || rank(e.status) > rank(row.trackingStatus));
  if (forward.length === 0) return;
  const latest = [...forward].reverse().find((e) => e.status !== 'exception') ?? null;
  await store.tx(async (tx) => {
    for (const e of forward) await addShipmentEvent(store, tx, ctx, row.id, e);
    if (!latest) return;
    const delivered = latest.status === 'delivered';
    const changed = await changeShipment(
      store,
      tx,
      ctx,
      row.id,
      {
        trackingStatus: latest.status,
        status: delivered ? 'delivered' : latest.status === 'label_created' ? 'labelled' : 'in_transit',
        ...(delivered ? { deliveredAt: latest.occurredAt } : {}),
      },
      { version: row.version },
    );
    if (!changed) throw conflict('VERSION_CONFLICT', 'The shipment changed meanwhile; reload it.');
    if (delivered) {
      const order = await findOrder(tx, store, row.orderId);
      if (!order) throw new Error('a shipment always has its order');
      const moved = await transitionOrder(store, tx, ctx, order, 'deliver', {
        expect: { version: order.version },
        entry: {
          type: 'order.delivered',
          message: 'Delivered',
          data: { from: order.status, to: 'delivered', shipmentId: row.id },
        },
      });
      if (!moved) throw conflict('VERSION_CONFLICT', 'The order changed meanwhile; reload it.');
    }
    await recordWhatHappened(store, tx, ctx, {
      audit: {
        action: 'shipment.track',
        entity: 'shipment',
        entityId: row.id,
        before: { trackingStatus: row.trackingStatus },
        after: { trackingStatus: latest.status },
      },
    });
  });
}

export async function updateTracking(
  deps: ShipmentDeps,
  ctx: RequestContext,
  id: string,
  body: { status: HouseTrackingStatus; message?: string | undefined } | { refresh: true },
): Promise<ShipmentView> {
  const row = await loadShipment(deps, id);
  if (row.status === 'voided')
    throw conflict('TRACKING_STATUS_OUT_OF_ORDER', 'A voided label has no tracking.', { status: row.status });
  if ('status' in body) {
    if (row.carrier !== 'house')
      throw conflict(
        'TRACKING_STATUS_OUT_OF_ORDER',
        'Only house-carrier parcels are advanced by hand; refresh this one.',
        {
          carrier: row.carrier,
        },
      );
    if (rank(body.status) <= rank(row.trackingStatus))
      throw conflict('TRACKING_STATUS_OUT_OF_ORDER', `The parcel is already ${row.trackingStatus}.`, {
        current: row.trackingStatus,
        requested: body.status,
      });
    await applyTracking(deps, ctx, row, [
      { status: body.status, message: body.message || body.status.replaceAll('_', ' '), occurredAt: ctx.now },
    ]);
  } else {
    await applyTracking(deps, ctx, row, await carrierOf(deps, row.carrier).track(row));
  }
  return viewShipment(deps, await loadShipment(deps, id));
}

export { loadShipment };
