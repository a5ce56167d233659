/**
 * Customers as customer service sees them (`customers:read`): a search over the accounts, and one
 * customer's profile, saved size, address book and orders. Reads only; an erased account shows
 * under its pseudonym, marked, so its anonymised orders can still be explained.
 */
import {
  type AdminCustomerDetail,
  type AdminCustomerListQuery,
  type AdminOrderListQuery,
  adminOrderListQuery,
  type adminOrderList,
} from '@shoebox/shared/contracts';
import type { z } from 'zod';
import type { Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { iso } from '../../lib/time.ts';
import { erasedEmail } from '../auth/index.ts';
import { accountErrors } from './account.errors.ts';
import * as repo from './account.repo.ts';
import { addressView } from './account.service.ts';

/** The most orders the detail carries; the order list (filtered by customer) has the rest. */
const DETAIL_ORDERS = 50;

export interface AdminCustomersDeps {
  store: Store;
  orders: { list(ctx: RequestContext, query: AdminOrderListQuery): Promise<z.output<typeof adminOrderList>> };
}

const summary = (row: repo.CustomerRow) => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: iso(row.createdAt),
  erased: row.email === erasedEmail(row.id),
});

export function createAdminCustomersService(deps: AdminCustomersDeps) {
  const { store } = deps;
  return {
    async list(_ctx: RequestContext, query: AdminCustomerListQuery) {
      const { rows, total } = await repo.searchCustomers(store.db, store, query);
      return { items: rows.map(summary), page: query.page, pageSize: query.pageSize, total };
    },

    async detail(ctx: RequestContext, id: string): Promise<AdminCustomerDetail> {
      const row = await repo.customerRow(store.db, store, id);
      if (!row) throw accountErrors.customerNotFound();
      const [tenths, addresses, orders] = await Promise.all([
        repo.savedSizeTenths(store.db, store, id),
        repo.addressesOf(store.db, store, id),
        deps.orders.list(ctx, adminOrderListQuery.parse({ customerId: id, pageSize: DETAIL_ORDERS })),
      ]);
      return {
        ...summary(row),
        savedSizeEu: tenths === null ? null : tenths / 10,
        addresses: addresses.map(addressView),
        orders: orders.items,
        orderCount: orders.total,
        moneyVisible: orders.moneyVisible,
      };
    },
  };
}
export type AdminCustomersService = ReturnType<typeof createAdminCustomersService>;
