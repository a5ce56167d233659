/**
 * The shopper's bag: the cart token lives in localStorage (so the bag survives reloads, declined
 * payments and sold-out refusals), the cart itself on the server. Components read it through
 * useCart(); every change goes through the API and replaces the local copy with the answer.
 */
import type { CartView } from '@shoebox/shared/store';
import { useSyncExternalStore } from 'react';
import { api, cartToken, isShoeboxApiError } from '../app/api.ts';
import { pendingOrder } from '../checkout/pending-order.ts';

export interface CartState {
  cart: CartView | null;
  loading: boolean;
}

let state: CartState = { cart: null, loading: false };
const listeners = new Set<() => void>();

function set(next: Partial<CartState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export function useCart(): CartState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
    () => state,
  );
}

export const cartCount = (cart: CartView | null): number =>
  cart ? cart.lines.reduce((n, l) => n + l.quantity, 0) : 0;

const isGone = (e: unknown) => isShoeboxApiError(e) && (e.code === 'CART_NOT_FOUND' || e.status === 401);

/** Loads the bag of the stored token (once per page load unless forced); forgets a token the API no longer knows. */
export async function loadCart(force = false): Promise<CartView | null> {
  if (!cartToken.get()) {
    if (state.cart) set({ cart: null });
    return null;
  }
  if (state.cart && !force) return state.cart;
  set({ loading: true });
  try {
    const cart = await api.store.cart.get();
    // A converted cart is kept only while its order waits for payment in this tab (a declined card).
    if (cart.status !== 'open' && !pendingOrder.get(cart.id)) {
      forgetCart();
      set({ loading: false });
      return null;
    }
    set({ cart, loading: false });
    return cart;
  } catch (e) {
    set({ loading: false });
    if (isGone(e)) {
      cartToken.clear();
      set({ cart: null });
      return null;
    }
    throw e;
  }
}

/** An open cart to change: the stored one, or a new one when there is none or it became an order. */
async function openCart(): Promise<void> {
  const current = await loadCart();
  if (current && current.status === 'open') return;
  const created = await api.store.cart.create();
  cartToken.set(created.token);
  set({ cart: created.cart });
}

/** Runs one change and keeps its answer as the bag. */
async function change(run: () => Promise<CartView>): Promise<CartView> {
  const cart = await run();
  set({ cart });
  return cart;
}

export async function addToCart(sku: string, quantity = 1): Promise<CartView> {
  await openCart();
  return change(() => api.store.cart.addLine({ sku, quantity }));
}

export const setLineQuantity = (variantId: string, quantity: number) =>
  change(() => api.store.cart.setQuantity(variantId, { quantity }));
export const removeLine = (variantId: string) => change(() => api.store.cart.removeLine(variantId));
export const applyCoupon = (code: string) => change(() => api.store.cart.setCoupon({ code }));
export const removeCoupon = () => change(() => api.store.cart.removeCoupon());
export const setContact = (email: string) => change(() => api.store.cart.setContact({ email }));
export const setShipping = (body: Parameters<typeof api.store.cart.setShipping>[0]) =>
  change(() => api.store.cart.setShipping(body));

/** After a paid order: the next visit starts a new bag. */
export function forgetCart(): void {
  cartToken.clear();
  set({ cart: null });
}
