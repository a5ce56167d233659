import {
  buyLabelBody,
  idParam,
  labelQuery,
  shipmentView,
  trackingBlockBody,
  trackingBlockView,
  trackingUpdateBody,
  voidShipmentBody,
} from '@shoebox/shared/contracts';
import {
  buyLabel,
  loadShipment,
  type ShipmentDeps,
  updateTracking,
  viewShipment,
  voidShipment,
} from '../../flows/shipment.flow.ts';
import { defineRoute, referenced, SENT } from '../../http/route.ts';
import type { ShippingService } from './shipping.service.ts';

const tag = 'Shipping';

/**
 * Shipments: buying, voiding and tracking need `orders:fulfil`; printing labels and reserving
 * tracking numbers `labels:print` (warehouse, manager, owner).
 */
export const shippingRoutes = (shipping: ShippingService, deps: ShipmentDeps) => [
  defineRoute({
    method: 'post',
    path: '/admin/shipments',
    summary:
      'Buy a label for a packed order: the shipment (carrier, service, tracking, cost) is recorded, the order moves to shipped and the "shipped" mail is queued. Needs orders:fulfil.',
    tag,
    access: 'orders:fulfil',
    body: buyLabelBody,
    response: shipmentView,
    status: 201,
    errors: [
      ...referenced('ORDER_NOT_FOUND'),
      'ILLEGAL_ORDER_TRANSITION',
      'CARRIER_SERVICE_UNAVAILABLE',
      'TRACKING_SERIALS_EXHAUSTED',
      'VERSION_CONFLICT',
      'CARRIER_ERROR',
      'CARRIER_UNAVAILABLE',
    ],
    handler: (ctx, { body }) => buyLabel(deps, ctx, body),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/shipments/:id',
    summary: 'A shipment with its tracking events. Needs orders:fulfil.',
    tag,
    access: 'orders:fulfil',
    params: idParam,
    response: shipmentView,
    errors: ['SHIPMENT_NOT_FOUND'],
    handler: async (_ctx, { params }) => viewShipment(deps, await loadShipment(deps, params.id)),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/shipments/:id/label',
    summary:
      'The shipping label: a 4x6 in PDF, or ZPL for thermal printers (`format=zpl`). Needs labels:print.',
    tag,
    access: 'labels:print',
    params: idParam,
    query: labelQuery,
    errors: ['SHIPMENT_NOT_FOUND'],
    handler: async (ctx, { params, query, res }) => {
      const label = await shipping.label(ctx, params.id, query.format);
      res.type(query.format === 'zpl' ? 'application/zpl; charset=utf-8' : 'application/pdf').send(label);
      return SENT;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/admin/shipments/:id/void',
    summary:
      'Void a label before the carrier takes the parcel; the order goes back to packed. Needs orders:fulfil.',
    tag,
    access: 'orders:fulfil',
    params: idParam,
    body: voidShipmentBody,
    response: shipmentView,
    errors: [
      'SHIPMENT_NOT_FOUND',
      'SHIPMENT_NOT_VOIDABLE',
      'ILLEGAL_ORDER_TRANSITION',
      'VERSION_CONFLICT',
      'CARRIER_ERROR',
      'CARRIER_UNAVAILABLE',
    ],
    handler: (ctx, { params, body }) => voidShipment(deps, ctx, params.id, body.reason),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/shipments/:id/tracking',
    summary:
      'Tracking: advance a house-carrier parcel (`status`), or read a real carrier’s tracker (`refresh`). Delivered moves the order to delivered. Needs orders:fulfil.',
    tag,
    access: 'orders:fulfil',
    params: idParam,
    body: trackingUpdateBody,
    response: shipmentView,
    errors: [
      'SHIPMENT_NOT_FOUND',
      'TRACKING_STATUS_OUT_OF_ORDER',
      'ILLEGAL_ORDER_TRANSITION',
      'VERSION_CONFLICT',
      'CARRIER_ERROR',
      'CARRIER_UNAVAILABLE',
    ],
    handler: (ctx, { params, body }) => updateTracking(deps, ctx, params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/pick-batches/:id/labels',
    summary: 'Every live label of a pick batch as one PDF, one label per page. Needs labels:print.',
    tag,
    access: 'labels:print',
    params: idParam,
    errors: ['SHIPMENT_NOT_FOUND'],
    handler: async (ctx, { params, res }) => {
      res.type('application/pdf').send(await shipping.batchLabels(ctx, params.id));
      return SENT;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/admin/carriers/house/tracking-blocks',
    summary:
      'Reserve a block of house tracking numbers for a device (or the API), so labels print offline and never collide. Needs labels:print.',
    tag,
    access: 'labels:print',
    body: trackingBlockBody,
    response: trackingBlockView,
    status: 201,
    errors: ['TRACKING_SERIALS_EXHAUSTED'],
    handler: async (ctx, { body }) => ({
      ...(await shipping.reserveBlock(ctx, body)),
      shipFrom: deps.shipFrom,
      returnUrlBase: deps.returnUrlBase,
    }),
  }),
];
