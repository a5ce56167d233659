import { createHmac } from 'node:crypto';
import { newId, newToken, normalizeCouponCode } from '@shoebox/shared';
import {
  type AddCartLineBody,
  type CartAddress,
  type CartView,
  type CartWithToken,
  MAX_CART_LINE_UNITS,
  MAX_CART_LINES,
} from '@shoebox/shared/contracts';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config/env.ts';
import { couponErrors } from '../coupons/index.ts';
import type { Db, Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { sha256 } from '../../lib/hash.ts';
import {
  type CartCoupon,
  type CheckoutCart,
  cartView,
  checkoutCart,
  isSellable,
  noCoupon,
  pricingConfig,
} from './cart.views.ts';
import {
  applyChange,
  type CartChange,
  lineNotFound,
  planAdd,
  planQuantity,
  planShipping,
} from './cart-changes.ts';
import { cartJobs } from './cart-jobs.ts';
import { type CartRow, cartRepo } from './cart.repo.ts';
import { type CartState, cartSql } from './cart.sql.ts';

export type { CartRow, CouponRow } from './cart.repo.ts';
export {
  type CheckoutCart,
  type CheckoutCartLine,
  couponFromRow,
  type PricingConfig,
  pricingConfig,
} from './cart.views.ts';
import { cartErrors } from './cart.errors.ts';

export { ABANDONED_REMINDER_AFTER_MS, PRUNE_AFTER_MS } from './cart-jobs.ts';
/** Optimistic writes retry this often when other requests keep changing the same cart. */
const MAX_CHANGE_ATTEMPTS = 20;

const tokenPattern = /^ct_[A-Za-z0-9_-]{32}$/;
const { notFound: cartNotFound, converted: cartConverted } = cartErrors;
export function createCartService(
  store: Store,
  config: Pick<Config, 'shopCountry' | 'shopCurrency' | 'jwtSecret'>,
) {
  const repo = cartRepo(store);
  const q = cartSql(store);
  const pricing = pricingConfig(config);

  /** Guest carts: random. Customer carts: derived from the cart id, so every device gets the same one. */
  const guestToken = () => `ct_${newToken(24)}`;
  const customerToken = (cartId: string) =>
    `ct_${createHmac('sha256', config.jwtSecret).update(`cart:${cartId}`).digest('base64url').slice(0, 32)}`;

  /** The token's hash, or 400 (none sent) / 404 (not one of ours). */
  function tokenHashOf(token: string | undefined): string {
    if (token === undefined || token.trim() === '') {
      throw cartErrors.tokenRequired();
    }
    if (!tokenPattern.test(token)) throw cartNotFound();
    return sha256(token);
  }

  /** The cart behind a token, any status but abandoned (merged or pruned carts are gone for their holder). */
  async function readByToken(db: Db, token: string | undefined): Promise<CartState> {
    const state = await q.read(db, { tokenHash: tokenHashOf(token) });
    if (!state || state.cart.status === 'abandoned') throw cartNotFound();
    return state;
  }

  async function readOpen(token: string | undefined): Promise<CartState> {
    const state = await readByToken(store.db, token);
    if (state.cart.status === 'converted') throw cartConverted();
    return state;
  }

  async function couponFor(db: Db, cart: CartRow): Promise<CartCoupon> {
    if (!cart.couponCode) return noCoupon;
    const row = await repo.couponByCode(db, cart.couponCode);
    if (!row?.active) return noCoupon;
    const byCustomer = cart.customerId ? await repo.customerRedemptions(db, row.id, cart.customerId) : 0;
    return { row, byCustomer };
  }

  async function present(state: CartState, now: number): Promise<CartView> {
    return cartView(pricing, state, await couponFor(store.db, state.cart), now);
  }

  async function presentById(cartId: string, now: number): Promise<CartView> {
    const state = await q.read(store.db, { id: cartId });
    if (!state) throw cartNotFound();
    return present(state, now);
  }

  /**
   * Every shopper change to a cart: read it (one statement), plan the change against what was
   * read, then write it only if the cart is still open at the version read (optimistic, so a
   * field change is one UPDATE and a line change one short transaction). When another request
   * changed the cart in between, the change is planned again on fresh state.
   */
  async function change(
    ctx: RequestContext,
    token: string | undefined,
    plan: (state: CartState, coupon: CartCoupon) => Promise<CartChange> | CartChange,
  ): Promise<CartView> {
    for (let attempt = 0; attempt < MAX_CHANGE_ATTEMPTS; attempt++) {
      const state = await readOpen(token);
      const coupon = await couponFor(store.db, state.cart);
      const planned = await plan(state, coupon);
      if (await write(state, planned, ctx.now))
        return cartView(pricing, applyChange(state, planned, ctx.now), planned.coupon ?? coupon, ctx.now);
    }
    throw cartErrors.busy();
  }

  async function write(state: CartState, planned: CartChange, now: number): Promise<boolean> {
    const { cart } = state;
    const { line } = planned;
    if (!line) return store.write((db) => q.bump(db, cart, now, planned.set));
    const exists = state.lines.some((l) => l.variantId === line.detail.variantId);
    return store.tx(async (tx) => {
      if (!(await q.bump(tx, cart, now, planned.set))) return false;
      const { variantId } = line.detail;
      if (line.quantity === 0) await q.deleteLine(tx, cart.id, variantId);
      else if (exists) await q.setLineQuantity(tx, cart.id, variantId, line.quantity, now);
      else await q.insertLine(tx, cart.id, variantId, line.quantity, now);
      return true;
    });
  }

  const newCartRow = (now: number, tokenHash: string, extra: Partial<CartRow> = {}): CartRow => ({
    id: newId(),
    tokenHash,
    customerId: null,
    email: null,
    currency: config.shopCurrency,
    couponCode: null,
    shippingAddress: null,
    shippingMethodId: null,
    status: 'open',
    version: 1,
    reminderSentAt: null,
    createdAt: now,
    updatedAt: now,
    ...extra,
  });

  /**
   * The customer's open cart, created (with the customer's email) when they have none. The
   * customer row is locked first (a no-op update; SQLite's single writer serialises anyway), so two
   * first requests from two devices at once find one cart instead of making two.
   */
  async function openCustomerCart(tx: Db, customerId: string, now: number): Promise<CartRow> {
    await repo.lockCustomer(tx, customerId);
    const existing = await repo.openCartOf(tx, customerId);
    if (existing) return existing;
    const [customer] = await tx
      .select({ email: store.t.customers.email })
      .from(store.t.customers)
      .where(eq(store.t.customers.id, customerId))
      .limit(1);
    const id = newId();
    const row = newCartRow(now, sha256(customerToken(id)), {
      id,
      customerId,
      email: customer?.email ?? null,
    });
    await repo.insertCart(tx, row);
    return row;
  }

  const customerIdOf = (ctx: RequestContext): string => {
    if (ctx.actor.type !== 'customer') throw new Error('unreachable: access is customer');
    return ctx.actor.id;
  };

  /** The customer's open cart (created when none) and its token. */
  async function mine(ctx: RequestContext): Promise<CartWithToken> {
    const customerId = customerIdOf(ctx);
    const cart =
      (await repo.openCartOf(store.db, customerId)) ??
      (await store.tx((tx) => openCustomerCart(tx, customerId, ctx.now)));
    return { token: customerToken(cart.id), cart: await presentById(cart.id, ctx.now) };
  }

  return {
    pricing,

    // ---- for checkout (agreed interface) ----

    /** The cart, its priced lines and its coupon; 404 CART_NOT_FOUND for an unknown token. Converted carts come back too. */
    async forCheckout(db: Db, cartToken: string, now: number): Promise<CheckoutCart> {
      const state = await readByToken(db, cartToken);
      return checkoutCart(pricing, state, await couponFor(db, state.cart), now);
    },

    /**
     * Inside the order's transaction: open -> converted first (on MySQL that also locks the cart,
     * so a concurrent submit of the same cart waits for this one), then the cart as priced now.
     * `claimed` is false when the cart was not open (converted already: the caller finds the
     * order made from it). The caller's rollback reopens the cart when the order is refused.
     */
    async claimForCheckout(
      tx: Db,
      cartToken: string,
      now: number,
    ): Promise<{ claimed: boolean; checkout: CheckoutCart }> {
      const tokenHash = tokenHashOf(cartToken);
      const claimed = await repo.convertByTokenHash(tx, tokenHash, now);
      const state = await q.read(tx, { tokenHash }, { withStock: false });
      if (!state || state.cart.status === 'abandoned') throw cartNotFound();
      return { claimed, checkout: checkoutCart(pricing, state, await couponFor(tx, state.cart), now) };
    },

    /** open -> converted inside the order's transaction; false when the cart was not open. */
    async markConverted(tx: Db, cartId: string, now: number): Promise<boolean> {
      return repo.setStatus(tx, cartId, 'open', 'converted', now);
    },

    /**
     * converted -> open again, with a new version, inside the transaction that cancels the order
     * made from it (the payment could not start): the shopper's retry places a fresh order.
     */
    async reopen(tx: Db, cartId: string, now: number): Promise<boolean> {
      return repo.reopenConverted(tx, cartId, now);
    },

    // ---- store routes ----

    async create(ctx: RequestContext): Promise<CartWithToken> {
      const token = guestToken();
      const row = newCartRow(ctx.now, sha256(token));
      await store.write((db) => q.insertCart(db, row));
      return { token, cart: cartView(pricing, { cart: row, lines: [] }, noCoupon, ctx.now) };
    },

    async get(ctx: RequestContext, token: string | undefined): Promise<CartView> {
      return present(await readByToken(store.db, token), ctx.now);
    },

    addLine(ctx: RequestContext, token: string | undefined, body: AddCartLineBody): Promise<CartView> {
      return change(ctx, token, (state) => planAdd(state, body, (by) => q.variant(store.db, by)));
    },

    setLineQuantity(
      ctx: RequestContext,
      token: string | undefined,
      variantId: string,
      quantity: number,
    ): Promise<CartView> {
      return change(ctx, token, (state) => planQuantity(state, variantId, quantity));
    },

    removeLine(ctx: RequestContext, token: string | undefined, variantId: string): Promise<CartView> {
      return change(ctx, token, (state) => {
        const existing = state.lines.find((l) => l.variantId === variantId);
        if (!existing) throw lineNotFound(variantId);
        return { line: { detail: existing, quantity: 0 } };
      });
    },

    applyCoupon(ctx: RequestContext, token: string | undefined, code: string): Promise<CartView> {
      return change(ctx, token, async (state) => {
        const normalized = normalizeCouponCode(code);
        const row = await repo.couponByCode(store.db, normalized);
        if (!row?.active) {
          throw couponErrors.unknownCode(normalized);
        }
        const coupon = await couponFor(store.db, { ...state.cart, couponCode: row.code });
        return { set: { couponCode: row.code }, coupon };
      });
    },

    removeCoupon(ctx: RequestContext, token: string | undefined): Promise<CartView> {
      return change(ctx, token, () => ({ set: { couponCode: null }, coupon: noCoupon }));
    },

    setShipping(
      ctx: RequestContext,
      token: string | undefined,
      body: { address: CartAddress; methodId?: string | null | undefined },
    ): Promise<CartView> {
      return change(ctx, token, (state, coupon) => planShipping(pricing, state, coupon, body, ctx.now));
    },

    setContact(ctx: RequestContext, token: string | undefined, email: string): Promise<CartView> {
      return change(ctx, token, () => ({ set: { email } }));
    },

    // ---- customer carts ----

    mine,

    /**
     * Folds a guest cart into the customer's open cart: quantities summed, capped by stock and the
     * per-line limit; lines past the line limit and unsellable lines are dropped. The guest cart
     * becomes abandoned, so its token stops working.
     */
    async merge(ctx: RequestContext, guestToken: string | undefined): Promise<CartWithToken> {
      const customerId = customerIdOf(ctx);
      const guest = (await readByToken(store.db, guestToken)).cart;
      if (guest.customerId === customerId) return mine(ctx);
      if (guest.customerId !== null) throw cartNotFound();
      const target = await store.tx(async (tx) => {
        const own = await openCustomerCart(tx, customerId, ctx.now);
        if (!(await repo.setStatus(tx, guest.id, 'open', 'abandoned', ctx.now))) {
          const current = await repo.byId(tx, guest.id);
          throw current?.status === 'converted' ? cartConverted() : cartNotFound();
        }
        if (!(await repo.touchCart(tx, own.id, ctx.now))) throw cartNotFound();
        const guestLines = (await q.read(tx, { id: guest.id }))?.lines ?? [];
        const ownLines = (await q.read(tx, { id: own.id }))?.lines ?? [];
        let lineCount = ownLines.length;
        for (const g of guestLines) {
          if (!isSellable(g, own.currency)) continue;
          const existing = ownLines.find((l) => l.variantId === g.variantId);
          const cap = Math.min(MAX_CART_LINE_UNITS, g.available);
          const quantity = Math.min(cap, (existing?.quantity ?? 0) + g.quantity);
          if (existing) {
            if (quantity > existing.quantity)
              await repo.setLineQuantity(tx, own.id, g.variantId, quantity, ctx.now);
          } else if (quantity > 0 && lineCount < MAX_CART_LINES) {
            await repo.insertLine(tx, {
              cartId: own.id,
              variantId: g.variantId,
              quantity,
              createdAt: ctx.now,
              updatedAt: ctx.now,
            });
            lineCount++;
          }
        }
        await repo.updateCart(tx, own.id, {
          couponCode: own.couponCode ?? guest.couponCode,
          email: own.email ?? guest.email,
          shippingAddress: own.shippingAddress ?? guest.shippingAddress,
          shippingMethodId: own.shippingAddress ? own.shippingMethodId : guest.shippingMethodId,
        });
        return own;
      });
      return { token: customerToken(target.id), cart: await presentById(target.id, ctx.now) };
    },

    // ---- jobs ----

    ...cartJobs(store),
  };
}

export type CartService = ReturnType<typeof createCartService>;
