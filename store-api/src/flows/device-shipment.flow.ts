import { houseRate, houseSerialOf, houseServiceName } from '@shoebox/shared';
import type { FulfillmentEffect } from '@shoebox/sync/protocol';
import type { LabelJson } from '../db/schema/types.ts';
import type { RequestContext } from '../lib/request-context.ts';
import { commonErrors } from '../lib/common.errors.ts';
import { recordWhatHappened } from '../lib/what-happened.ts';
import { addressOf, findPack } from '../modules/fulfillment/index.ts';
import { findOrder, nextStatus, orderErrors } from '../modules/orders/index.ts';
import {
  addShipmentEvent,
  changeShipment,
  findShipment,
  HOUSE,
  holdsSerial,
  houseNumberUsed,
  shippingErrors,
} from '../modules/shipping/index.ts';
import { backToPacked, carrierTitle, type ShipmentDeps, writeShipment } from './shipment.flow.ts';

/**
 * Labels a desktop printed offline (decision 0040), applied when its push arrives, inside the
 * push transaction: the tracking number must come from a block THIS device reserved and be
 * unused; the cost comes from the house rate tables; then the order ships exactly like a label
 * bought through the API (shipment row, packed -> shipped, the "shipped" mail, audit).
 */

type Tx = Parameters<Parameters<ShipmentDeps['store']['tx']>[0]>[0];
type CreateEffect = Extract<FulfillmentEffect, { type: 'shipmentCreate' }>;

export async function recordDeviceShipment(
  deps: ShipmentDeps,
  tx: Tx,
  ctx: RequestContext,
  deviceId: string,
  input: CreateEffect,
): Promise<void> {
  const { store } = deps;
  const serial = houseSerialOf(input.trackingNumber);
  if (serial === null || !(await holdsSerial(tx, store, deviceId, serial)))
    throw shippingErrors.trackingNotReserved(input.trackingNumber);
  if (await houseNumberUsed(tx, store, input.trackingNumber))
    throw shippingErrors.trackingUsed(input.trackingNumber);
  const order = await findOrder(tx, store, input.orderId);
  if (!order) throw orderErrors.notFound();
  nextStatus(order.status, 'ship');
  const pack = await findPack(tx, store, order.id);
  if (!pack)
    throw orderErrors.illegalTransition({ code: 'ILLEGAL_ORDER_TRANSITION', from: 'picking', event: 'ship' });
  const rate = houseRate(
    {
      originCountry: deps.shipFrom.country,
      destinationCountry: order.shippingAddress.country,
      weightGrams: input.weightGrams,
    },
    input.service,
  );
  if (!rate)
    throw shippingErrors.serviceUnavailable(
      HOUSE,
      input.service,
      `The house carrier does not carry ${input.weightGrams} g to ${order.shippingAddress.country} with '${input.service}'.`,
    );
  const label: LabelJson = {
    carrier: carrierTitle.house,
    service: houseServiceName(input.service),
    trackingNumber: input.trackingNumber,
    orderNumber: order.number,
    weightGrams: input.weightGrams,
    from: deps.shipFrom,
    to: addressOf(order.shippingAddress),
    shipDate: input.shipDate,
  };
  await writeShipment(deps, tx, ctx, order, {
    id: input.shipmentId,
    orderId: order.id,
    carrier: HOUSE,
    service: input.service,
    trackingNumber: input.trackingNumber,
    carrierShipmentId: null,
    costMinor: rate.costMinor,
    currency: rate.currency,
    weightGrams: input.weightGrams,
    boxCode: input.boxCode,
    status: 'labelled',
    trackingStatus: 'label_created',
    label,
    labelUrl: null,
  });
}

/**
 * A house label voided on a desktop. Only the house carrier: a real carrier's label is voided
 * at the carrier, which cannot be called inside the push transaction (void it online).
 */
export async function voidDeviceShipment(
  deps: ShipmentDeps,
  tx: Tx,
  ctx: RequestContext,
  shipmentId: string,
  reason: string,
): Promise<void> {
  const { store } = deps;
  const row = await findShipment(tx, store, shipmentId);
  if (!row) throw shippingErrors.shipmentNotFound(shipmentId);
  if (row.carrier !== HOUSE || row.status !== 'labelled' || row.trackingStatus !== 'label_created')
    throw shippingErrors.notVoidableHere({
      carrier: row.carrier,
      status: row.status,
      trackingStatus: row.trackingStatus,
    });
  const order = await findOrder(tx, store, row.orderId);
  if (!order) throw new Error('a shipment always has its order');
  nextStatus(order.status, 'void_label');
  const voided = await changeShipment(
    store,
    tx,
    ctx,
    shipmentId,
    { status: 'voided', voidedAt: ctx.now },
    { version: row.version, status: 'labelled' },
  );
  if (!voided) throw commonErrors.versionConflict('The shipment changed meanwhile; reload it.');
  await addShipmentEvent(store, tx, ctx, shipmentId, {
    status: 'voided',
    message: `Label voided: ${reason}`,
  });
  await backToPacked(store, ctx, tx, order, row, reason);
  await recordWhatHappened(store, tx, ctx, {
    audit: {
      action: 'shipment.void',
      entity: 'shipment',
      entityId: shipmentId,
      before: { status: row.status },
      after: { status: 'voided', reason },
    },
  });
}
