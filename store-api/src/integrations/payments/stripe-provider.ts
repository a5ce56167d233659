import { type DomainError, isDomainError } from '@shoebox/shared';
import Stripe from 'stripe';
import type {
  CreatedIntent,
  CreateIntentInput,
  PaymentIntentInfo,
  PaymentIntentStatus,
  PaymentProvider,
  RefundInput,
  RefundResult,
  RefundStatus,
} from './port.ts';
import {
  paymentErrors,
  assertIdempotencyKey,
  assertIntentInput,
  intentMetadata,
  providerError,
  providerUnavailable,
} from './port.ts';
import { parseStripeWebhook } from './webhook-verify.ts';

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string;
  /**
   * `http://127.0.0.1:<port>` to talk to a local fake (tests, offline demos); unset for api.stripe.com.
   * Only scheme, host and port are used: the SDK always adds `/v1/...`.
   */
  apiBase?: string;
  /** Per request, ms. A checkout must not hang on Stripe: default 10 s (the SDK's own is 80 s). */
  timeoutMs?: number;
  /** Network retries by the SDK (same idempotency key, short backoff). Default 1. */
  maxNetworkRetries?: number;
  webhookToleranceSeconds?: number;
}

/** Stripe's intent status in our vocabulary. */
export function mapIntentStatus(status: string): PaymentIntentStatus {
  switch (status) {
    case 'succeeded':
      return 'succeeded';
    case 'canceled':
      return 'canceled';
    case 'processing':
    case 'requires_capture':
      return 'processing';
    case 'requires_action':
      return 'requires_action';
    default:
      // requires_payment_method, requires_confirmation
      return 'requires_payment';
  }
}

export function mapRefundStatus(status: string | null): RefundStatus {
  switch (status) {
    case 'succeeded':
      return 'succeeded';
    case 'failed':
      return 'failed';
    case 'canceled':
      return 'canceled';
    default:
      // pending, requires_action
      return 'pending';
  }
}

export function stripeClientConfig(
  options: Pick<StripeProviderOptions, 'apiBase' | 'timeoutMs' | 'maxNetworkRetries'>,
) {
  const config: Stripe.StripeConfig = {
    maxNetworkRetries: options.maxNetworkRetries ?? 1,
    timeout: options.timeoutMs ?? 10_000,
    telemetry: false,
    appInfo: { name: 'shoebox' },
  };
  if (options.apiBase) {
    const url = new URL(options.apiBase);
    const protocol = url.protocol === 'http:' ? 'http' : 'https';
    config.host = url.hostname;
    config.port = url.port || (protocol === 'http' ? '80' : '443');
    config.protocol = protocol;
  }
  return config;
}

const intentInfo = (pi: Stripe.PaymentIntent): PaymentIntentInfo => {
  const metadata: Record<string, string> = { ...(pi.metadata ?? {}) };
  return {
    intentId: pi.id,
    status: mapIntentStatus(pi.status),
    amountMinor: pi.amount,
    currency: pi.currency.toUpperCase(),
    orderId: metadata.orderId ?? null,
    failureCode: pi.last_payment_error?.decline_code ?? pi.last_payment_error?.code ?? null,
    metadata,
  };
};

/**
 * Turns whatever the SDK threw into our error vocabulary:
 * - connection failures, timeouts, 5xx and rate limits -> PAYMENT_PROVIDER_UNAVAILABLE (try again later);
 * - everything Stripe answered and refused -> PAYMENT_PROVIDER_ERROR with Stripe's type and code in details.
 * Stripe's message goes to `cause` only (it can quote part of the key).
 */
