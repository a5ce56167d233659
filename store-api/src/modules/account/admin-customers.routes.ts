import {
  adminCustomerDetail,
  adminCustomerListQuery,
  adminCustomerPage,
  idParam,
} from '@shoebox/shared/contracts';
import { defineRoute } from '../../http/route.ts';
import type { AdminCustomersService } from './admin-customers.service.ts';

const tag = 'Customers';

export const adminCustomersRoutes = (customers: AdminCustomersService) => [
  defineRoute({
    method: 'get',
    path: '/admin/customers',
    summary:
      'Customers, newest first, searched by part of the email or name; erased accounts are marked. Needs customers:read.',
    tag,
    access: 'customers:read',
    query: adminCustomerListQuery,
    response: adminCustomerPage,
    handler: (ctx, { query }) => customers.list(ctx, query),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/customers/:id',
    summary:
      'One customer: profile, saved size, address book and latest orders (money only with orders:refund). Needs customers:read.',
    tag,
    access: 'customers:read',
    params: idParam,
    response: adminCustomerDetail,
    errors: ['CUSTOMER_NOT_FOUND'],
    handler: (ctx, { params }) => customers.detail(ctx, params.id),
  }),
];
