import { adminOrderList, adminOrderListQuery } from '@shoebox/shared/contracts';
import { mutationReceipt } from '../contracts.ts';
import { orderDetail, orderDetailArgs, orderNoteArgs, orderTransitionArgs } from '../shapes/orders.ts';
import { defineHandler } from '../spec.ts';

// From the cache; money is null for roles without orders:refund, as on the API.
export const orderSpecs = {
  'orders.list': defineHandler({
    summary: 'The orders queue, filtered and paged',
    access: 'orders:read',
    args: adminOrderListQuery,
    result: adminOrderList,
  }),
  'orders.detail': defineHandler({
    summary: 'One order: lines, notes and timeline (payments and refunds with orders:refund, when online)',
    access: 'orders:read',
    args: orderDetailArgs,
    result: orderDetail,
  }),
  'orders.transition': defineHandler({
    summary: 'Start picking, pack, ship or deliver an order (works offline)',
    access: 'orders:fulfil',
    args: orderTransitionArgs,
    result: mutationReceipt,
  }),
  'orders.note': defineHandler({
    summary: 'Add a staff note to an order (works offline)',
    access: 'orders:read',
    args: orderNoteArgs,
    result: mutationReceipt,
  }),
} as const;
