/**
 * Shipping: shipments, their tracking events and the house carrier's tracking serials. Nothing
 * else writes `shipments`, `shipment_events`, `tracking_counters` or `tracking_blocks`.
 */
export {
  addShipmentEvent,
  changeShipment,
  findShipment,
  insertShipment,
  type NewShipment,
  type ShipmentEventRow,
  type ShipmentRow,
  shipmentEventsOf,
  shipmentsOfOrders,
  shipmentView,
} from './shipments.repo.ts';
export {
  HOUSE,
  holdsSerial,
  houseNumberUsed,
  type ReservedBlock,
  reserveSerials,
} from './tracking-blocks.ts';
export { createShippingService, type ShippingService } from './shipping.service.ts';
export { shippingRoutes } from './shipping.routes.ts';
export { createParcelTracking, type ParcelTrackingService } from './tracking-store.service.ts';
export { trackingStoreRoutes } from './tracking-store.routes.ts';
export { shippingErrors } from './shipping.errors.ts';
