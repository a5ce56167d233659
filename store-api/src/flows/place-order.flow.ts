import { isDomainError, newId } from '@shoebox/shared';
import type { CheckoutResult } from '@shoebox/shared/contracts';
import { uniqueViolation } from '../db/client.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../lib/request-context.ts';
import type { CreatedIntent } from '../integrations/payments/index.ts';
import { recordWhatHappened } from '../lib/what-happened.ts';
import { iso } from '../lib/time.ts';
import { redeemCoupon } from '../modules/coupons/index.ts';
import {
  changeOrder,
  createOrder,
  findOrder,
  findOrderOfCart,
  newOrderNumber,
  type OrderLineRow,
  type OrderRow,
} from '../modules/orders/index.ts';
import type { CheckoutCart, FlowDeps } from './deps.ts';
import { cancelReservedOrder } from './steps/release-reservation.ts';
import { checkoutErrors } from '../modules/checkout/index.ts';
import { cartErrors } from '../modules/cart/index.ts';
import { inventoryErrors } from '../modules/inventory/index.ts';

/**
 * Checkout (architecture.md, flows): two steps with a compensation for the second.
 *
 * 1. One transaction: claim the cart (open -> converted, which on MySQL locks it), validate it,
 *    insert the order (pending_payment) with frozen lines, reserve every line (conditional updates
 *    through the inventory ledger), redeem the coupon (conditional update against its total
 *    limit), record the timeline and domain events. Any refusal throws and the transaction writes
 *    nothing (the cart is open again).
 *    Idempotent: a double submit (even a concurrent one) finds the cart converted and answers with
 *    the order made from it; the order's unique checkout_key `<cartId>:<version>` backs that up.
 * 2. Outside any transaction: create the payment intent with the key `order:<id>:intent`
 *    (a retry gets the same intent). If that fails, compensate in a transaction: release the
 *    reservation, give the coupon back, cancel the order, reopen the cart (with a new version,
 *    so the shopper's retry makes a fresh order); then answer 502.
 *
 * A process that dies between the steps leaves a pending_payment order holding its reservation
 * until `reservation_expires_at`; the expiry job releases it (or a retried checkout picks it up).
 */

export interface PlacedOrder {
  /** 201 for a new order, 200 when a double submit found the first one. */
  created: boolean;
  order: OrderRow;
}

/** Step 1: the order and its reservation, in one transaction. Exported for the crash-safety test. */
export async function placeOrderStep1(
  deps: FlowDeps,
  ctx: RequestContext,
  cartToken: string,
): Promise<PlacedOrder> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.store.tx((tx) => reserveOrder(deps, tx, ctx, cartToken));
    } catch (e) {
      const index = uniqueViolation(e);
      if (index && /checkout_key/.test(index)) {
        // A concurrent submit of the same cart version won; answer with its order.
        const existing = await existingOrderForToken(deps, ctx, cartToken);
        if (existing) return { created: false, order: existing };
      }
      // Two orders drew the same number (1 in 2^40): draw again.
      if (index && /number/.test(index) && attempt < 5) continue;
      throw e;
    }
  }
}

async function existingOrderForToken(deps: FlowDeps, ctx: RequestContext, cartToken: string) {
  const cart = await deps.cart.forCheckout(deps.store.db, cartToken, ctx.now);
  return findByCheckoutKey(deps, deps.store.db, cart);
}

function findByCheckoutKey(deps: FlowDeps, db: Db, c: CheckoutCart): Promise<OrderRow | null> {
  return findOrderOfCart(db, deps.store, c.cart);
}

