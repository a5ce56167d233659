/**
 * Fulfillment: pick batches and the pack station. Nothing else writes `pick_batches`,
 * `pick_batch_lines` or `order_packs`.
 */
export { fulfillmentRoutes } from './fulfillment.routes.ts';
export { createFulfillmentService, type FulfillmentService } from './fulfillment.service.ts';
export { findPack, type OrderPackRow } from './fulfillment.repo.ts';
export { addressOf, type ShipFrom } from './packing-slip-data.ts';
