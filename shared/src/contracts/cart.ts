import { z } from 'zod';
import { currencySchema } from '../money.ts';
import { email } from './common.ts';

/**
 * Store cart API. A cart is identified by the opaque token in the `X-Cart-Token` header (never in
 * a URL): `POST /store/cart` makes a guest cart and returns its token once; a signed-in customer
 * gets theirs from `GET /store/cart/mine` and folds a guest cart in with `POST /store/cart/merge`.
 */

import { CART_TOKEN_HEADER } from './constants.ts';

export { CART_TOKEN_HEADER, MAX_CART_LINE_UNITS, MAX_CART_LINES } from './constants.ts';
/** The headers of a cart or checkout call (documented on those routes; the handlers read them). */
export const cartTokenHeaders = z.object({
  [CART_TOKEN_HEADER]: z
    .string()
    .describe('The cart token returned once by `POST /store/cart` (never put in a URL).'),
});

/** Whole units (a fraction answers field code NOT_INTEGER); the 10-per-line limit has its own code. */
const units = (min: number) => z.number().int('must be a whole number').min(min).max(100_000);

export const addCartLineBody = z
  .strictObject({
    variantId: z.uuid().optional(),
    sku: z.string().trim().min(1).max(64).optional(),
    quantity: units(1),
  })
  .refine((b) => (b.variantId === undefined) !== (b.sku === undefined), {
    message: 'give exactly one of variantId or sku',
    path: ['variantId'],
    params: { code: 'VARIANT_OR_SKU_REQUIRED' },
  });
export type AddCartLineBody = z.output<typeof addCartLineBody>;

/** 0 removes the line. */
export const setCartLineQuantityBody = z.strictObject({ quantity: units(0) });
export const cartLineParams = z.strictObject({ variantId: z.uuid() });

export const couponCodeBody = z.strictObject({ code: z.string().trim().min(1).max(64) });

const text = (max: number) => z.string().trim().min(1).max(max);
export const cartAddress = z.strictObject({
  name: text(120),
  line1: text(200),
  line2: z.string().trim().max(200).optional(),
  city: text(120),
  postalCode: text(20),
  /** ISO 3166-1 alpha-2; any case accepted, stored upper-case. */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code, e.g. IE'),
  phone: z.string().trim().min(3).max(40).optional(),
});
export type CartAddress = z.output<typeof cartAddress>;

export const setCartShippingBody = z.strictObject({
  address: cartAddress,
  methodId: z.string().trim().min(1).max(64).nullish(),
});
export const setCartContactBody = z.strictObject({ email });

// ---- responses ----

const quote = z.object({
  methodId: z.string(),
  name: z.string(),
  service: z.string(),
  zone: z.string(),
  currency: currencySchema,
  etaDays: z.object({ min: z.number(), max: z.number() }),
  priceMinor: z.number().int(),
  tablePriceMinor: z.number().int(),
  freeOverMinor: z.number().int().nullable(),
});

/** The shared `CartTotals` (computeCartTotals), as sent. */
export const cartTotalsSchema = z.object({
  currency: currencySchema,
  lines: z.array(
    z.object({
      variantId: z.string(),
      sku: z.string(),
      quantity: z.number().int(),
      unitPriceMinor: z.number().int(),
      lineSubtotalMinor: z.number().int(),
      discountMinor: z.number().int(),
      lineTotalMinor: z.number().int(),
      taxMinor: z.number().int(),
    }),
  ),
  subtotalMinor: z.number().int(),
  discountMinor: z.number().int(),
  shippingMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  taxCountry: z.string(),
  taxRateBasisPoints: z.number().int(),
  weightGrams: z.number().int(),
  coupon: z
    .object({
      code: z.string(),
      applied: z.boolean(),
      reason: z.string().optional(),
      shortByMinor: z.number().int().optional(),
      freeShipping: z.boolean(),
    })
    .nullable(),
  shipping: quote.nullable(),
  shippingIssue: z.string().nullable(),
  availableShipping: z.array(quote),
});

export const cartLineView = z.object({
  variantId: z.uuid(),
  productId: z.uuid(),
  sku: z.string(),
  productName: z.string(),
  colourName: z.string(),
  sizeEu: z.number(),
  width: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  compareAtMinor: z.number().int().nullable(),
  lineTotalMinor: z.number().int(),
  /** Units available now across all locations. */
  available: z.number().int(),
  /** Product and variant are active: the line can be bought. */
  sellable: z.boolean(),
});

export const cartView = z.object({
  id: z.uuid(),
  /** open | converted (an order was placed from it). */
  status: z.string(),
  currency: currencySchema,
  email: z.string().nullable(),
  customerId: z.string().nullable(),
  lines: z.array(cartLineView),
  totals: cartTotalsSchema,
  couponCode: z.string().nullable(),
  shippingAddress: cartAddress.nullable(),
  shippingMethodId: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CartView = z.output<typeof cartView>;

export const cartWithToken = z.object({ token: z.string(), cart: cartView });
export type CartWithToken = z.output<typeof cartWithToken>;
