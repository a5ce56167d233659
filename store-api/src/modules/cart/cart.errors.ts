import { businessRule, conflict, DomainError, notFound } from '@shoebox/shared';
import { MAX_CART_LINE_UNITS, MAX_CART_LINES } from '@shoebox/shared/contracts';

/** Stable error codes of the shopper's cart (and of the cart token checkout reads). */
export const cartErrors = {
  notFound: () =>
    notFound('CART_NOT_FOUND', 'No cart with this token. Start a new cart with POST /store/cart.'),
  converted: () => conflict('CART_CONVERTED', 'An order was placed from this cart; it can no longer change.'),
  busy: () => conflict('CART_BUSY', 'This cart kept changing while we tried to update it; try again.'),
  tokenRequired: () =>
    new DomainError('validation', 'CART_TOKEN_REQUIRED', 'Send the cart token in the X-Cart-Token header.'),
  /** The same, pointing at the header as a field (checkout reads the header itself). */
  tokenHeaderRequired: () =>
    new DomainError('validation', 'CART_TOKEN_REQUIRED', 'Send the cart token in the X-Cart-Token header.', {
      errors: [{ path: 'headers.x-cart-token', message: 'Required', code: 'CART_TOKEN_REQUIRED' }],
    }),
  notSellable: (details: Record<string, unknown>) =>
    businessRule(
      'VARIANT_NOT_SELLABLE',
      'This shoe is not for sale (unknown, inactive or withdrawn).',
      details,
    ),
  /** At checkout: lines whose shoe was withdrawn since it was added. */
  linesNotSellable: (skus: readonly string[]) =>
    businessRule('VARIANT_NOT_SELLABLE', `${skus.join(', ')} can no longer be bought.`, { skus }),
  lineNotFound: (variantId: string) =>
    notFound('CART_LINE_NOT_FOUND', 'This cart has no line for that variant.', { variantId }),
  lineLimit: (variantId: string, requested: number) =>
    businessRule('CART_LIMIT', `At most ${MAX_CART_LINE_UNITS} of one shoe per order.`, {
      limit: MAX_CART_LINE_UNITS,
      kind: 'units_per_line',
      variantId,
      requested,
    }),
  linesLimit: () =>
    businessRule('CART_LIMIT', `A cart holds at most ${MAX_CART_LINES} different shoes.`, {
      limit: MAX_CART_LINES,
      kind: 'lines_per_cart',
    }),
  shippingUnavailable: (details: { methodId: string; country: string; available: string[] }) =>
    businessRule(
      'SHIPPING_METHOD_UNAVAILABLE',
      'This shipping method does not deliver this cart to that address.',
      details,
    ),
};
