import { clone, invalid, money, randomId, StripeHttpError, unix } from './common.ts';
import type { FakeContext, Handler } from './context.ts';
import type { Ledger } from './ledger.ts';
import { allowOnly, enumParam, integerParam, metadataParam } from './params.ts';
import type { FakePaymentIntent } from './types.ts';

/** Test payment methods the fake knows, as Stripe's test mode does. */
const TEST_PAYMENT_METHODS: Record<
  string,
  { outcome: 'succeeded' | 'requires_action' } | { decline: string }
> = {
  pm_card_visa: { outcome: 'succeeded' },
  pm_card_mastercard: { outcome: 'succeeded' },
  pm_card_amex: { outcome: 'succeeded' },
  pm_card_visa_debit: { outcome: 'succeeded' },
  pm_card_authenticationRequired: { outcome: 'requires_action' },
  pm_card_chargeDeclined: { decline: 'generic_decline' },
  pm_card_chargeDeclinedInsufficientFunds: { decline: 'insufficient_funds' },
  pm_card_chargeDeclinedLostCard: { decline: 'lost_card' },
  pm_card_chargeDeclinedExpiredCard: { decline: 'expired_card' },
};

const CANCELABLE = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];
const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

export function createPaymentIntentHandlers(
  ctx: FakeContext,
  ledger: Ledger,
  autoSend: (type: string, objectId: string) => void,
) {
  const { intents } = ctx;
  const { getIntent, succeed, decline, cancel } = ledger;

  const createIntent: Handler = (params) => {
    allowOnly(params, [
      'amount',
      'currency',
      'automatic_payment_methods',
      'metadata',
      'description',
      'receipt_email',
      'payment_method_types',
      'payment_method',
      'confirm',
      'return_url',
      'expand',
    ]);
    const amount = integerParam(params, 'amount', true)!;
    if (typeof params.currency !== 'string' || params.currency === '') {
      throw invalid('Missing required param: currency.', 'parameter_missing', 'currency');
    }
    if (!/^[a-zA-Z]{3}$/.test(params.currency)) {
      throw invalid(`Invalid currency: ${params.currency}`, 'parameter_invalid', 'currency');
    }
    const currency = params.currency.toLowerCase();
    if (amount < 50) {
      throw invalid(`Amount must be at least ${money(50, currency)}`, 'amount_too_small', 'amount');
    }
    if (amount > 99_999_999) {
      throw invalid('Amount must be no more than 99999999', 'amount_too_large', 'amount');
    }
    const apm = params.automatic_payment_methods;
    if (apm !== undefined && (typeof apm !== 'object' || !['true', 'false'].includes(apm.enabled))) {
      throw invalid('Invalid automatic_payment_methods', 'parameter_invalid', 'automatic_payment_methods');
    }
    const id = randomId('pi');
    const pi: FakePaymentIntent = {
      id,
      object: 'payment_intent',
      amount,
      amount_capturable: 0,
      amount_received: 0,
      automatic_payment_methods: apm ? { allow_redirects: 'always', enabled: apm.enabled === 'true' } : null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic_async',
      client_secret: `${id}_secret_${randomId('x', 25).slice(2)}`,
      confirmation_method: 'automatic',
      created: unix(),
      currency,
      customer: null,
      description: params.description ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: metadataParam(params),
      next_action: null,
      payment_method: null,
      payment_method_types: Array.isArray(params.payment_method_types)
        ? params.payment_method_types
        : ['card'],
      receipt_email: params.receipt_email ?? null,
      status: 'requires_payment_method',
    };
    intents.set(id, pi);
    if (params.confirm === 'true') return confirmIntent({ payment_method: params.payment_method }, id);
    return { body: clone(pi) };
  };

  const retrieveIntent: Handler = (params, id) => {
    allowOnly(params, ['expand', 'client_secret']);
    return { body: clone(getIntent(id!)) };
  };

  const cancelIntent: Handler = (params, id) => {
    allowOnly(params, ['cancellation_reason', 'expand']);
    const reason = enumParam(params, 'cancellation_reason', [
      'duplicate',
      'fraudulent',
      'requested_by_customer',
      'abandoned',
    ]);
    const pi = getIntent(id!);
    if (!CANCELABLE.includes(pi.status)) {
      throw invalid(
        `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
        'payment_intent_unexpected_state',
      );
    }
    cancel(pi, reason);
    autoSend('payment_intent.canceled', pi.id);
    return { body: clone(pi) };
  };

  const confirmIntent: Handler = (params, id) => {
    allowOnly(params, ['payment_method', 'return_url', 'expand']);
    const pi = getIntent(id!);
    if (!CONFIRMABLE.includes(pi.status)) {
      throw invalid(
        `You cannot confirm this PaymentIntent because it has a status of ${pi.status}.`,
        'payment_intent_unexpected_state',
      );
    }
    const pm = params.payment_method;
    if (typeof pm !== 'string' || pm === '') {
      throw invalid(
        'You cannot confirm this PaymentIntent because it has no payment method.',
        'payment_intent_unexpected_state',
        'payment_method',
      );
    }
    const behaviour = TEST_PAYMENT_METHODS[pm];
    if (!behaviour) throw invalid(`No such PaymentMethod: '${pm}'`, 'resource_missing', 'payment_method');
    if ('decline' in behaviour) {
      const error = decline(pi, pm, behaviour.decline);
      autoSend('payment_intent.payment_failed', pi.id);
      throw new StripeHttpError(402, { ...error, payment_intent: clone(pi) });
    }
    if (behaviour.outcome === 'requires_action') {
      Object.assign(pi, {
        status: 'requires_action',
        payment_method: pm,
        next_action: { type: 'use_stripe_sdk', use_stripe_sdk: {} },
      });
      return { body: clone(pi) };
    }
    succeed(pi, pm);
    autoSend('payment_intent.succeeded', pi.id);
    return { body: clone(pi) };
  };

  return { createIntent, retrieveIntent, cancelIntent, confirmIntent };
}
