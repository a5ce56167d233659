import { normalizeSku } from '@shoebox/shared';
import {
  type AddCartLineBody,
  type CartAddress,
  MAX_CART_LINE_UNITS,
  MAX_CART_LINES,
} from '@shoebox/shared/contracts';
import { type CartCoupon, isSellable, type PricingConfig, priceCart, toCheckoutLine } from './cart.views.ts';
import type { CartRow } from './cart.repo.ts';
import type { CartFieldChange, CartLineState, CartState } from './cart.sql.ts';
import { cartErrors } from './cart.errors.ts';
import { inventoryErrors } from '../inventory/index.ts';

/**
 * Planning a shopper's change to a cart against the state read: the checks (sellable, limits,
 * stock, shipping) and the change to write. Pure but for the variant lookup `planAdd` is given.
 */

const { notSellable, lineLimit } = cartErrors;
export const lineNotFound = cartErrors.lineNotFound;

function requireStock(line: CartLineState, quantity: number): void {
  if (quantity <= line.available) return;
  const { available } = line;
  throw inventoryErrors.notEnoughForCart(line.variantId, quantity, available);
}

/**
 * What one shopper request does to a cart: new field values and/or one line set to a quantity
 * (0 removes it). Planned against the state read, written only if the cart is unchanged since.
 */
export interface CartChange {
  set?: CartFieldChange;
  line?: { detail: CartLineState; quantity: number };
  coupon?: CartCoupon;
}

/** The state a change leads to, for the answer (no read-back). */
export function applyChange(state: CartState, change: CartChange, now: number): CartState {
  const cart: CartRow = { ...state.cart, ...change.set, version: state.cart.version + 1, updatedAt: now };
  const { line } = change;
  if (!line) return { cart, lines: state.lines };
  const others = state.lines.filter((l) => l.variantId !== line.detail.variantId);
  const existing = state.lines.find((l) => l.variantId === line.detail.variantId);
  if (line.quantity === 0) return { cart, lines: others };
  if (existing) {
    return {
      cart,
      lines: state.lines.map((l) => (l === existing ? { ...l, quantity: line.quantity } : l)),
    };
  }
  return { cart, lines: [...others, { ...line.detail, quantity: line.quantity, createdAt: now }] };
}

/** Adds `quantity` more of a variant, checked against the line limits and the stock available. */
export async function planAdd(
  state: CartState,
  body: AddCartLineBody,
  findVariant: (by: { variantId: string } | { sku: string }) => Promise<CartLineState | null>,
): Promise<CartChange> {
  const by =
    body.variantId !== undefined ? { variantId: body.variantId } : { sku: normalizeSku(body.sku ?? '') };
  const existing = state.lines.find((l) =>
    'variantId' in by ? l.variantId === by.variantId : l.sku === by.sku,
  );
  const detail = existing ?? (await findVariant(by));
  if (!detail || !isSellable(detail, state.cart.currency)) throw notSellable(by);
  const quantity = (existing?.quantity ?? 0) + body.quantity;
  if (quantity > MAX_CART_LINE_UNITS) throw lineLimit(detail.variantId, quantity);
  if (!existing && state.lines.length >= MAX_CART_LINES) {
    throw cartErrors.linesLimit();
  }
  requireStock(detail, quantity);
  return { line: { detail, quantity } };
}

export function planQuantity(state: CartState, variantId: string, quantity: number): CartChange {
  const existing = state.lines.find((l) => l.variantId === variantId);
  if (!existing) throw lineNotFound(variantId);
  if (quantity > MAX_CART_LINE_UNITS) throw lineLimit(variantId, quantity);
  if (quantity > existing.quantity) {
    if (!isSellable(existing, state.cart.currency)) throw notSellable({ variantId });
    requireStock(existing, quantity);
  }
  return { line: { detail: existing, quantity } };
}

export function planShipping(
  pricing: PricingConfig,
  state: CartState,
  coupon: CartCoupon,
  body: { address: CartAddress; methodId?: string | null | undefined },
  now: number,
): CartChange {
  const methodId = body.methodId ?? null;
  if (methodId !== null) {
    const lines = state.lines.map((l) => toCheckoutLine(l, state.cart.currency));
    const totals = priceCart(pricing, state.cart, lines, coupon, now, {
      destination: body.address.country,
      shippingMethodId: methodId,
    });
    if (totals.shipping === null) {
      throw cartErrors.shippingUnavailable({
        methodId,
        country: body.address.country,
        available: totals.availableShipping.map((quote) => quote.methodId),
      });
    }
  }
  return { set: { shippingAddress: body.address, shippingMethodId: methodId } };
}
