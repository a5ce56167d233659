import { DomainError } from '@shoebox/shared';
import type { PaymentIntentStatus, PaymentProviderName } from './port.ts';

/** Every error the payment adapters raise, built here once (both providers share them). */

export const paymentErrorCodes = {
  /** The provider answered and refused (bad parameters, idempotency key reuse, over-refund, bad state). */
  providerError: 'PAYMENT_PROVIDER_ERROR',
  /** The provider could not be reached or failed on its side (network, timeout, 5xx, rate limit): retry later. */
  providerUnavailable: 'PAYMENT_PROVIDER_UNAVAILABLE',
  webhookSignatureInvalid: 'WEBHOOK_SIGNATURE_INVALID',
  cardNumberInvalid: 'CARD_NUMBER_INVALID',
  intentUnexpectedState: 'PAYMENT_INTENT_UNEXPECTED_STATE',
  demoNotWired: 'DEMO_PAYMENTS_NOT_WIRED',
} as const;

/**
 * What clients may see about a provider failure. The provider's own message stays out of it
 * (Stripe's can quote part of the API key); it is kept as the error's `cause` for the log.
 */
export interface ProviderErrorDetails {
  provider: PaymentProviderName;
  /** Stripe's error type, e.g. 'invalid_request_error', 'idempotency_error', 'card_error', 'api_error'. */
  providerType?: string;
  /** Stripe's error code, e.g. 'amount_too_large', 'resource_missing', 'payment_intent_unexpected_state'. */
  providerCode?: string;
  declineCode?: string;
  statusCode?: number;
  requestId?: string;
  /** Set when the failure is about an intent's state (e.g. cancelling a succeeded intent). */
  intentStatus?: PaymentIntentStatus;
  [key: string]: unknown;
}

export function providerError(message: string, details: ProviderErrorDetails, cause?: unknown): DomainError {
  const error = new DomainError('external', paymentErrorCodes.providerError, message, { details });
  if (cause !== undefined) error.cause = cause;
  return error;
}

export function providerUnavailable(
  message: string,
  details: ProviderErrorDetails,
  cause?: unknown,
): DomainError {
  const error = new DomainError('external', paymentErrorCodes.providerUnavailable, message, { details });
  if (cause !== undefined) error.cause = cause;
  return error;
}

export function webhookSignatureInvalid(message: string): DomainError {
  return new DomainError('validation', paymentErrorCodes.webhookSignatureInvalid, message);
}

export const paymentErrors = {
  /** A programming error: callers validate amounts before they reach a provider. */
  amountInvalid: (what: 'payment' | 'refund') =>
    new DomainError('internal', 'PAYMENT_AMOUNT_INVALID', `A ${what} amount must be a positive integer.`),
  orderMissing: () => new DomainError('internal', 'PAYMENT_ORDER_MISSING', 'A payment needs an order id.'),
  idempotencyKeyInvalid: () =>
    new DomainError('internal', 'IDEMPOTENCY_KEY_INVALID', 'An idempotency key must be 1-255 characters.'),
  cardNumberInvalid: () =>
    new DomainError('validation', paymentErrorCodes.cardNumberInvalid, 'The card number is not valid.', {
      errors: [
        {
          path: 'cardNumber',
          message: 'The card number is not valid.',
          code: paymentErrorCodes.cardNumberInvalid,
        },
      ],
    }),
  demoNotWired: () =>
    new DomainError(
      'internal',
      paymentErrorCodes.demoNotWired,
      'Demo payments have no confirmation handler registered.',
    ),
  intentUnexpectedState: (intentStatus: string) =>
    new DomainError(
      'conflict',
      paymentErrorCodes.intentUnexpectedState,
      `This payment is already ${intentStatus}.`,
      {
        details: { intentStatus },
      },
    ),
};
