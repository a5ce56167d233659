import {
  adminReturnBody,
  idParam,
  receiveReturnBody,
  returnList,
  returnRefundResult,
  returnView,
  storeReturnBody,
} from '@shoebox/shared/contracts';
import { defineRoute } from '../../http/route.ts';
import type { Store } from '../../db/client.ts';
import type { PaymentProvider } from '../../integrations/payments/index.ts';
import { refundReturn } from './returns-refund.ts';
import { returnErrorCodes } from './returns.errors.ts';
import type { ReturnsService } from './returns.service.ts';

const tag = 'Returns';

/**
 * Permissions: staff open, read and receive returns with `returns:manage` (warehouse and up);
 * refunding one moves money, so it needs `orders:refund` like any refund. Customers request
 * returns of their own orders through the store API.
 */
export const returnsRoutes = (returns: ReturnsService, deps: { store: Store; payments: PaymentProvider }) => [
  defineRoute({
    method: 'post',
    path: '/store/returns',
    summary:
      'Request a return (or a size exchange, reserved at once) of lines of the signed-in customer’s shipped or delivered order, within the return window.',
    tag,
    access: 'customer',
    body: storeReturnBody,
    response: returnView,
    status: 201,
    errors: returnErrorCodes.request,
    handler: (ctx, { body }) => returns.request(ctx, body),
  }),
  defineRoute({
    method: 'get',
    path: '/store/returns',
    summary:
      'The signed-in customer’s returns and exchanges (the 50 newest), with each line’s inspection once received.',
    tag,
    access: 'customer',
    response: returnList,
    handler: (ctx) => returns.mine(ctx),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/returns',
    summary: 'Open a return or size exchange for an order, with a reason per line. Needs returns:manage.',
    tag,
    access: 'returns:manage',
    body: adminReturnBody,
    response: returnView,
    status: 201,
    errors: [
      ...returnErrorCodes.request.filter((c) => c !== 'ORDER_NOT_FOUND'),
      { code: 'ORDER_NOT_FOUND', status: 404 },
    ],
    handler: (ctx, { body }) => returns.openForOrder(ctx, body.orderId, body.lines),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/returns/:id',
    summary: 'One return with its lines, exchanges and inspections. Needs returns:manage.',
    tag,
    access: 'returns:manage',
    params: idParam,
    response: returnView,
    errors: returnErrorCodes.read,
    handler: (_ctx, { params }) => returns.get(params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/returns/:id/receive',
    summary:
      'Receive a return with an inspection per line: restock (back on hand), b_stock or write_off (on hand unchanged). Needs returns:manage.',
    tag,
    access: 'returns:manage',
    params: idParam,
    body: receiveReturnBody,
    response: returnView,
    errors: returnErrorCodes.receive,
    handler: (ctx, { params, body }) => returns.receive(ctx, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/returns/:id/refund',
    summary:
      'Refund a received return’s lines through the original payment; a retried request answers the same refund. Needs orders:refund.',
    tag,
    access: 'orders:refund',
    params: idParam,
    response: returnRefundResult,
    errors: returnErrorCodes.refund,
    handler: (ctx, { params }) => refundReturn(deps, returns, ctx, params.id),
  }),
];
