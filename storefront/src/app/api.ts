/** The one API client of the shop: same origin (store-api serves the app, the dev server proxies). */
import { createStoreClient, isShoeboxApiError } from '@shoebox/shared/store';

const CART_KEY = 'shoebox.cart';

export const cartToken = {
  get: (): string | null => localStorage.getItem(CART_KEY),
  set: (token: string) => localStorage.setItem(CART_KEY, token),
  clear: () => localStorage.removeItem(CART_KEY),
};

export const api = createStoreClient({
  baseUrl: location.origin,
  cartToken: () => cartToken.get(),
});

/** A sentence for the shopper from any error the API (or the network) gave. */
export function messageOf(error: unknown): string {
  if (isShoeboxApiError(error)) {
    if (error.status === 0) return 'We could not reach the shop. Check your connection and try again.';
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}

export { isShoeboxApiError };
