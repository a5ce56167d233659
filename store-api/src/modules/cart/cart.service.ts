import { createHmac } from 'node:crypto';
import {
  businessRule,
  type CartLineInput,
  type CartPricingInput,
  type CartTotals,
  type Coupon,
  type Currency,
  computeCartTotals,
  conflict,
  DomainError,
  defaultTaxRates,
  houseCarrierMethods,
  newId,
  newToken,
  normalizeCouponCode,
  normalizeSku,
  notFound,
  type ShippingMethod,
  type TaxRates,
} from '@shoebox/shared';
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
import type { Db, Store } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { sha256 } from '../../lib/hash.ts';
import { iso } from '../../lib/time.ts';
import { enqueue } from '../notifications/index.ts';
import { type CartLineDetail, type CartRow, type CouponRow, cartRepo } from './cart.repo.ts';

export type { CartRow, CouponRow } from './cart.repo.ts';

/** The shipping, tax and origin settings every cart is priced with; checkout uses the same. */
export interface PricingConfig {
  shippingMethods: readonly ShippingMethod[];
  taxRates: TaxRates;
  defaultCountry: string;
}

export const pricingConfig = (config: Pick<Config, 'shopCountry'>): PricingConfig => ({
  shippingMethods: houseCarrierMethods,
  taxRates: defaultTaxRates,
  defaultCountry: config.shopCountry,
});

export interface CheckoutCartLine {
  variantId: string;
  productId: string;
  sku: string;
  productName: string;
  colourName: string;
  sizeEuTenths: number;
  width: string;
  quantity: number;
  /** variant.priceMinor ?? product.basePriceMinor, VAT included. */
  unitPriceMinor: number;
  compareAtMinor: number | null;
  weightGrams: number;
  /** Product active and variant active (and priced in the cart's currency). */
  sellable: boolean;
}

/**
 * A cart as checkout sees it. `totals.lines[i]` prices `lines[i]` (every line, sellable or not:
 * checkout refuses a cart with an unsellable line). `coupon` is the active coupon row named by the
 * cart, or null (none, unknown or deactivated since).
 */
export interface CheckoutCart {
  cart: CartRow;
  lines: CheckoutCartLine[];
  totals: CartTotals;
  coupon: CouponRow | null;
}

/** The shared `Coupon` a coupon row stands for. */
export const couponFromRow = (row: CouponRow): Coupon => ({
  code: row.code,
  kind: row.kind as Coupon['kind'],
  percentBasisPoints: row.percentBasisPoints,
  amountMinor: row.amountMinor,
  currency: row.currency as Coupon['currency'],
  minimumSpendMinor: row.minimumSpendMinor,
  startsAt: row.startsAt,
  endsAt: row.endsAt,
  usageLimitTotal: row.usageLimitTotal,
  usageLimitPerCustomer: row.usageLimitPerCustomer,
  freeShipping: row.freeShipping,
});

export const ABANDONED_REMINDER_AFTER_MS = 2 * 60 * 60 * 1000;
export const PRUNE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

const tokenPattern = /^ct_[A-Za-z0-9_-]{32}$/;
const cartNotFound = () =>
  notFound('CART_NOT_FOUND', 'No cart with this token. Start a new cart with POST /store/cart.');
const cartConverted = () =>
  conflict('CART_CONVERTED', 'An order was placed from this cart; it can no longer change.');
const notSellable = (details: Record<string, unknown>) =>
  businessRule(
    'VARIANT_NOT_SELLABLE',
    'This shoe is not for sale (unknown, inactive or withdrawn).',
    details,
  );
const lineNotFound = (variantId: string) =>
  notFound('CART_LINE_NOT_FOUND', 'This cart has no line for that variant.', { variantId });

