import {
  adminCoupon,
  adminCouponPage,
  createCouponBody,
  idParam,
  listCouponsQuery,
  updateCouponBody,
} from '@shoebox/shared/contracts';
import { defineRoute } from '../../http/route.ts';
import type { CouponsService } from './coupons.service.ts';

export const couponsRoutes = (coupons: CouponsService) => [
  defineRoute({
    method: 'post',
    path: '/admin/coupons',
    summary: 'Create a coupon (percentage or fixed, minimum spend, window, usage limits)',
    tag: 'Coupons',
    access: 'prices:write',
    body: createCouponBody,
    response: adminCoupon,
    status: 201,
    errors: ['COUPON_CODE_TAKEN'],
    handler: (ctx, { body }) => coupons.create(ctx, body),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/coupons',
    summary: 'List coupons by code, optionally filtered by part of a code and active state',
    tag: 'Coupons',
    access: 'catalog:read',
    query: listCouponsQuery,
    response: adminCouponPage,
    handler: (_ctx, { query }) => coupons.list(query),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/coupons/:id',
    summary: 'One coupon',
    tag: 'Coupons',
    access: 'catalog:read',
    params: idParam,
    response: adminCoupon,
    errors: ['COUPON_NOT_FOUND'],
    handler: (_ctx, { params }) => coupons.get(params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/admin/coupons/:id',
    summary: 'Change a coupon or (de)activate it; the result is validated as a whole',
    tag: 'Coupons',
    access: 'prices:write',
    params: idParam,
    body: updateCouponBody,
    response: adminCoupon,
    errors: ['COUPON_NOT_FOUND', 'COUPON_CODE_TAKEN'],
    handler: (ctx, { params, body }) => coupons.update(ctx, params.id, body),
  }),
];
