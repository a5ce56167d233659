import { z } from 'zod';
import { accountAddress } from './account.ts';
import { pageOf, pageQuery } from './common.ts';
import { adminOrderSummary } from './orders.ts';

/**
 * Customers for customer service (`customers:read`): search by email or name, and one customer's
 * profile, address book and orders. An erased customer (GDPR article 17) is listed under the
 * pseudonym the erasure left, marked `erased`, so their orders can still be found and explained.
 */
export const adminCustomerListQuery = z.strictObject({
  /** Part of the email or the name, any case. */
  q: z.string().trim().min(1).max(100).optional(),
  ...pageQuery,
});
export type AdminCustomerListQuery = z.output<typeof adminCustomerListQuery>;

export const adminCustomerSummary = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  createdAt: z.string(),
  /** The account was deleted at the customer's request: email and name are a pseudonym. */
  erased: z.boolean(),
});
export type AdminCustomerSummary = z.output<typeof adminCustomerSummary>;

export const adminCustomerPage = pageOf(adminCustomerSummary);

export const adminCustomerDetail = adminCustomerSummary.extend({
  /** EU size the shopper saved (preselected on product pages), or null. */
  savedSizeEu: z.number().nullable(),
  addresses: z.array(accountAddress),
  /** Newest first, the most recent 50; `orderCount` says how many there are in all. */
  orders: z.array(adminOrderSummary),
  orderCount: z.number().int(),
  /** Money is null in the orders for roles without orders:refund, as in the order list. */
  moneyVisible: z.boolean(),
});
export type AdminCustomerDetail = z.output<typeof adminCustomerDetail>;
