import { z } from 'zod';
import { euSizeSchema } from '../sizes.ts';
import { customer } from './auth-customer.ts';
import { cartAddress } from './cart.ts';
import { customerOrderDetail } from './orders-customer.ts';

/**
 * The signed-in shopper's own account (`/store/account*`): saved shoe size, address book,
 * wishlist, and the data rights of GDPR articles 15 (export) and 17 (erasure).
 */

/** Business limits (422 ADDRESS_LIMIT / WISHLIST_LIMIT beyond them). */
export const MAX_ACCOUNT_ADDRESSES = 20;
export const MAX_WISHLIST_ITEMS = 200;

export const accountProfile = customer.extend({
  /** EU size preselected on product pages; null until the shopper saves one. */
  savedSizeEu: z.number().nullable(),
});
export type AccountProfile = z.infer<typeof accountProfile>;

export const savedSizeBody = z.strictObject({ sizeEu: euSizeSchema.nullable() });

export const accountAddressBody = cartAddress.extend({
  /** "Home", "Work": how the shopper tells addresses apart. */
  label: z.string().trim().max(40).optional(),
  isDefault: z.boolean().optional(),
});
export const updateAccountAddressBody = accountAddressBody.partial();
export const accountAddress = z.object({
  id: z.uuid(),
  label: z.string().nullable(),
  name: z.string(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string().optional(),
  isDefault: z.boolean(),
  createdAt: z.string(),
});
export type AccountAddress = z.infer<typeof accountAddress>;
export const accountAddressList = z.array(accountAddress);

export const wishlistParams = z.strictObject({
  slug: z
    .string()
    .toLowerCase()
    .max(160)
    .regex(/^[a-z0-9-]+$/, 'Use the product slug'),
});
export const wishlistItem = z.object({
  slug: z.string(),
  name: z.string(),
  priceMinor: z.number().int(),
  currency: z.string(),
  /** False once the product is archived or back to draft: kept, shown as unavailable. */
  available: z.boolean(),
  addedAt: z.string(),
});
export type WishlistItem = z.infer<typeof wishlistItem>;
export const wishlist = z.array(wishlistItem);

/** Everything the shop holds about the shopper, as one JSON document (GDPR article 15). */
export const accountExport = z.object({
  format: z.literal('shoebox.account-export.v1'),
  exportedAt: z.string(),
  account: accountProfile,
  addresses: accountAddressList,
  wishlist,
  orders: z.array(customerOrderDetail),
});
export type AccountExport = z.infer<typeof accountExport>;

/** Erasure asks for the password again: a stolen access token alone cannot delete an account. */
export const accountEraseBody = z.strictObject({ password: z.string().min(1).max(200) });
