import { isHouseTrackingNumber } from '@shoebox/shared';
import { z } from 'zod';
import { orderFor } from './fulfillment-rules.ts';
import { rowId } from './stock-rules.ts';
import { defineMutation, planned, reject } from './types.ts';

/**
 * A house-carrier label printed on the device, with a tracking number from the device's own
 * reserved block. The server refuses a number outside this device's blocks or already used, ships
 * the order and sends the "shipped" mail when it applies this.
 */
export const shipmentCreate = defineMutation({
  name: 'shipment.create',
  args: z.strictObject({
    shipmentId: z.uuid(),
    orderId: rowId,
    trackingNumber: z.string().trim().min(1).max(40),
    service: z.enum(['standard', 'express']),
    weightGrams: z.number().int().min(1).max(70_000),
    boxCode: z.string().trim().min(1).max(16),
    shipDate: z.iso.date(),
  }),
  permissions: () => ['labels:print'],
  async plan(args, read) {
    if (!isHouseTrackingNumber(args.trackingNumber))
      return reject('TRACKING_NUMBER_INVALID', `${args.trackingNumber} is not a house tracking number.`, {
        trackingNumber: args.trackingNumber,
      });
    if (await read.get('shipment', args.shipmentId))
      return reject('SHIPMENT_ID_TAKEN', 'A shipment with this id exists already.', {
        shipmentId: args.shipmentId,
      });
    const order = await orderFor(read, args.orderId, 'packed', 'shipped', {
      trackingNumber: args.trackingNumber,
    });
    if (!order.ok) return order;
    return planned([{ type: 'shipmentCreate', ...args }], {
      trackingNumber: args.trackingNumber,
      orderNumber: order.value.number,
    });
  },
});
