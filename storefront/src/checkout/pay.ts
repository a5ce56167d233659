/**
 * Placing and paying the order of the bag. A declined card leaves the order waiting for payment
 * (its stock still reserved), so the retry pays that same order; a size that sold out while the
 * shopper was checking out refuses the order and leaves the bag open and unchanged.
 */
import type { CartView } from '@shoebox/shared/store';
import { api, isShoeboxApiError, messageOf } from '../app/api.ts';
import { forgetCart, loadCart } from '../cart/cart-store.ts';
import { lastOrder, pendingOrder } from './pending-order.ts';

export type PayOutcome =
  | { kind: 'paid'; orderNumber: string }
  | { kind: 'declined'; message: string }
  | { kind: 'sold_out'; message: string }
  | { kind: 'error'; message: string };

const declineMessages: Record<string, string> = {
  card_declined: 'Your card was declined.',
  insufficient_funds: 'Your card was declined: insufficient funds.',
};

export async function payForCart(cart: CartView, cardNumber: string): Promise<PayOutcome> {
  const email = cart.email ?? '';
  let pending = pendingOrder.get(cart.id);
  try {
    if (!pending) {
      const placed = await api.store.checkout.placeOrder();
      if (placed.payment && placed.payment.provider !== 'demo')
        return {
          kind: 'error',
          message: 'This shop takes card payments through Stripe, which this storefront does not offer yet.',
        };
      pending = { orderNumber: placed.orderNumber, email, cartId: cart.id };
      pendingOrder.set(pending);
      await loadCart(true);
    }
    const paid = await api.store.checkout.demoPay({ orderNumber: pending.orderNumber, email, cardNumber });
    if (paid.outcome === 'payment.failed') {
      const reason = declineMessages[paid.failureCode ?? ''] ?? 'The payment did not go through.';
      return {
        kind: 'declined',
        message: `${reason} Nothing was charged and your bag is saved: try another card.`,
      };
    }
    pendingOrder.set(null);
    lastOrder.set(pending);
    forgetCart();
    return { kind: 'paid', orderNumber: pending.orderNumber };
  } catch (e) {
    if (isShoeboxApiError(e) && e.code === 'INSUFFICIENT_STOCK') {
      await loadCart(true);
      const line = cart.lines.find((l) => l.sku === e.details?.sku || l.variantId === e.details?.variantId);
      const what = line ? `${line.productName} in EU ${line.sizeEu}` : 'A size in your bag';
      return {
        kind: 'sold_out',
        message: `Sorry, ${what} sold out while you were checking out. Nothing was charged; the rest of your bag is saved. Change that line in your bag and try again.`,
      };
    }
    if (isShoeboxApiError(e) && e.code === 'ORDER_NOT_PAYABLE') {
      // The reservation lapsed: start over with the bag as it is.
      pendingOrder.set(null);
      await loadCart(true);
    }
    return { kind: 'error', message: messageOf(e) };
  }
}
