/**
 * Orders: the order desk, the customer's order pages and the one write path of an order. Other
 * modules and the flows import from here only.
 *
 * Writes: `changeOrder` / `transitionOrder` / `createOrder` / `noteOrder` (order-writes.ts) and the
 * refund books (refund-writes.ts). Nothing else writes `orders`, `order_lines`, `order_events`,
 * `refunds` or `payment_events` (scripts/check-boundaries.mjs fails the build if it does).
 */
export {
  anonymiseCustomerOrders,
  changeOrder,
  createOrder,
  moveOrderLines,
  newOrderNumber,
  nextStatus,
  noteOrder,
  type OrderExpectation,
  type OrderFields,
  type OrderWrite,
  type TimelineEntry,
  transitionOrder,
} from './order-writes.ts';
export { orderErrorCodes, orderErrors } from './orders.errors.ts';
export {
  findOrder,
  findOrderByIntent,
  findOrderByNumber,
  findOrderOfCart,
  hasTimelineEntry,
  linesOfOrder,
  type OrderLineRow,
  type OrderRow,
  ordersWithLapsedReservation,
  type RefundRow,
} from './orders.repo.ts';
export {
  type OrdersService,
  createOrdersService,
  refundableOf,
  refundView,
  transitionEvents,
} from './orders.service.ts';
export { paymentEventSeen, recordPaymentEvent } from './payment-events.repo.ts';
export {
  closeLateRefund,
  openLateRefund,
  refundByProviderId,
  requestRefund,
  reverseFailedRefund,
  recordRefundOutcome,
} from './refund-writes.ts';
export { ordersRoutes } from './orders.routes.ts';