export function mapStripeError(e: unknown): DomainError {
  if (isDomainError(e)) return e;
  if (e instanceof Stripe.errors.StripeError) {
    const details = {
      provider: 'stripe' as const,
      ...(e.rawType ? { providerType: e.rawType } : {}),
      ...(e.code ? { providerCode: e.code } : {}),
      ...(e.decline_code ? { declineCode: e.decline_code } : {}),
      ...(e.statusCode ? { statusCode: e.statusCode } : {}),
      ...(e.requestId ? { requestId: e.requestId } : {}),
    };
    if (
      e instanceof Stripe.errors.StripeConnectionError ||
      e instanceof Stripe.errors.StripeRateLimitError ||
      (e.statusCode ?? 0) >= 500 ||
      (e instanceof Stripe.errors.StripeAPIError && !e.statusCode)
    ) {
      return providerUnavailable('The payment provider could not be reached. Please try again.', details, e);
    }
    const what = e.code ?? e.rawType ?? 'error';
    return providerError(`The payment provider refused the request (${what}).`, details, e);
  }
  return providerUnavailable(
    'The payment provider could not be reached. Please try again.',
    { provider: 'stripe' },
    e,
  );
}

export interface StripePaymentProvider extends PaymentProvider {
  readonly name: 'stripe';
  /** The SDK client, for tests and for one-off admin tooling. Flows use the port methods. */
  readonly client: Stripe;
}

export function createStripeProvider(options: StripeProviderOptions): StripePaymentProvider {
  if (!options.secretKey) throw new Error('createStripeProvider: secretKey is required');
  if (!options.webhookSecret) throw new Error('createStripeProvider: webhookSecret is required');
  const client = new Stripe(options.secretKey, stripeClientConfig(options));

  const call = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw mapStripeError(e);
    }
  };

  return {
    name: 'stripe',
    client,

    async createIntent(input: CreateIntentInput, idempotencyKey: string): Promise<CreatedIntent> {
      assertIntentInput(input, idempotencyKey);
      const pi = await call(() =>
        client.paymentIntents.create(
          {
            amount: input.amountMinor,
            currency: input.currency.toLowerCase(),
            automatic_payment_methods: { enabled: true },
            metadata: intentMetadata(input),
          },
          { idempotencyKey },
        ),
      );
      if (!pi.client_secret) {
        throw providerError('The payment provider returned no client secret.', {
          provider: 'stripe',
          providerCode: 'client_secret_missing',
        });
      }
      return { intentId: pi.id, clientSecret: pi.client_secret, status: mapIntentStatus(pi.status) };
    },

    async retrieveIntent(intentId: string): Promise<PaymentIntentInfo> {
      return intentInfo(await call(() => client.paymentIntents.retrieve(intentId)));
    },

    async cancelIntent(intentId: string, idempotencyKey: string): Promise<PaymentIntentInfo> {
      assertIdempotencyKey(idempotencyKey);
      try {
        return intentInfo(await client.paymentIntents.cancel(intentId, {}, { idempotencyKey }));
      } catch (e) {
        const mapped = mapStripeError(e);
        if (mapped.details?.providerCode !== 'payment_intent_unexpected_state') throw mapped;
        // Cancelling twice (e.g. a compensation retried with a new key) is fine; cancelling a
        // succeeded payment is not: say so, so the caller refunds instead.
        const current = intentInfo(await call(() => client.paymentIntents.retrieve(intentId)));
        if (current.status === 'canceled') return current;
        throw providerError(
          `The payment cannot be cancelled: it is ${current.status}.`,
          { ...(mapped.details as { provider: 'stripe' }), intentStatus: current.status },
          e,
        );
      }
    },

    async refund(input: RefundInput, idempotencyKey: string): Promise<RefundResult> {
      assertIdempotencyKey(idempotencyKey);
      if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0) {
        throw paymentErrors.amountInvalid('refund');
      }
      const refund = await call(() =>
        client.refunds.create(
          {
            payment_intent: input.intentId,
            amount: input.amountMinor,
            ...(input.reason ? { reason: input.reason } : {}),
            ...(input.metadata ? { metadata: input.metadata } : {}),
          },
          { idempotencyKey },
        ),
      );
      return { refundId: refund.id, status: mapRefundStatus(refund.status), amountMinor: refund.amount };
    },

    parseWebhook(rawBody: Buffer, signatureHeader: string | undefined) {
      return parseStripeWebhook(rawBody, signatureHeader, options.webhookSecret, {
        ...(options.webhookToleranceSeconds !== undefined
          ? { toleranceSeconds: options.webhookToleranceSeconds }
          : {}),
      });
    },
  };
}
