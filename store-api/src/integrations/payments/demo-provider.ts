import { randomBytes } from 'node:crypto';
import type {
  CreatedIntent,
  CreateIntentInput,
  PaymentEvent,
  PaymentEventListener,
  PaymentIntentInfo,
  PaymentIntentStatus,
  PaymentProvider,
  RefundInput,
  RefundResult,
} from './port.ts';
import {
  assertIdempotencyKey,
  assertIntentInput,
  intentMetadata,
  paymentErrors,
  providerError,
  webhookSignatureInvalid,
} from './port.ts';

/**
 * The explicit demo payment provider, used when no Stripe keys are configured so that `npm start`
 * can take a whole order end to end. It behaves like Stripe in test mode, in our vocabulary:
 *
 * - `createIntent` returns `demo_pi_<id>` and a client secret `demo_pi_<id>_secret_<random>`;
 * - the storefront's demo card form calls `confirmDemoPayment(intentId, cardNumber)`, which
 *   decides the outcome from Stripe's test card numbers and hands a `payment.succeeded` or
 *   `payment.failed` event to the listeners registered with `onEvent`: the same handler the
 *   Stripe webhook route calls, so the demo goes through the same confirmation path;
 * - `cancelIntent` and `refund` answer at once and then emit `payment.canceled` /
 *   `refund.succeeded` asynchronously, the way Stripe's webhooks follow its API calls.
 *
 * Card numbers: only the pass/fail outcome of a test number is used. The number is never
 * stored, logged, put in an event or echoed in an error message.
 *
 * State: intents live in this process's memory, so demo mode is single-instance. The order flow
 * keeps intent ids on its orders; after a restart an unknown but well-formed `demo_pi_` id can
 * still be confirmed (the event then carries only the intent id, and the flow finds the order by it).
 */

export const DEMO_TEST_CARDS: Readonly<
  Record<string, { outcome: 'succeeded' } | { outcome: 'failed'; code: string }>
> = {
  '4242424242424242': { outcome: 'succeeded' }, // Visa
  '4000056655665556': { outcome: 'succeeded' }, // Visa debit
  '5555555555554444': { outcome: 'succeeded' }, // Mastercard
  '378282246310005': { outcome: 'succeeded' }, // American Express
  '4000000000000002': { outcome: 'failed', code: 'card_declined' },
  '4000000000009995': { outcome: 'failed', code: 'insufficient_funds' },
  '4000000000009987': { outcome: 'failed', code: 'lost_card' },
  '4000000000000069': { outcome: 'failed', code: 'expired_card' },
  '4000000000000127': { outcome: 'failed', code: 'incorrect_cvc' },
};

/** Luhn (mod 10) check of a digit string. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * What a card number would do in demo mode. Spaces and dashes are ignored.
 * A well-formed number that is not a test card is declined, as Stripe's test mode does with real cards.
 */
export function demoCardOutcome(
  cardNumber: string,
): { outcome: 'succeeded' } | { outcome: 'failed'; code: string } {
  const digits = String(cardNumber).replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) {
    throw paymentErrors.cardNumberInvalid();
  }
  return DEMO_TEST_CARDS[digits] ?? { outcome: 'failed', code: 'card_declined' };
}

export interface DemoPaymentProvider extends PaymentProvider {
  readonly name: 'demo';
  /**
   * Pays (or fails to pay) a demo intent with a test card number. Awaits the registered listeners
   * with the resulting event and returns it. If a listener throws, the intent keeps its previous
   * status and the error propagates (the customer can try again), like a webhook Stripe retries.
   */
  confirmDemoPayment(intentId: string, cardNumber: string): Promise<PaymentEvent>;
  /** Registers the confirmation handler; returns a function that unregisters it. */
  onEvent(listener: PaymentEventListener): () => void;
  /** Resolves when the asynchronous events (cancel, refund) emitted so far have been handled. Tests use it. */
  idle(): Promise<void>;
}

export interface DemoProviderOptions {
  /** Epoch ms clock, for tests. */
  now?: () => number;
  /** Where errors of asynchronously delivered events go (cancel, refund). Default: console.error. */
  onListenerError?: (error: unknown, event: PaymentEvent) => void;
}

