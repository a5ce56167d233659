import { clone, FAKE_STRIPE_API_VERSION, randomId, unix } from './common.ts';
import type { FakeContext } from './context.ts';
import type { Ledger } from './ledger.ts';
import type {
  BuildEventOptions,
  FakeCharge,
  FakeEvent,
  FakePaymentIntent,
  FakeRefund,
  Json,
} from './types.ts';

/** Builds Stripe Events for the fake's objects, applying the change each implies unless told not to. */
export function createEventBuilder(ctx: FakeContext, ledger: Ledger) {
  const { intents, charges, refunds } = ctx;
  const { succeed, decline, cancel, createRefund, failRefund } = ledger;

  const refundFor = (objectId: string): FakeRefund => {
    if (objectId.startsWith('re_')) {
      const r = refunds.get(objectId);
      if (!r) throw new Error(`fake-stripe: no refund ${objectId}`);
      return r;
    }
    const all = [...refunds.values()].filter((r) => r.payment_intent === objectId || r.charge === objectId);
    const last = all.at(-1);
    if (!last) throw new Error(`fake-stripe: no refund for ${objectId}`);
    return last;
  };

  const chargeFor = (objectId: string): FakeCharge => {
    const id = objectId.startsWith('pi_') ? intents.get(objectId)?.latest_charge : objectId;
    const charge = id ? charges.get(id) : undefined;
    if (!charge) throw new Error(`fake-stripe: no successful charge for ${objectId}`);
    return charge;
  };

  const objectFor = (objectId: string): Json => {
    const found = intents.get(objectId) ?? charges.get(objectId) ?? refunds.get(objectId);
    if (!found) throw new Error(`fake-stripe: no object ${objectId}`);
    return found;
  };

  function buildEvent(type: string, objectId: string, opts: BuildEventOptions = {}): FakeEvent {
    const apply = opts.apply ?? true;
    let object: Json;
    let previous: Json | undefined;
    switch (type) {
      case 'payment_intent.succeeded': {
        const pi = getIntentOrThrow(objectId);
        const target = apply ? pi : clone(pi);
        if (target.status !== 'succeeded') {
          if (apply && target.status === 'canceled') {
            throw new Error(`fake-stripe: ${objectId} is canceled; use { apply: false } for a forged event`);
          }
          previous = { status: target.status };
          if (apply) succeed(target, 'pm_card_visa');
          else Object.assign(target, { status: 'succeeded', amount_received: target.amount });
        }
        object = target;
        break;
      }
      case 'payment_intent.payment_failed': {
        const pi = getIntentOrThrow(objectId);
        if (apply && ['succeeded', 'canceled'].includes(pi.status)) {
          throw new Error(`fake-stripe: ${objectId} is ${pi.status}; use { apply: false } for a stale event`);
        }
        const target = apply ? pi : clone(pi);
        previous = { status: target.status };
        decline(target, 'pm_card_chargeDeclined', opts.failureCode ?? 'generic_decline');
        object = target;
        break;
      }
      case 'payment_intent.canceled': {
        const pi = getIntentOrThrow(objectId);
        if (apply && pi.status === 'succeeded') {
          throw new Error(`fake-stripe: ${objectId} is succeeded; use { apply: false } for a stale event`);
        }
        const target = apply ? pi : clone(pi);
        if (target.status !== 'canceled') {
          previous = { status: target.status };
          cancel(target, 'abandoned');
        }
        object = target;
        break;
      }
      case 'charge.refunded': {
        const charge = chargeFor(objectId);
        if (apply && (opts.amountMinor !== undefined || charge.amount_refunded === 0)) {
          previous = { amount_refunded: charge.amount_refunded };
          createRefund(intents.get(charge.payment_intent)!, opts.amountMinor);
        }
        object = charge;
        break;
      }
      case 'refund.updated': {
        const refund = refundFor(objectId);
        const target = apply ? refund : clone(refund);
        if (target.status === 'pending') {
          previous = { status: 'pending' };
          target.status = 'succeeded';
        }
        object = target;
        break;
      }
      case 'refund.failed': {
        const refund = refundFor(objectId);
        const target = apply ? refund : clone(refund);
        previous = { status: target.status };
        if (apply) failRefund(target, opts.failureCode ?? 'expired_or_canceled_card');
        else
          Object.assign(target, {
            status: 'failed',
            failure_reason: opts.failureCode ?? 'expired_or_canceled_card',
          });
        object = target;
        break;
      }
      default:
        object = objectFor(objectId);
    }
    return {
      id: randomId('evt'),
      object: 'event',
      api_version: FAKE_STRIPE_API_VERSION,
      created: opts.created ?? unix(),
      data: { object: clone(object), ...(previous ? { previous_attributes: previous } : {}) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
  }

  function getIntentOrThrow(id: string): FakePaymentIntent {
    const pi = intents.get(id);
    if (!pi) throw new Error(`fake-stripe: no payment intent ${id}`);
    return pi;
  }

  return buildEvent;
}