export function createCartService(
  store: Store,
  config: Pick<Config, 'shopCountry' | 'shopCurrency' | 'jwtSecret'>,
) {
  const repo = cartRepo(store);
  const pricing = pricingConfig(config);

  /** Guest carts: random. Customer carts: derived from the cart id, so every device gets the same one. */
  const guestToken = () => `ct_${newToken(24)}`;
  const customerToken = (cartId: string) =>
    `ct_${createHmac('sha256', config.jwtSecret).update(`cart:${cartId}`).digest('base64url').slice(0, 32)}`;

  const sellable = (
    d: { productStatus: string; variantActive: boolean; productCurrency: string },
    currency: string,
  ) => d.productStatus === 'active' && d.variantActive && d.productCurrency === currency;

  /** The token of a request, or 400/404. Abandoned (merged, pruned) carts are gone for their holder. */
  async function resolve(db: Db, token: string | undefined): Promise<CartRow> {
    if (token === undefined || token.trim() === '') {
      throw new DomainError(
        'validation',
        'CART_TOKEN_REQUIRED',
        'Send the cart token in the X-Cart-Token header.',
      );
    }
    if (!tokenPattern.test(token)) throw cartNotFound();
    const cart = await repo.byTokenHash(db, sha256(token));
    if (!cart || cart.status === 'abandoned') throw cartNotFound();
    return cart;
  }

  async function couponFor(db: Db, cart: CartRow): Promise<{ row: CouponRow | null; byCustomer: number }> {
    if (!cart.couponCode) return { row: null, byCustomer: 0 };
    const row = await repo.couponByCode(db, cart.couponCode);
    if (!row?.active) return { row: null, byCustomer: 0 };
    const byCustomer = cart.customerId ? await repo.customerRedemptions(db, row.id, cart.customerId) : 0;
    return { row, byCustomer };
  }

  function pricingInput(
    cart: CartRow,
    lines: readonly CheckoutCartLine[],
    coupon: { row: CouponRow | null; byCustomer: number },
    now: number,
    override: { destination?: string | null; shippingMethodId?: string | null } = {},
  ): CartPricingInput {
    const country =
      override.destination !== undefined ? override.destination : (cart.shippingAddress?.country ?? null);
    return {
      lines: lines.map(
        (l): CartLineInput => ({
          variantId: l.variantId,
          sku: l.sku,
          quantity: l.quantity,
          unitPriceMinor: l.unitPriceMinor,
          compareAtMinor: l.compareAtMinor,
          weightGrams: l.weightGrams,
        }),
      ),
      currency: cart.currency as Currency,
      coupon: coupon.row ? couponFromRow(coupon.row) : null,
      couponUsage: coupon.row ? { total: coupon.row.timesUsed, byCustomer: coupon.byCustomer } : null,
      customerId: cart.customerId,
      destination: country ? { country } : null,
      shippingMethodId:
        override.shippingMethodId !== undefined ? override.shippingMethodId : cart.shippingMethodId,
      ...pricing,
      now,
    };
  }

  const toLine = (d: CartLineDetail, currency: string): CheckoutCartLine => ({
    variantId: d.variantId,
    productId: d.productId,
    sku: d.sku,
    productName: d.productName,
    colourName: d.colourName,
    sizeEuTenths: d.sizeEuTenths,
    width: d.width,
    quantity: d.quantity,
    unitPriceMinor: d.priceMinor ?? d.basePriceMinor,
    compareAtMinor: d.compareAtMinor,
    weightGrams: d.weightGrams,
    sellable: sellable(d, currency),
  });

  async function load(db: Db, cart: CartRow, now: number): Promise<CheckoutCart> {
    const lines = (await repo.lineDetails(db, cart.id)).map((d) => toLine(d, cart.currency));
    const coupon = await couponFor(db, cart);
    const totals = computeCartTotals(pricingInput(cart, lines, coupon, now));
    return { cart, lines, totals, coupon: coupon.row };
  }

  async function view(db: Db, cartId: string, now: number): Promise<CartView> {
    const cart = await repo.byId(db, cartId);
    if (!cart) throw cartNotFound();
    const loaded = await load(db, cart, now);
    const available = await repo.availability(
      db,
      loaded.lines.map((l) => l.variantId),
    );
    return {
      id: cart.id,
      status: cart.status,
      currency: cart.currency as Currency,
      email: cart.email,
      customerId: cart.customerId,
      lines: loaded.lines.map((l, i) => ({
        variantId: l.variantId,
        productId: l.productId,
        sku: l.sku,
        productName: l.productName,
        colourName: l.colourName,
        sizeEu: l.sizeEuTenths / 10,
        width: l.width,
        quantity: l.quantity,
        unitPriceMinor: l.unitPriceMinor,
        compareAtMinor: l.compareAtMinor,
        lineTotalMinor: loaded.totals.lines[i]!.lineTotalMinor,
        available: available.get(l.variantId) ?? 0,
        sellable: l.sellable,
      })),
      totals: loaded.totals as CartView['totals'],
      couponCode: cart.couponCode,
      shippingAddress: (cart.shippingAddress ?? null) as CartAddress | null,
      shippingMethodId: cart.shippingMethodId,
      version: cart.version,
      updatedAt: iso(cart.updatedAt),
    };
  }

  /** Locks and bumps the open cart (version + 1), then runs `fn`, all in one transaction. */
  async function mutate(
    ctx: RequestContext,
    token: string | undefined,
    fn: (tx: Db, cart: CartRow) => Promise<void>,
  ): Promise<CartView> {
    const found = await resolve(store.db, token);
    await store.tx(async (tx) => {
      if (!(await repo.touchCart(tx, found.id, ctx.now))) {
        const current = await repo.byId(tx, found.id);
        throw current?.status === 'converted' ? cartConverted() : cartNotFound();
      }
      const cart = (await repo.byId(tx, found.id))!;
      await fn(tx, cart);
    });
    return view(store.db, found.id, ctx.now);
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

  async function requireStock(db: Db, variantId: string, quantity: number): Promise<void> {
    const available = (await repo.availability(db, [variantId])).get(variantId) ?? 0;
    if (quantity > available) {
      throw businessRule(
        'INSUFFICIENT_STOCK',
        available === 0 ? 'This size is sold out.' : `Only ${available} left in this size.`,
        { variantId, requested: quantity, available },
      );
    }
  }

  const lineLimit = (variantId: string, requested: number) =>
    businessRule('CART_LIMIT', `At most ${MAX_CART_LINE_UNITS} of one shoe per order.`, {
      limit: MAX_CART_LINE_UNITS,
      kind: 'units_per_line',
      variantId,
      requested,
    });

  /** The customer's open cart, created (with the customer's email) when they have none. */
  async function openCustomerCart(tx: Db, customerId: string, now: number): Promise<CartRow> {
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
    return { token: customerToken(cart.id), cart: await view(store.db, cart.id, ctx.now) };
  }

  return {
    pricing,

    // ---- for checkout (agreed interface) ----

    /** The cart, its priced lines and its coupon; 404 CART_NOT_FOUND for an unknown token. Converted carts come back too. */
    async forCheckout(db: Db, cartToken: string, now: number): Promise<CheckoutCart> {
      return load(db, await resolve(db, cartToken), now);
    },

    /** open -> converted inside the order's transaction; false when the cart was not open. */
    async markConverted(tx: Db, cartId: string, now: number): Promise<boolean> {
      return repo.setStatus(tx, cartId, 'open', 'converted', now);
    },

    // ---- store routes ----

    async create(ctx: RequestContext): Promise<CartWithToken> {
      const token = guestToken();
      const row = newCartRow(ctx.now, sha256(token));
      await store.tx((tx) => repo.insertCart(tx, row));
      return { token, cart: await view(store.db, row.id, ctx.now) };
    },

    async get(ctx: RequestContext, token: string | undefined): Promise<CartView> {
      const cart = await resolve(store.db, token);
      return view(store.db, cart.id, ctx.now);
    },

    addLine(ctx: RequestContext, token: string | undefined, body: AddCartLineBody): Promise<CartView> {
      return mutate(ctx, token, async (tx, cart) => {
        const by =
          body.variantId !== undefined
            ? { variantId: body.variantId }
            : { sku: normalizeSku(body.sku ?? '') };
        const variant = await repo.variantBy(tx, by);
        if (
          !variant ||
          !sellable(
            {
              productStatus: variant.productStatus,
              variantActive: variant.active,
              productCurrency: variant.productCurrency,
            },
            cart.currency,
          )
        ) {
          throw notSellable(by);
        }
        const lines = await repo.lines(tx, cart.id);
        const existing = lines.find((l) => l.variantId === variant.variantId);
        const quantity = (existing?.quantity ?? 0) + body.quantity;
        if (quantity > MAX_CART_LINE_UNITS) throw lineLimit(variant.variantId, quantity);
        if (!existing && lines.length >= MAX_CART_LINES) {
          throw businessRule('CART_LIMIT', `A cart holds at most ${MAX_CART_LINES} different shoes.`, {
            limit: MAX_CART_LINES,
            kind: 'lines_per_cart',
          });
        }
        await requireStock(tx, variant.variantId, quantity);
        if (existing) await repo.setLineQuantity(tx, cart.id, variant.variantId, quantity, ctx.now);
        else
          await repo.insertLine(tx, {
            cartId: cart.id,
            variantId: variant.variantId,
            quantity,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          });
      });
    },

    setLineQuantity(
      ctx: RequestContext,
      token: string | undefined,
      variantId: string,
      quantity: number,
    ): Promise<CartView> {
      return mutate(ctx, token, async (tx, cart) => {
        const existing = (await repo.lines(tx, cart.id)).find((l) => l.variantId === variantId);
        if (!existing) throw lineNotFound(variantId);
        if (quantity === 0) {
          await repo.deleteLine(tx, cart.id, variantId);
          return;
        }
        if (quantity > MAX_CART_LINE_UNITS) throw lineLimit(variantId, quantity);
        if (quantity > existing.quantity) {
          const variant = await repo.variantBy(tx, { variantId });
          if (
            !variant ||
            !sellable(
              {
                productStatus: variant.productStatus,
                variantActive: variant.active,
                productCurrency: variant.productCurrency,
              },
              cart.currency,
            )
          )
            throw notSellable({ variantId });
          await requireStock(tx, variantId, quantity);
        }
        await repo.setLineQuantity(tx, cart.id, variantId, quantity, ctx.now);
      });
    },

    removeLine(ctx: RequestContext, token: string | undefined, variantId: string): Promise<CartView> {
      return mutate(ctx, token, async (tx, cart) => {
        if (!(await repo.deleteLine(tx, cart.id, variantId))) throw lineNotFound(variantId);
      });
    },

    applyCoupon(ctx: RequestContext, token: string | undefined, code: string): Promise<CartView> {
      return mutate(ctx, token, async (tx, cart) => {
        const normalized = normalizeCouponCode(code);
        const row = await repo.couponByCode(tx, normalized);
        if (!row?.active) {
          throw businessRule('COUPON_NOT_FOUND', 'No active coupon with this code.', { code: normalized });
        }
        await repo.updateCart(tx, cart.id, { couponCode: row.code });
      });
    },

    removeCoupon(ctx: RequestContext, token: string | undefined): Promise<CartView> {
      return mutate(ctx, token, (tx, cart) => repo.updateCart(tx, cart.id, { couponCode: null }));
    },

    setShipping(
      ctx: RequestContext,
      token: string | undefined,
      body: { address: CartAddress; methodId?: string | null | undefined },
    ): Promise<CartView> {
      return mutate(ctx, token, async (tx, cart) => {
        const methodId = body.methodId ?? null;
        if (methodId !== null) {
          const lines = (await repo.lineDetails(tx, cart.id)).map((d) => toLine(d, cart.currency));
          const coupon = await couponFor(tx, cart);
          const totals = computeCartTotals(
            pricingInput(cart, lines, coupon, ctx.now, {
              destination: body.address.country,
              shippingMethodId: methodId,
            }),
          );
          if (totals.shipping === null) {
            throw businessRule(
              'SHIPPING_METHOD_UNAVAILABLE',
              'This shipping method does not deliver this cart to that address.',
              {
                methodId,
                country: body.address.country,
                available: totals.availableShipping.map((q) => q.methodId),
              },
            );
          }
        }
        await repo.updateCart(tx, cart.id, { shippingAddress: body.address, shippingMethodId: methodId });
      });
    },

    setContact(ctx: RequestContext, token: string | undefined, email: string): Promise<CartView> {
      return mutate(ctx, token, (tx, cart) => repo.updateCart(tx, cart.id, { email }));
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
      const guest = await resolve(store.db, guestToken);
      if (guest.customerId === customerId) return mine(ctx);
      if (guest.customerId !== null) throw cartNotFound();
      const target = await store.tx(async (tx) => {
        const own = await openCustomerCart(tx, customerId, ctx.now);
        if (!(await repo.setStatus(tx, guest.id, 'open', 'abandoned', ctx.now))) {
          const current = await repo.byId(tx, guest.id);
          throw current?.status === 'converted' ? cartConverted() : cartNotFound();
        }
        if (!(await repo.touchCart(tx, own.id, ctx.now))) throw cartNotFound();
        const guestLines = await repo.lineDetails(tx, guest.id);
        const ownLines = await repo.lines(tx, own.id);
        const available = await repo.availability(
          tx,
          guestLines.map((l) => l.variantId),
        );
        let lineCount = ownLines.length;
        for (const g of guestLines) {
          if (!sellable(g, own.currency)) continue;
          const existing = ownLines.find((l) => l.variantId === g.variantId);
          const cap = Math.min(MAX_CART_LINE_UNITS, available.get(g.variantId) ?? 0);
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
      return { token: customerToken(target.id), cart: await view(store.db, target.id, ctx.now) };
    },

    // ---- jobs ----

    /** Queues one reminder mail per idle open cart with an email and lines; returns how many. */
    async sendAbandonedCartReminders(opts: {
      now: number;
      limit?: number;
      signal?: AbortSignal;
    }): Promise<number> {
      const { now } = opts;
      const candidates = await repo.reminderCandidates(
        store.db,
        now - ABANDONED_REMINDER_AFTER_MS,
        opts.limit ?? 200,
      );
      let sent = 0;
      for (const cart of candidates) {
        if (opts.signal?.aborted) break;
        const loaded = await load(store.db, cart, now);
        const lines = loaded.lines.filter((l) => l.sellable);
        if (lines.length === 0 || !cart.email) continue;
        const queued = await store.tx(async (tx) => {
          if (!(await repo.markReminded(tx, cart.id, cart.updatedAt, now))) return false;
          await enqueue(tx, store, {
            topic: 'mail.abandoned_cart',
            payload: {
              to: cart.email!,
              currency: cart.currency as Currency,
              lines: lines.map((l) => ({
                sku: l.sku,
                name: l.productName,
                colour: l.colourName,
                sizeEu: l.sizeEuTenths / 10,
                quantity: l.quantity,
                unitPriceMinor: l.unitPriceMinor,
              })),
              subtotalMinor: lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0),
            },
            now,
          });
          return true;
        });
        if (queued) sent++;
      }
      return sent;
    },

    /** Deletes open and abandoned carts (and their lines) untouched for 30 days; converted carts stay. */
    async pruneCarts(opts: { now: number; signal?: AbortSignal }): Promise<number> {
      const before = opts.now - PRUNE_AFTER_MS;
      let deleted = 0;
      for (;;) {
        if (opts.signal?.aborted) break;
        const ids = await repo.staleCartIds(store.db, before, 500);
        if (ids.length === 0) break;
        deleted += await store.tx((tx) => repo.deleteCarts(tx, ids, before));
        if (ids.length < 500) break;
      }
      return deleted;
    },
  };
}

export type CartService = ReturnType<typeof createCartService>;
