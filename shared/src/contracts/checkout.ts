import { z } from 'zod';

/**
 * Checkout and payment confirmation (store side). The checkout is identified by the cart token
 * header `X-Cart-Token`, never by a body: a double submit of the same cart version returns the
 * first order (200) instead of making a second one (201).
 */

export const cartTokenHeader = 'x-cart-token';

export const orderPaymentInfo = z.object({
  provider: z.enum(['stripe', 'demo']),
  intentId: z.string(),
  /** For Stripe's Payment Element or the demo card form; only the customer sees it. */
  clientSecret: z.string(),
});

export const checkoutResult = z.object({
  orderId: z.uuid(),
  orderNumber: z.string(),
  status: z.string(),
  totalMinor: z.number().int(),
  currency: z.string(),
  payment: orderPaymentInfo.nullable(),
  /** ISO time when the stock reservation lapses unless paid. */
  reservationExpiresAt: z.string().nullable(),
});
export type CheckoutResult = z.infer<typeof checkoutResult>;

/** Demo mode only: the storefront's test card form. The card number travels in the body, never in a URL. */
export const demoPayBody = z.strictObject({
  orderNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^SB-[0-9A-HJKMNP-TV-Z]{8}$/, 'must look like SB-7K3M9Q2X'),
  email: z
    .email()
    .max(254)
    .transform((s) => s.trim().toLowerCase()),
  cardNumber: z.string().min(1).max(40),
});
export type DemoPayBody = z.output<typeof demoPayBody>;

export const demoPayResult = z.object({
  orderNumber: z.string(),
  /** The order's status after the payment was handled: paid, or still pending_payment after a decline. */
  status: z.string(),
  outcome: z.enum(['payment.succeeded', 'payment.failed']),
  /** e.g. card_declined, insufficient_funds. */
  failureCode: z.string().nullable(),
});
export type DemoPayResult = z.infer<typeof demoPayResult>;

/** The header Stripe signs a webhook with (documented on the route; the payment provider checks it). */
export const stripeWebhookHeaders = z.object({
  'stripe-signature': z.string().describe("Stripe's signature of the body with the webhook signing secret."),
});

export const webhookReceived = z.object({ received: z.literal(true) });
