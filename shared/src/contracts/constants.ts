/**
 * The contracts' plain values (no zod), so a client can use them without building any schema:
 * the storefront imports these at start, and schemas only when it validates an answer.
 */

/** The request header carrying the cart token. */
export const CART_TOKEN_HEADER = 'x-cart-token';
/** Business limits (422 CART_LIMIT beyond them). */
export const MAX_CART_LINE_UNITS = 10;
export const MAX_CART_LINES = 50;

export const colourFamilies = [
  'black',
  'white',
  'nude',
  'brown',
  'grey',
  'red',
  'pink',
  'blue',
  'green',
  'yellow',
  'metallic',
  'print',
  'multi',
] as const;
export type ColourFamily = (typeof colourFamilies)[number];

export const storeSorts = ['popularity', 'new', 'price_asc', 'price_desc'] as const;
export type StoreSort = (typeof storeSorts)[number];

export const STORE_MAX_PAGE_SIZE = 60;
export const STORE_MAX_FILTER_VALUES = 30;