interface DemoIntent {
  intentId: string;
  clientSecret: string;
  status: PaymentIntentStatus;
  amountMinor: number;
  currency: string;
  orderId: string;
  metadata: Record<string, string>;
  refundedMinor: number;
  failureCode: string | null;
}

const INTENT_ID = /^demo_pi_[0-9a-f]{32}$/;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export function createDemoProvider(options: DemoProviderOptions = {}): DemoPaymentProvider {
  const now = options.now ?? Date.now;
  const onListenerError =
    options.onListenerError ??
    ((error: unknown, event: PaymentEvent) => {
      console.error(`demo payments: handling ${event.type} for ${event.intentId} failed`, error);
    });
  const intents = new Map<string, DemoIntent>();
  /**
   * idempotency key -> (fingerprint of the request, its result), as Stripe keeps them. The promise
   * is stored at once, so two concurrent calls with one key share one result.
   */
  const replays = new Map<string, { fingerprint: string; result: Promise<unknown> }>();
  const listeners = new Set<PaymentEventListener>();
  const pending = new Set<Promise<void>>();

  const details = (extra: Record<string, unknown> = {}) => ({ provider: 'demo' as const, ...extra });

  const idempotent = <T>(key: string, fingerprint: unknown, run: () => T): Promise<T> => {
    assertIdempotencyKey(key);
    const print = JSON.stringify(fingerprint);
    const seen = replays.get(key);
    if (seen) {
      if (seen.fingerprint !== print) {
        return Promise.reject(
          providerError(
            'The payment provider refused the request (idempotency_error).',
            details({ providerType: 'idempotency_error', statusCode: 400 }),
          ),
        );
      }
      return seen.result as Promise<T>;
    }
    let result: Promise<T>;
    try {
      result = Promise.resolve(run());
    } catch (error) {
      // Like Stripe, a refused request is not remembered: the same key may be used again.
      return Promise.reject(error);
    }
    replays.set(key, { fingerprint: print, result });
    return result;
  };

  const missing = (intentId: string) =>
    providerError(
      'The payment provider refused the request (resource_missing).',
      details({
        providerType: 'invalid_request_error',
        providerCode: 'resource_missing',
        statusCode: 404,
        intentId,
      }),
    );

  const get = (intentId: string): DemoIntent => {
    const intent = intents.get(intentId);
    if (!intent) throw missing(intentId);
    return intent;
  };

  const info = (i: DemoIntent): PaymentIntentInfo => ({
    intentId: i.intentId,
    status: i.status,
    amountMinor: i.amountMinor,
    currency: i.currency,
    orderId: i.orderId,
    failureCode: i.failureCode,
    metadata: { ...i.metadata },
  });

  const paymentEvent = (
    type: 'payment.succeeded' | 'payment.failed' | 'payment.canceled',
    intentId: string,
    intent: DemoIntent | undefined,
    failureCode?: string,
  ): PaymentEvent => ({
    id: `demo_evt_${hex(16)}`,
    provider: 'demo',
    type,
    rawType: type,
    intentId,
    createdAt: now(),
    metadata: intent ? { ...intent.metadata } : {},
    ...(intent
      ? { orderId: intent.orderId, amountMinor: intent.amountMinor, currency: intent.currency }
      : {}),
    ...(failureCode ? { failureCode } : {}),
  });

  const dispatch = async (event: PaymentEvent) => {
    for (const listener of listeners) await listener(event);
  };

  /** Later, like a webhook: never inside the caller's own flow step. */
  const emitLater = (event: PaymentEvent) => {
    if (listeners.size === 0) return;
    const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => dispatch(event))
      .catch((error: unknown) => onListenerError(error, event))
      .finally(() => pending.delete(done));
    pending.add(done);
  };

  return {
    name: 'demo',

    async createIntent(input: CreateIntentInput, idempotencyKey: string): Promise<CreatedIntent> {
      assertIntentInput(input, idempotencyKey);
      const fingerprint = [
        'createIntent',
        input.orderId,
        input.amountMinor,
        input.currency,
        intentMetadata(input),
      ];
      return idempotent(idempotencyKey, fingerprint, () => {
        const intentId = `demo_pi_${hex(16)}`;
        const intent: DemoIntent = {
          intentId,
          clientSecret: `${intentId}_secret_${hex(12)}`,
          status: 'requires_payment',
          amountMinor: input.amountMinor,
          currency: input.currency.toUpperCase(),
          orderId: input.orderId,
          metadata: intentMetadata(input),
          refundedMinor: 0,
          failureCode: null,
        };
        intents.set(intentId, intent);
        return { intentId, clientSecret: intent.clientSecret, status: intent.status };
      });
    },

    async retrieveIntent(intentId: string): Promise<PaymentIntentInfo> {
      return info(get(intentId));
    },

    async cancelIntent(intentId: string, idempotencyKey: string): Promise<PaymentIntentInfo> {
      return idempotent(idempotencyKey, ['cancelIntent', intentId], () => {
        const intent = get(intentId);
        if (intent.status === 'canceled') return info(intent);
        if (intent.status === 'succeeded') {
          throw providerError(
            'The payment cannot be cancelled: it is succeeded.',
            details({
              providerType: 'invalid_request_error',
              providerCode: 'payment_intent_unexpected_state',
              statusCode: 400,
              intentStatus: 'succeeded',
            }),
          );
        }
        intent.status = 'canceled';
        emitLater(paymentEvent('payment.canceled', intentId, intent));
        return info(intent);
      });
    },

    async refund(input: RefundInput, idempotencyKey: string): Promise<RefundResult> {
      return idempotent(
        idempotencyKey,
        ['refund', input.intentId, input.amountMinor, input.reason ?? null, input.metadata ?? null],
        () => {
          if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0) {
            throw paymentErrors.amountInvalid('refund');
          }
          const intent = get(input.intentId);
          if (intent.status !== 'succeeded') {
            throw providerError(
              'The payment provider refused the request (payment_intent_unexpected_state).',
              details({
                providerType: 'invalid_request_error',
                providerCode: 'payment_intent_unexpected_state',
                statusCode: 400,
                intentStatus: intent.status,
              }),
            );
          }
          const left = intent.amountMinor - intent.refundedMinor;
          if (left === 0 || input.amountMinor > left) {
            const code = left === 0 ? 'charge_already_refunded' : 'amount_too_large';
            throw providerError(
              `The payment provider refused the request (${code}).`,
              details({ providerType: 'invalid_request_error', providerCode: code, statusCode: 400 }),
            );
          }
          intent.refundedMinor += input.amountMinor;
          const refundId = `demo_re_${hex(16)}`;
          emitLater({
            id: `demo_evt_${hex(16)}`,
            provider: 'demo',
            type: 'refund.succeeded',
            rawType: 'refund.succeeded',
            intentId: intent.intentId,
            orderId: intent.orderId,
            refundId,
            amountMinor: input.amountMinor,
            refundedTotalMinor: intent.refundedMinor,
            currency: intent.currency,
            createdAt: now(),
            metadata: { ...(input.metadata ?? {}) },
          });
          return { refundId, status: 'succeeded' as const, amountMinor: input.amountMinor };
        },
      );
    },

    parseWebhook(): PaymentEvent {
      throw webhookSignatureInvalid(
        'Payments run in demo mode (no Stripe keys configured): webhooks are not accepted.',
      );
    },

    async confirmDemoPayment(intentId: string, cardNumber: string): Promise<PaymentEvent> {
      // The card number is used for its outcome only: never stored, logged or echoed.
      const result = demoCardOutcome(cardNumber);
      if (!INTENT_ID.test(intentId)) throw missing(intentId);
      if (listeners.size === 0) {
        throw paymentErrors.demoNotWired();
      }
      const intent = intents.get(intentId);
      if (intent && intent.status !== 'requires_payment') {
        throw paymentErrors.intentUnexpectedState(intent.status);
      }
      const event =
        result.outcome === 'succeeded'
          ? paymentEvent('payment.succeeded', intentId, intent)
          : paymentEvent('payment.failed', intentId, intent, result.code);
      // 'processing' while the handler runs, so a second confirmation meanwhile is refused.
      if (intent) intent.status = 'processing';
      try {
        await dispatch(event);
      } catch (error) {
        if (intent) intent.status = 'requires_payment';
        throw error;
      }
      if (intent) {
        intent.status = result.outcome === 'succeeded' ? 'succeeded' : 'requires_payment';
        intent.failureCode = result.outcome === 'failed' ? result.code : null;
      }
      return event;
    },

    onEvent(listener: PaymentEventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async idle(): Promise<void> {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