async function reserveOrder(
  deps: FlowDeps,
  tx: Db,
  ctx: RequestContext,
  cartToken: string,
): Promise<PlacedOrder> {
  // The cart is claimed first: a concurrent submit of the same cart waits on it, then finds this order.
  const { claimed, checkout: c } = await deps.cart.claimForCheckout(tx, cartToken, ctx.now);
  if (!claimed) {
    const existing = await findByCheckoutKey(deps, tx, c);
    if (existing) return { created: false, order: existing };
    throw checkoutErrors.cartNotOpen(c.cart.status);
  }
  const { cart, lines, totals } = c;
  if (lines.length === 0) throw checkoutErrors.cartEmpty();
  if (!cart.email) throw checkoutErrors.emailRequired();
  if (!cart.shippingAddress || !totals.shipping) throw checkoutErrors.shippingRequired(totals.shippingIssue);
  const unsellable = lines.filter((l) => !l.sellable);
  if (unsellable.length > 0) throw cartErrors.linesNotSellable(unsellable.map((l) => l.sku));
  if (totals.coupon && !totals.coupon.applied) throw checkoutErrors.couponNotApplicable(totals.coupon);

  // Reserve where the most is available (a line is served from one location).
  const levels = await deps.inventory.availableByLocation(
    tx,
    lines.map((l) => l.variantId),
  );
  const locationOf = new Map<string, string>();
  for (const l of lines) {
    const best = levels
      .filter((v) => v.variantId === l.variantId)
      .sort((a, b) => b.available - a.available || (a.locationId < b.locationId ? -1 : 1))[0];
    if (!best) throw inventoryErrors.outOfStockAtCheckout(l);
    locationOf.set(l.variantId, best.locationId);
  }

  const orderId = newId();
  const totalsByVariant = new Map(totals.lines.map((t) => [t.variantId, t]));
  const order: OrderRow = {
    id: orderId,
    number: newOrderNumber(),
    checkoutKey: `${cart.id}:${cart.version}`,
    cartId: cart.id,
    customerId: cart.customerId,
    email: cart.email.toLowerCase(),
    status: 'pending_payment',
    currency: totals.currency,
    subtotalMinor: totals.subtotalMinor,
    discountMinor: totals.discountMinor,
    shippingMinor: totals.shippingMinor,
    taxMinor: totals.taxMinor,
    totalMinor: totals.totalMinor,
    refundedMinor: 0,
    refundPendingMinor: 0,
    couponCode: totals.coupon?.applied ? totals.coupon.code : null,
    shippingMethodId: totals.shipping.methodId,
    shippingAddress: cart.shippingAddress,
    paymentProvider: deps.payments.name,
    paymentIntentId: null,
    reservationExpiresAt: ctx.now + deps.settings.reservationTtlMs,
    stockState: 'reserved',
    flagged: false,
    flagReason: null,
    paidAt: null,
    cancelledAt: null,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const orderLines: OrderLineRow[] = lines.map((l) => {
    const t = totalsByVariant.get(l.variantId);
    return {
      id: newId(),
      orderId,
      variantId: l.variantId,
      locationId: locationOf.get(l.variantId)!,
      sku: l.sku,
      productName: l.productName,
      colourName: l.colourName,
      sizeEuTenths: l.sizeEuTenths,
      width: l.width,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      discountMinor: t?.discountMinor ?? 0,
      lineTotalMinor: t?.lineTotalMinor ?? l.unitPriceMinor * l.quantity,
      taxMinor: t?.taxMinor ?? 0,
    };
  });
  // The unique checkout_key is the second guard against a double submit (the cart claim is the first).
  await createOrder(deps.store, tx, ctx, order, orderLines, {
    type: 'order.placed',
    message: `Order ${order.number} placed: ${lines.length} line(s), stock reserved until ${iso(order.reservationExpiresAt!)}.`,
    data: {
      totalMinor: order.totalMinor,
      currency: order.currency,
      couponCode: order.couponCode,
      reservations: lines.map((l) => ({
        sku: l.sku,
        quantity: l.quantity,
        locationId: locationOf.get(l.variantId),
      })),
    },
    // The shopper placed it (a guest has no id).
    actorType: ctx.actor.type === 'customer' ? 'customer' : 'guest',
    actorId: ctx.actor.type === 'customer' ? ctx.actor.id : null,
  });
  await deps.inventory.applyMovements(
    tx,
    ctx,
    lines.map((l) => ({
      kind: 'reserve' as const,
      variantId: l.variantId,
      locationId: locationOf.get(l.variantId)!,
      quantity: l.quantity,
      reference: orderId,
      reason: 'checkout',
    })),
  );

  if (order.couponCode && c.coupon) {
    const use = { couponId: c.coupon.id, orderId, customerId: cart.customerId, email: order.email };
    if (!(await redeemCoupon(deps.store, tx, use, ctx.now)))
      throw checkoutErrors.couponUsedUp(order.couponCode);
  }

  await recordWhatHappened(deps.store, tx, ctx, {
    events: [
      {
        type: 'order.placed',
        aggregateId: orderId,
        data: {
          orderNumber: order.number,
          customerId: order.customerId,
          totalMinor: order.totalMinor,
          currency: order.currency,
          couponCode: order.couponCode,
          lines: lines.map((l) => ({
            variantId: l.variantId,
            productId: l.productId,
            sku: l.sku,
            quantity: l.quantity,
            unitPriceMinor: l.unitPriceMinor,
          })),
        },
      },
    ],
  });
  return { created: true, order };
}

/** Step 2 (no transaction open): the payment intent, with compensation when the provider fails. */
export async function placeOrderStep2(
  deps: FlowDeps,
  ctx: RequestContext,
  order: OrderRow,
): Promise<CreatedIntent> {
  let intent: CreatedIntent;
  try {
    intent = await deps.payments.createIntent(
      {
        orderId: order.id,
        amountMinor: order.totalMinor,
        currency: order.currency as 'EUR',
        customerEmail: order.email,
        metadata: { orderNumber: order.number },
      },
      `order:${order.id}:intent`,
    );
  } catch (error) {
    await compensateIntentFailure(deps, ctx, order, error);
    throw error;
  }
  if (order.paymentIntentId !== intent.intentId) {
    await deps.store.write((db) =>
      changeOrder(deps.store, db, ctx, order.id, {
        set: { paymentIntentId: intent.intentId },
        expect: { noPaymentIntent: true },
      }),
    );
  }
  return intent;
}

async function compensateIntentFailure(
  deps: FlowDeps,
  ctx: RequestContext,
  order: OrderRow,
  error: unknown,
): Promise<void> {
  const code = isDomainError(error) ? error.code : 'PAYMENT_PROVIDER_ERROR';
  ctx.log.warn({ orderId: order.id, code }, 'checkout: payment intent failed; cancelling the order');
  await deps.store.tx(async (tx) => {
    const current = await findOrder(tx, deps.store, order.id);
    if (current?.status !== 'pending_payment') return;
    const cancelled = await cancelReservedOrder(deps, tx, ctx, current, {
      type: 'payment.intent_failed',
      message: `The payment provider could not start the payment (${code}); the order was cancelled and its stock released.`,
      data: { code },
    });
    if (!cancelled || !current.cartId) return;
    // Back to the shopper, with a new version so that their retry places a fresh order.
    await deps.cart.reopen(tx, current.cartId, ctx.now);
  });
}

/** The whole checkout: step 1, then step 2 unless the order has moved on. */
export async function placeOrder(
  deps: FlowDeps,
  ctx: RequestContext,
  cartToken: string,
): Promise<{ created: boolean; result: CheckoutResult }> {
  const { created, order } = await placeOrderStep1(deps, ctx, cartToken);
  let payment: CheckoutResult['payment'] = null;
  if (order.status === 'pending_payment') {
    // A double submit gets the same intent back from the provider (same idempotency key).
    const intent = await placeOrderStep2(deps, ctx, order);
    payment = { provider: deps.payments.name, intentId: intent.intentId, clientSecret: intent.clientSecret };
  }
  const current = created ? order : ((await findOrder(deps.store.db, deps.store, order.id)) ?? order);
  return {
    created,
    result: {
      orderId: current.id,
      orderNumber: current.number,
      status: current.status,
      totalMinor: current.totalMinor,
      currency: current.currency,
      payment,
      reservationExpiresAt: current.reservationExpiresAt === null ? null : iso(current.reservationExpiresAt),
    },
  };
}
