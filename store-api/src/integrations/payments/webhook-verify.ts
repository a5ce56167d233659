import Stripe from 'stripe';
import type { PaymentEvent, PaymentEventType } from './port.ts';
import { webhookSignatureInvalid } from './port.ts';

/** Stripe's default: a signed event older than this (seconds) is refused, which stops replays. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

export interface VerifyOptions {
  toleranceSeconds?: number;
  /** "Now" in epoch ms, for tests. */
  now?: number;
}

/**
 * Verifies a Stripe webhook exactly as Stripe documents it (HMAC-SHA256 of `<t>.<raw body>` with
 * the endpoint secret, constant-time compare, timestamp within the tolerance) using the SDK's own
 * `constructEvent`, and returns the parsed event. Any failure is WEBHOOK_SIGNATURE_INVALID (400):
 * missing header, wrong secret, a body changed by one byte, a replayed old delivery.
 * `rawBody` must be the bytes as received: a re-serialised `req.body` never verifies.
 */
export function verifyStripeWebhook(
  rawBody: Buffer,
  signatureHeader: string | undefined,
  webhookSecret: string,
  options: VerifyOptions = {},
): Stripe.Event {
  if (!Buffer.isBuffer(rawBody)) {
    throw webhookSignatureInvalid('Webhook body must be the raw request bytes.');
  }
  if (!signatureHeader) throw webhookSignatureInvalid('Missing Stripe-Signature header.');
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(
      rawBody,
      signatureHeader,
      webhookSecret,
      options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
      undefined,
      options.now,
    );
  } catch (e) {
    const stale = e instanceof Error && /tolerance/i.test(e.message);
    throw webhookSignatureInvalid(
      stale
        ? 'Webhook signature timestamp is outside the tolerance window.'
        : 'Webhook signature does not match the body.',
    );
  }
  if (
    !event ||
    typeof event !== 'object' ||
    typeof event.id !== 'string' ||
    typeof event.type !== 'string' ||
    typeof event.data?.object !== 'object'
  ) {
    throw webhookSignatureInvalid('Webhook body is not a Stripe event.');
  }
  return event;
}

type Loose = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const int = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) ? v : undefined;
/** An expandable field: an id string or an expanded object with an id. */
const idOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : v && typeof v === 'object' ? str((v as Loose).id) : undefined;
const metadataOf = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object') {
    for (const [k, value] of Object.entries(v as Loose)) if (typeof value === 'string') out[k] = value;
  }
  return out;
};
const upper = (v: unknown): string | undefined => str(v)?.toUpperCase();

/**
 * Maps a verified Stripe event to our vocabulary. Fields are read defensively (events are rendered
 * with the API version of the webhook endpoint, which may not be the SDK's).
 *
 * - payment_intent.succeeded       -> payment.succeeded (amountMinor = amount received)
 * - payment_intent.payment_failed  -> payment.failed (failureCode from last_payment_error)
 * - payment_intent.canceled        -> payment.canceled
 * - charge.refunded                -> refund.succeeded with refundedTotalMinor (cumulative, no refundId)
 * - refund.updated                 -> refund.succeeded / refund.failed by the refund's status, else other
 * - refund.failed                  -> refund.failed
 * - anything else                  -> other (acknowledge with 2xx and ignore)
 */
export function normaliseStripeEvent(event: Stripe.Event): PaymentEvent {
  const object = event.data.object as unknown as Loose;
  const base = {
    id: event.id,
    provider: 'stripe' as const,
    rawType: event.type,
    createdAt: (int(event.created) ?? 0) * 1000,
  };

  const fromIntent = (type: Exclude<PaymentEventType, 'other' | 'refund.succeeded' | 'refund.failed'>) => {
    const metadata = metadataOf(object.metadata);
    const lastError = object.last_payment_error as Loose | null | undefined;
    const amount =
      type === 'payment.succeeded' ? (int(object.amount_received) ?? int(object.amount)) : int(object.amount);
    return {
      ...base,
      type,
      intentId: String(object.id),
      metadata,
      ...(metadata.orderId ? { orderId: metadata.orderId } : {}),
      ...(amount !== undefined ? { amountMinor: amount } : {}),
      ...(upper(object.currency) ? { currency: upper(object.currency) } : {}),
      ...(type === 'payment.failed'
        ? { failureCode: str(lastError?.decline_code) ?? str(lastError?.code) ?? 'payment_failed' }
        : {}),
    } satisfies PaymentEvent;
  };

  const fromRefund = (type: 'refund.succeeded' | 'refund.failed'): PaymentEvent => {
    const intentId = idOf(object.payment_intent);
    const metadata = metadataOf(object.metadata);
    const common = {
      ...base,
      metadata,
      ...(metadata.orderId ? { orderId: metadata.orderId } : {}),
      refundId: String(object.id),
      ...(int(object.amount) !== undefined ? { amountMinor: int(object.amount) } : {}),
      ...(upper(object.currency) ? { currency: upper(object.currency) } : {}),
      ...(type === 'refund.failed' ? { failureCode: str(object.failure_reason) ?? 'refund_failed' } : {}),
    };
    // A refund on a charge made outside PaymentIntents has no intent: nothing of ours.
    return intentId ? { ...common, type, intentId } : { ...common, type: 'other', intentId: null };
  };

  switch (event.type) {
    case 'payment_intent.succeeded':
      return fromIntent('payment.succeeded');
    case 'payment_intent.payment_failed':
      return fromIntent('payment.failed');
    case 'payment_intent.canceled':
      return fromIntent('payment.canceled');
    case 'charge.refunded': {
      const intentId = idOf(object.payment_intent);
      const metadata = metadataOf(object.metadata);
      const common = {
        ...base,
        metadata,
        ...(metadata.orderId ? { orderId: metadata.orderId } : {}),
        ...(int(object.amount_refunded) !== undefined
          ? { refundedTotalMinor: int(object.amount_refunded) }
          : {}),
        ...(upper(object.currency) ? { currency: upper(object.currency) } : {}),
      };
      return intentId
        ? { ...common, type: 'refund.succeeded', intentId }
        : { ...common, type: 'other', intentId: null };
    }
    case 'refund.updated': {
      const status = str(object.status);
      if (status === 'succeeded') return fromRefund('refund.succeeded');
      if (status === 'failed') return fromRefund('refund.failed');
      return { ...base, type: 'other', intentId: idOf(object.payment_intent) ?? null, metadata: {} };
    }
    case 'refund.failed':
      return fromRefund('refund.failed');
    default: {
      const intentId =
        object.object === 'payment_intent' ? str(object.id) : idOf((object as Loose).payment_intent);
      return { ...base, type: 'other', intentId: intentId ?? null, metadata: {} };
    }
  }
}

/** Verify + normalise: what the Stripe provider's `parseWebhook` does. */
export function parseStripeWebhook(
  rawBody: Buffer,
  signatureHeader: string | undefined,
  webhookSecret: string,
  options: VerifyOptions = {},
): PaymentEvent {
  return normaliseStripeEvent(verifyStripeWebhook(rawBody, signatureHeader, webhookSecret, options));
}
