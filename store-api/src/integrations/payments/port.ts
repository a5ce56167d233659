import type { Currency } from '@shoebox/shared';
import { paymentErrors } from './payments.errors.ts';

/**
 * The payment port: what the order flows need from a payment provider, in our own vocabulary.
 * Nothing outside `integrations/payments/` sees a Stripe type. Two adapters implement it:
 * `stripe-provider.ts` (PaymentIntents, refunds, signed webhooks) and `demo-provider.ts`
 * (used when no Stripe keys are configured, so `npm start` can take a whole order).
 *
 * Rules for callers (architecture.md):
 * - never call a provider inside `store.tx`: a flow commits its DB step, calls the provider,
 *   then records the outcome in the next transaction (and compensates on failure);
 * - every mutating call takes an idempotency key that is stable across retries of the same
 *   logical step, and different for different steps (Stripe refuses a key reused on another
 *   endpoint or with other parameters). Suggested: `order:<orderId>:intent`,
 *   `order:<orderId>:cancel-intent`, `refund:<our refund row id>`.
 */

export type PaymentProviderName = 'stripe' | 'demo';

/**
 * Our status of a payment intent.
 * - requires_payment: waiting for the customer to pay (or to retry after a decline);
 * - requires_action: the customer must complete a step (3-D Secure) in the browser;
 * - processing: the payment is under way (or authorised and being captured); wait for an event;
 * - succeeded: money taken; canceled: the intent is dead and can never succeed.
 */
export type PaymentIntentStatus =
  | 'requires_payment'
  | 'requires_action'
  | 'processing'
  | 'succeeded'
  | 'canceled';

export type RefundStatus = 'pending' | 'succeeded' | 'failed' | 'canceled';

/** Stripe's refund reasons (the only ones it accepts). Free text belongs in `metadata`. */
export type RefundReason = 'requested_by_customer' | 'duplicate' | 'fraudulent';

export interface CreateIntentInput {
  orderId: string;
  /** Integer minor units, > 0. */
  amountMinor: number;
  currency: Currency;
  /** Kept in the intent's metadata (never sent as Stripe's `receipt_email`: we send our own mails). */
  customerEmail?: string;
  /** Up to 40 keys of short strings; `orderId` is always added. */
  metadata?: Record<string, string>;
}

export interface CreatedIntent {
  intentId: string;
  /** Handed to the browser (Stripe Payment Element or the demo card form); not a secret from the customer. */
  clientSecret: string;
  status: PaymentIntentStatus;
}

export interface PaymentIntentInfo {
  intentId: string;
  status: PaymentIntentStatus;
  amountMinor: number;
  /** Upper-case ISO code, e.g. 'EUR'. */
  currency: string;
  /** From the intent's metadata; null when the intent was not made by us. */
  orderId: string | null;
  /** Why the last attempt failed (e.g. 'card_declined', 'insufficient_funds'); null when it did not. */
  failureCode: string | null;
  metadata: Record<string, string>;
}

export interface RefundInput {
  intentId: string;
  /** Integer minor units, > 0, at most what is left to refund. */
  amountMinor: number;
  reason?: RefundReason;
  /** E.g. `{ refundRowId }`, so a refund webhook can be matched to our own record. */
  metadata?: Record<string, string>;
}

export interface RefundResult {
  refundId: string;
  status: RefundStatus;
  amountMinor: number;
}

export const paymentEventTypes = [
  'payment.succeeded',
  'payment.failed',
  'payment.canceled',
  'refund.succeeded',
  'refund.failed',
  'other',
] as const;
export type PaymentEventType = (typeof paymentEventTypes)[number];

interface PaymentEventBase {
  /** The provider's event id (Stripe `evt_...`, demo `demo_evt_...`): store it to process each event once. */
  id: string;
  provider: PaymentProviderName;
  /** The provider's own event type, e.g. 'payment_intent.succeeded', for logs and the order timeline. */
  rawType: string;
  /** When the provider created the event, epoch ms. Events can arrive late and out of order. */
  createdAt: number;
  /** From the metadata of the event's object when it carries one; otherwise look the order up by intentId. */
  orderId?: string;
  /**
   * payment.*: the intent amount (amount received for payment.succeeded);
   * refund.* from a refund object: that refund's amount.
   */
  amountMinor?: number;
  /** Upper-case ISO code. */
  currency?: string;
  /** refund.* events from a refund object (Stripe refund.updated / refund.failed, demo refunds). */
  refundId?: string;
  /**
   * refund.succeeded from Stripe's `charge.refunded`: the cumulative amount refunded on the
   * payment so far (that event does not say which refund it is about). Reconcile against it.
   */
  refundedTotalMinor?: number;
  /** payment.failed / refund.failed: e.g. 'card_declined', 'insufficient_funds', 'expired_or_canceled_card'. */
  failureCode?: string;
  /** The intent's metadata (payment events) or the refund's metadata (refund events). */
  metadata: Record<string, string>;
}

/** A provider event in our vocabulary. Every type but 'other' names the payment intent it is about. */
export type PaymentEvent =
  | (PaymentEventBase & { type: Exclude<PaymentEventType, 'other'>; intentId: string })
  | (PaymentEventBase & { type: 'other'; intentId: string | null });

export type PaymentEventListener = (event: PaymentEvent) => void | Promise<void>;

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** Creates a payment intent for an order. The same key returns the same intent (double submits). */
  createIntent(input: CreateIntentInput, idempotencyKey: string): Promise<CreatedIntent>;
  retrieveIntent(intentId: string): Promise<PaymentIntentInfo>;
  /**
   * Cancels an intent that has not succeeded (compensation, order cancelled, reservation expired).
   * Cancelling an already cancelled intent returns it; cancelling a succeeded one throws
   * PAYMENT_PROVIDER_ERROR with `details.intentStatus = 'succeeded'` (refund instead).
   */
  cancelIntent(intentId: string, idempotencyKey: string): Promise<PaymentIntentInfo>;
  refund(input: RefundInput, idempotencyKey: string): Promise<RefundResult>;
  /**
   * Verifies and normalises a webhook from the raw request body (the exact bytes received, so
   * mount `express.raw` for the webhook route). Throws WEBHOOK_SIGNATURE_INVALID (400) when the
   * signature, body or timestamp is not right.
   */
  parseWebhook(rawBody: Buffer, signatureHeader: string | undefined): PaymentEvent;
}

export * from './payments.errors.ts';

/** Shared input checks, so both providers refuse the same things the same way. */
export function assertIntentInput(input: CreateIntentInput, idempotencyKey: string): void {
  if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0) {
    throw paymentErrors.amountInvalid('payment');
  }
  if (!input.orderId) throw paymentErrors.orderMissing();
  assertIdempotencyKey(idempotencyKey);
}

export function assertIdempotencyKey(key: string): void {
  // Stripe allows up to 255 characters.
  if (!key || key.length > 255) {
    throw paymentErrors.idempotencyKeyInvalid();
  }
}

export function intentMetadata(input: CreateIntentInput): Record<string, string> {
  return {
    ...(input.metadata ?? {}),
    ...(input.customerEmail ? { customerEmail: input.customerEmail } : {}),
    orderId: input.orderId,
  };
}
