import {
  adminOrderDetail,
  adminOrderList,
  adminOrderListQuery,
  cancelOrderBody,
  customerOrderDetail,
  customerOrderList,
  customerOrderListQuery,
  idParam,
  orderLookupBody,
  orderNoteBody,
  orderNumberParam,
  orderTransitionBody,
  refundOrderBody,
  refundResult,
} from '@shoebox/shared/contracts';
import { cancelOrder } from '../../flows/cancel-order.flow.ts';
import { type FlowServices, flowDeps } from '../../flows/deps.ts';
import { refundOrder } from '../../flows/refund-order.flow.ts';
import { defineRoute } from '../../http/route.ts';
import type { Services } from '../../services.ts';
import { orderErrorCodes } from './orders.errors.ts';

const tag = 'Orders';

/**
 * Permissions: reads and notes `orders:read` (every staff role); warehouse steps (start picking,
 * pack, ship, deliver) `inventory:adjust` (warehouse, manager, owner); cancel and refund
 * `orders:refund` (manager, owner). Money fields are null for staff without `orders:refund`.
 */
export const ordersRoutes = (services: FlowServices & Pick<Services, 'orders'>) => {
  const { orders } = services;
  const deps = flowDeps(services);
  return [
    defineRoute({
      method: 'get',
      path: '/admin/orders',
      summary:
        'List orders, newest first, with filters (status, from/to, customerId, email, sku, minTotal/maxTotal, q). Needs orders:read.',
      tag,
      access: 'orders:read',
      query: adminOrderListQuery,
      response: adminOrderList,
      handler: (ctx, { query }) => orders.list(ctx, query),
    }),
    defineRoute({
      method: 'get',
      path: '/admin/orders/:id',
      summary: 'Order detail: lines, totals, payment, refunds and the whole timeline. Needs orders:read.',
      tag,
      access: 'orders:read',
      params: idParam,
      response: adminOrderDetail,
      errors: orderErrorCodes.read,
      handler: (ctx, { params }) => orders.detail(ctx, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/admin/orders/:id/transition',
      summary:
        'Warehouse step through the order state machine (start_picking, pack, ship, deliver). Needs inventory:adjust.',
      tag,
      access: 'inventory:adjust',
      params: idParam,
      body: orderTransitionBody,
      response: adminOrderDetail,
      errors: orderErrorCodes.transition,
      handler: (ctx, { params, body }) => orders.transition(ctx, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/admin/orders/:id/cancel',
      summary:
        'Cancel an order before it ships: stock released or restocked, coupon use given back, paid money refunded. Needs orders:refund.',
      tag,
      access: 'orders:refund',
      params: idParam,
      body: cancelOrderBody,
      response: adminOrderDetail,
      errors: orderErrorCodes.cancel,
      handler: (ctx, { params, body }) => cancelOrder(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/admin/orders/:id/refunds',
      summary:
        'Refund part or all of what is left of a paid order through the payment provider. Needs orders:refund.',
      tag,
      access: 'orders:refund',
      params: idParam,
      body: refundOrderBody,
      response: refundResult,
      status: 201,
      errors: orderErrorCodes.refund,
      handler: (ctx, { params, body }) => refundOrder(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/admin/orders/:id/notes',
      summary: 'Add a staff note to the order timeline (never shown to the customer). Needs orders:read.',
      tag,
      access: 'orders:read',
      params: idParam,
      body: orderNoteBody,
      response: adminOrderDetail,
      status: 201,
      errors: orderErrorCodes.read,
      handler: (ctx, { params, body }) => orders.addNote(ctx, params.id, body),
    }),
    // ---- customer ----
    defineRoute({
      method: 'get',
      path: '/store/orders',
      summary: 'The signed-in customer’s orders, newest first.',
      tag,
      access: 'customer',
      query: customerOrderListQuery,
      response: customerOrderList,
      handler: (ctx, { query }) => orders.customerList(ctx, query),
    }),
    defineRoute({
      method: 'get',
      path: '/store/orders/:number',
      summary: 'One of the signed-in customer’s orders (another customer’s answers 404).',
      tag,
      access: 'customer',
      params: orderNumberParam,
      response: customerOrderDetail,
      errors: orderErrorCodes.read,
      handler: (ctx, { params }) => orders.customerOrder(ctx, params.number),
    }),
    defineRoute({
      method: 'post',
      path: '/store/orders/lookup',
      summary: 'Guest order lookup by order number and email (a wrong email answers like an unknown number).',
      tag,
      access: 'public',
      rateLimit: 'auth',
      body: orderLookupBody,
      response: customerOrderDetail,
      errors: orderErrorCodes.read,
      handler: (ctx, { body }) => orders.lookup(ctx, body),
    }),
  ];
};
