/**
 * A small local server that speaks the part of Stripe's REST API we use, so tests drive the real
 * `stripe` SDK with no network (no official stripe-mock is available from our registries).
 *
 * Endpoints (form-encoded bodies, as the SDK sends them; JSON answers shaped like Stripe's):
 *   POST /v1/payment_intents               create (Idempotency-Key honoured like Stripe)
 *   GET  /v1/payment_intents/:id           retrieve
 *   POST /v1/payment_intents/:id/cancel    cancel
 *   POST /v1/payment_intents/:id/confirm   test helper: payment_method pm_card_visa succeeds,
 *                                          pm_card_chargeDeclined* declines (402 card_error)
 *   POST /v1/refunds, GET /v1/refunds/:id  refunds (partial, full, over-refund refused)
 *   GET  /v1/charges/:id
 * Errors: `{ error: { type, code, message, param? } }` with Stripe's statuses (400, 401, 402, 404).
 *
 * Webhooks: `buildEvent` makes a Stripe Event for an object (optionally applying the change it
 * implies), `sendWebhook` POSTs it to `webhookUrl` signed exactly as Stripe signs
 * (`Stripe-Signature: t=<ts>,v1=<hex HMAC-SHA256(secret, "<ts>.<body>")>`), optionally tampered,
 * badly signed, stale or delivered several times; `deliver` does both. Send built events in any
 * order to test out-of-order delivery.
 *
 * Fault injection: `failNext(n, fault)` makes the next n API requests fail with a Stripe error,
 * drop the connection before processing ('network'), or process and then drop the response
 * ('drop-response', the case idempotency keys exist for).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/** The SDK's pinned API version, so events look like the ones our endpoint would get. */
export const FAKE_STRIPE_API_VERSION: string = Stripe.API_VERSION;

type Json = Record<string, any>;

export interface FakePaymentIntent extends Json {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status:
    | 'requires_payment_method'
    | 'requires_confirmation'
    | 'requires_action'
    | 'processing'
    | 'requires_capture'
    | 'succeeded'
    | 'canceled';
  client_secret: string;
  metadata: Record<string, string>;
  latest_charge: string | null;
  last_payment_error: Json | null;
  created: number;
  livemode: false;
}

export interface FakeCharge extends Json {
  id: string;
  object: 'charge';
  amount: number;
  amount_refunded: number;
  refunded: boolean;
  payment_intent: string;
  currency: string;
  status: 'succeeded' | 'failed';
}

export interface FakeRefund extends Json {
  id: string;
  object: 'refund';
  amount: number;
  charge: string;
  payment_intent: string;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed' | 'canceled';
  reason: string | null;
  metadata: Record<string, string>;
  failure_reason?: string;
}

export interface FakeEvent extends Json {
  id: string;
  object: 'event';
  type: string;
  api_version: string;
  created: number;
  data: { object: Json; previous_attributes?: Json };
  livemode: false;
}

export interface FakeRequestRecord {
  method: string;
  path: string;
  params: Json;
  idempotencyKey: string | undefined;
  apiKey: string | undefined;
  status: number;
  /** True when answered from the idempotency store. */
  replayed: boolean;
}

export type FakeFault =
  | { status: number; type: string; code?: string; message?: string; shouldRetry?: boolean }
  | 'network'
  | 'drop-response';

export interface SendWebhookOptions {
  /** Change the body after signing: true bumps data.object.amount by 100; a function rewrites the payload. */
  tamper?: boolean | ((payload: string) => string);
  /** Sign with a wrong secret. */
  badSignature?: boolean;
  /** Send no Stripe-Signature header. */
  omitSignature?: boolean;
  /** Signature timestamp in unix seconds (default now); an old one tests the tolerance window. */
  timestamp?: number;
  /** Deliver the identical event (same id, same body) this many times in a row. Default 1. */
  times?: number;
  /** Override `webhookUrl` for this delivery. */
  url?: string;
}

export interface BuildEventOptions {
  /** Also change the fake's own state as the event implies (default true). */
  apply?: boolean;
  /** charge.refunded: refund this amount first (default: all that is left, when nothing was refunded yet). */
  amountMinor?: number;
  /** payment_intent.payment_failed: the decline code (default card_declined); refund.failed: the reason. */
  failureCode?: string;
  /** Event `created` in unix seconds (default now). */
  created?: number;
}

export interface WebhookDelivery {
  event: FakeEvent;
  /** The HTTP status our server answered to the last delivery (0 when it could not be reached). */
  status: number;
  statuses: number[];
  responseBody: string;
}

export interface FakeStripe {
  baseUrl: string;
  port: number;
  /** Where webhooks go; settable after start (the app usually starts after the fake). */
  webhookUrl: string | undefined;
  /** When true, API calls that change state (confirm, cancel, refund) also send their webhooks, like Stripe. */
  autoWebhooks: boolean;
  /** Status new refunds get: 'succeeded' (cards, default) or 'pending' (settle later with refund.updated). */
  refundMode: 'succeeded' | 'pending';
  intents: Map<string, FakePaymentIntent>;
  charges: Map<string, FakeCharge>;
  refunds: Map<string, FakeRefund>;
  requests: FakeRequestRecord[];
  deliveries: WebhookDelivery[];
  failNext(count: number, fault?: FakeFault): void;
  signatureHeader(payload: string, timestampSeconds?: number, secret?: string): string;
  buildEvent(type: string, objectId: string, options?: BuildEventOptions): FakeEvent;
  sendWebhook(event: FakeEvent, options?: SendWebhookOptions): Promise<WebhookDelivery>;
  deliver(
    type: string,
    objectId: string,
    options?: BuildEventOptions & SendWebhookOptions,
  ): Promise<WebhookDelivery>;
  /** Waits for automatic webhooks still in flight. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface FakeStripeOptions {
  webhookSecret: string;
  webhookUrl?: string;
  autoWebhooks?: boolean;
}

class StripeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Json,
  ) {
    super(String(body.message));
  }
}

const invalid = (message: string, code?: string, param?: string, status = 400) =>
  new StripeHttpError(status, {
    type: 'invalid_request_error',
    message,
    ...(code ? { code } : {}),
    ...(param ? { param } : {}),
  });

const randomId = (prefix: string, length = 24) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return `${prefix}_${out}`;
};

const unix = () => Math.floor(Date.now() / 1000);
const clone = <T>(v: T): T => structuredClone(v);

// ---- form decoding (the SDK's bracket notation: a[b]=1&list[0]=x&list[]=y) ----------------------

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseStripeForm(body: string): Json {
  const root: Json = {};
  if (!body) return root;
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    if (!match) throw invalid(`Invalid parameter name: ${key}`, 'parameter_invalid');
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    let node: Json = root;
    for (let i = 0; i < path.length; i++) {
      let segment = path[i]!;
      if (FORBIDDEN_KEYS.has(segment)) throw invalid(`Invalid parameter name: ${key}`, 'parameter_invalid');
      if (segment === '') segment = String(Object.keys(node).length);
      if (i === path.length - 1) {
        node[segment] = value;
      } else {
        if (typeof node[segment] !== 'object' || node[segment] === null) node[segment] = {};
        node = node[segment];
      }
    }
  }
  return arraysFromIndexes(root);
}

function arraysFromIndexes(v: any): any {
  if (typeof v !== 'object' || v === null) return v;
  const keys = Object.keys(v);
  for (const k of keys) v[k] = arraysFromIndexes(v[k]);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => v[k]);
  return v;
}

/** Order-independent form of params, for comparing idempotent requests. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Json)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

// ---- parameter checks ---------------------------------------------------------------------------

function allowOnly(params: Json, allowed: string[]) {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) throw invalid(`Received unknown parameter: ${key}`, 'parameter_unknown', key);
  }
}

function integerParam(params: Json, name: string, required: boolean): number | undefined {
  const raw = params[name];
  if (raw === undefined) {
    if (required) throw invalid(`Missing required param: ${name}.`, 'parameter_missing', name);
    return undefined;
  }
  if (typeof raw !== 'string' || !/^-?\d+$/.test(raw)) {
    throw invalid(`Invalid integer: ${String(raw)}`, 'parameter_invalid_integer', name);
  }
  return Number(raw);
}

function metadataParam(params: Json): Record<string, string> {
  const raw = params.metadata;
  if (raw === undefined || raw === '') return {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw invalid('Invalid hash', 'parameter_invalid', 'metadata');
  const entries = Object.entries(raw as Json);
  if (entries.length > 50)
    throw invalid('Metadata can have at most 50 keys.', 'parameter_invalid', 'metadata');
  const out: Record<string, string> = {};
  for (const [k, v] of entries) {
    if (typeof v !== 'string') throw invalid('Invalid metadata value', 'parameter_invalid', `metadata[${k}]`);
    if (k.length > 40)
      throw invalid('Metadata keys can be at most 40 characters.', 'parameter_invalid', 'metadata');
    if (v.length > 500)
      throw invalid('Metadata values can be at most 500 characters.', 'parameter_invalid', 'metadata');
    if (v !== '') out[k] = v;
  }
  return out;
}

function enumParam(params: Json, name: string, values: string[]): string | undefined {
  const raw = params[name];
  if (raw === undefined || raw === '') return undefined;
  if (!values.includes(raw)) {
    throw invalid(`Invalid ${name}: must be one of ${values.join(', ')}`, 'parameter_invalid', name);
  }
  return raw;
}

const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

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

// ---- the server -----------------------------------------------------------------------------------

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  const intents = new Map<string, FakePaymentIntent>();
  const charges = new Map<string, FakeCharge>();
  const refunds = new Map<string, FakeRefund>();
  const requests: FakeRequestRecord[] = [];
  const deliveries: WebhookDelivery[] = [];
  const faults: FakeFault[] = [];
  const inFlight = new Set<Promise<unknown>>();
  /** idempotency key -> the first request's endpoint, params and answer. */
  const idempotency = new Map<string, { endpoint: string; params: string; status: number; body: Json }>();

  // ---- state changes shared by the API and by buildEvent({ apply }) ----

  const getIntent = (id: string, param = 'intent'): FakePaymentIntent => {
    const pi = intents.get(id);
    if (!pi) throw invalid(`No such payment_intent: '${id}'`, 'resource_missing', param, 404);
    return pi;
  };

  const succeed = (pi: FakePaymentIntent, paymentMethod: string) => {
    const charge: FakeCharge = {
      id: randomId('ch'),
      object: 'charge',
      amount: pi.amount,
      amount_captured: pi.amount,
      amount_refunded: 0,
      captured: true,
      created: unix(),
      currency: pi.currency,
      livemode: false,
      metadata: { ...pi.metadata },
      paid: true,
      payment_intent: pi.id,
      payment_method: paymentMethod,
      refunded: false,
      status: 'succeeded',
    };
    charges.set(charge.id, charge);
    Object.assign(pi, {
      status: 'succeeded',
      amount_received: pi.amount,
      latest_charge: charge.id,
      payment_method: paymentMethod,
      last_payment_error: null,
    });
  };

  const decline = (pi: FakePaymentIntent, paymentMethod: string, declineCode: string) => {
    const code = ['expired_card', 'incorrect_cvc'].includes(declineCode) ? declineCode : 'card_declined';
    const error = {
      type: 'card_error',
      code,
      decline_code: declineCode,
      message:
        declineCode === 'insufficient_funds'
          ? 'Your card has insufficient funds.'
          : 'Your card was declined.',
      payment_method: { id: paymentMethod, object: 'payment_method', type: 'card' },
    };
    Object.assign(pi, { status: 'requires_payment_method', last_payment_error: error, payment_method: null });
    return error;
  };

  const cancel = (pi: FakePaymentIntent, reason: string | undefined) => {
    Object.assign(pi, { status: 'canceled', canceled_at: unix(), cancellation_reason: reason ?? null });
  };

  const createRefund = (
    pi: FakePaymentIntent,
    amount: number | undefined,
    reason?: string,
    metadata = {},
  ) => {
    if (pi.status !== 'succeeded' || !pi.latest_charge) {
      throw invalid(
        `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
        'payment_intent_unexpected_state',
        'payment_intent',
      );
    }
    const charge = charges.get(pi.latest_charge)!;
    const left = charge.amount - charge.amount_refunded;
    if (left <= 0) throw invalid(`Charge ${charge.id} has already been refunded.`, 'charge_already_refunded');
    const value = amount ?? left;
    if (value <= 0) throw invalid('Refund amount must be positive.', 'parameter_invalid_integer', 'amount');
    if (value > left) {
      throw invalid(
        `Refund amount (${money(value, charge.currency)}) is greater than unrefunded amount on charge (${money(left, charge.currency)})`,
        'amount_too_large',
        'amount',
      );
    }
    const refund: FakeRefund = {
      id: randomId('re'),
      object: 'refund',
      amount: value,
      balance_transaction: null,
      charge: charge.id,
      created: unix(),
      currency: charge.currency,
      metadata,
      payment_intent: pi.id,
      reason: reason ?? null,
      receipt_number: null,
      source_transfer_reversal: null,
      status: fake.refundMode,
      transfer_reversal: null,
    };
    refunds.set(refund.id, refund);
    charge.amount_refunded += value;
    charge.refunded = charge.amount_refunded === charge.amount;
    return refund;
  };

  const failRefund = (refund: FakeRefund, reason: string) => {
    if (refund.status === 'failed') return;
    refund.status = 'failed';
    refund.failure_reason = reason;
    const charge = charges.get(refund.charge);
    if (charge) {
      charge.amount_refunded -= refund.amount;
      charge.refunded = false;
    }
  };

  // ---- events and webhooks ----

  const autoSend = (type: string, objectId: string) => {
    if (!fake.autoWebhooks || !fake.webhookUrl) return;
    const event = fake.buildEvent(type, objectId, { apply: false });
    const p = fake.sendWebhook(event).finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  const signatureHeader = (payload: string, timestampSeconds = unix(), secret = options.webhookSecret) => {
    const signature = createHmac('sha256', secret)
      .update(`${timestampSeconds}.${payload}`, 'utf8')
      .digest('hex');
    return `t=${timestampSeconds},v1=${signature}`;
  };

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

  async function sendWebhook(event: FakeEvent, opts: SendWebhookOptions = {}): Promise<WebhookDelivery> {
    const url = opts.url ?? fake.webhookUrl;
    if (!url) throw new Error('fake-stripe: no webhookUrl to deliver to');
    // Stripe sends pretty-printed JSON: a receiver that re-serialises the parsed body cannot verify it.
    const payload = JSON.stringify(event, null, 2);
    const timestamp = opts.timestamp ?? unix();
    const header = signatureHeader(
      payload,
      timestamp,
      opts.badSignature ? `${options.webhookSecret}_wrong` : options.webhookSecret,
    );
    let body = payload;
    if (opts.tamper === true) {
      const object = event.data.object;
      body = JSON.stringify(
        {
          ...event,
          data: { ...event.data, object: { ...object, amount: Number(object.amount ?? 0) + 100 } },
        },
        null,
        2,
      );
    } else if (typeof opts.tamper === 'function') {
      body = opts.tamper(payload);
    }
    const statuses: number[] = [];
    let responseBody = '';
    for (let i = 0; i < (opts.times ?? 1); i++) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
            ...(opts.omitSignature ? {} : { 'stripe-signature': header }),
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        statuses.push(res.status);
        responseBody = await res.text();
      } catch {
        statuses.push(0);
        responseBody = '';
      }
    }
    const delivery: WebhookDelivery = { event, status: statuses.at(-1) ?? 0, statuses, responseBody };
    deliveries.push(delivery);
    return delivery;
  }

  // ---- API handlers ----

  type Handler = (params: Json, id: string | undefined) => { status?: number; body: Json };

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

  const createRefundHandler: Handler = (params) => {
    allowOnly(params, ['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'expand']);
    const amount = integerParam(params, 'amount', false);
    const reason = enumParam(params, 'reason', ['duplicate', 'fraudulent', 'requested_by_customer']);
    const metadata = metadataParam(params);
    let pi: FakePaymentIntent;
    if (typeof params.payment_intent === 'string' && params.payment_intent !== '') {
      pi = getIntent(params.payment_intent, 'payment_intent');
    } else if (typeof params.charge === 'string' && params.charge !== '') {
      const charge = charges.get(params.charge);
      if (!charge) throw invalid(`No such charge: '${params.charge}'`, 'resource_missing', 'charge', 404);
      pi = getIntent(charge.payment_intent, 'payment_intent');
    } else {
      throw invalid(
        'One of the following params should be provided for this request: payment_intent or charge.',
        'parameter_missing',
      );
    }
    const refund = createRefund(pi, amount, reason, metadata);
    if (refund.status === 'succeeded') autoSend('charge.refunded', refund.charge);
    return { body: clone(refund) };
  };

  const retrieveRefund: Handler = (params, id) => {
    allowOnly(params, ['expand']);
    const refund = refunds.get(id!);
    if (!refund) throw invalid(`No such refund: '${id}'`, 'resource_missing', 'id', 404);
    return { body: clone(refund) };
  };

  const retrieveCharge: Handler = (params, id) => {
    allowOnly(params, ['expand']);
    const charge = charges.get(id!);
    if (!charge) throw invalid(`No such charge: '${id}'`, 'resource_missing', 'charge', 404);
    return { body: clone(charge) };
  };

  const routes: Array<{ method: string; pattern: RegExp; handler: Handler }> = [
    { method: 'POST', pattern: /^\/v1\/payment_intents$/, handler: createIntent },
    { method: 'GET', pattern: /^\/v1\/payment_intents\/([^/]+)$/, handler: retrieveIntent },
    { method: 'POST', pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/, handler: cancelIntent },
    { method: 'POST', pattern: /^\/v1\/payment_intents\/([^/]+)\/confirm$/, handler: confirmIntent },
    { method: 'POST', pattern: /^\/v1\/refunds$/, handler: createRefundHandler },
    { method: 'GET', pattern: /^\/v1\/refunds\/([^/]+)$/, handler: retrieveRefund },
    { method: 'GET', pattern: /^\/v1\/charges\/([^/]+)$/, handler: retrieveCharge },
  ];

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const send = (res: ServerResponse, status: number, body: Json, headers: Record<string, string>) => {
    const text = JSON.stringify(body, null, 2);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      'request-id': randomId('req', 14),
      ...headers,
    });
    res.end(text);
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake-stripe');
    const method = req.method ?? 'GET';
    const raw = await readBody(req).catch(() => '');
    const idempotencyKey = header(req, 'idempotency-key');
    const auth = header(req, 'authorization');
    const apiKey = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const headers: Record<string, string> = {
      'stripe-version': header(req, 'stripe-version') ?? FAKE_STRIPE_API_VERSION,
      ...(idempotencyKey && method === 'POST' ? { 'idempotency-key': idempotencyKey } : {}),
    };
    let params: Json = {};
    const record = (status: number, replayed = false) =>
      requests.push({ method, path: url.pathname, params, idempotencyKey, apiKey, status, replayed });

    const fault = faults.shift();
    if (fault === 'network') {
      record(0);
      req.socket.destroy();
      return;
    }
    try {
      if (!apiKey) {
        throw invalid(
          'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.',
          undefined,
          undefined,
          401,
        );
      }
      if (!/^(sk|rk)_test_/.test(apiKey)) {
        throw invalid(
          'Invalid API Key provided (the fake accepts test keys only).',
          'api_key_invalid',
          undefined,
          401,
        );
      }
      if (fault && typeof fault === 'object') {
        const status = fault.status;
        const body = {
          type: fault.type,
          message: fault.message ?? 'Injected failure.',
          ...(fault.code ? { code: fault.code } : {}),
        };
        record(status);
        return send(
          res,
          status,
          { error: body },
          {
            ...headers,
            ...(fault.shouldRetry !== undefined ? { 'stripe-should-retry': String(fault.shouldRetry) } : {}),
          },
        );
      }
      params = method === 'POST' ? parseStripeForm(raw) : parseStripeForm(url.search.slice(1));
      const route = routes.find((r) => r.method === method && r.pattern.test(url.pathname));
      if (!route) {
        throw invalid(`Unrecognized request URL (${method}: ${url.pathname}).`, undefined, undefined, 404);
      }
      const endpoint = `${method} ${url.pathname}`;
      const fingerprint = canonical(params);
      if (method === 'POST' && idempotencyKey) {
        const seen = idempotency.get(idempotencyKey);
        if (seen) {
          if (seen.endpoint !== endpoint) {
            throw new StripeHttpError(400, {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${seen.endpoint}' vs '${endpoint}'). Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            });
          }
          if (seen.params !== fingerprint) {
            throw new StripeHttpError(400, {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            });
          }
          record(seen.status, true);
          return send(res, seen.status, seen.body, { ...headers, 'idempotent-replayed': 'true' });
        }
      }
      const id = route.pattern.exec(url.pathname)?.[1];
      let status: number;
      let body: Json;
      try {
        const out = route.handler(params, id ? decodeURIComponent(id) : undefined);
        status = out.status ?? 200;
        body = out.body;
      } catch (e) {
        // Card errors happen after the request started executing: Stripe replays them too.
        if (!(e instanceof StripeHttpError) || e.status !== 402) throw e;
        status = 402;
        body = { error: e.body };
      }
      if (method === 'POST' && idempotencyKey) {
        idempotency.set(idempotencyKey, { endpoint, params: fingerprint, status, body });
      }
      record(status);
      if (fault === 'drop-response') {
        req.socket.destroy();
        return;
      }
      return send(res, status, body, headers);
    } catch (e) {
      if (e instanceof StripeHttpError) {
        record(e.status);
        return send(res, e.status, { error: e.body }, headers);
      }
      record(500);
      return send(
        res,
        500,
        { error: { type: 'api_error', message: `fake-stripe crashed: ${(e as Error).message}` } },
        headers,
      );
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const fake: FakeStripe = {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    webhookUrl: options.webhookUrl,
    autoWebhooks: options.autoWebhooks ?? false,
    refundMode: 'succeeded',
    intents,
    charges,
    refunds,
    requests,
    deliveries,
    failNext(count, fault = { status: 500, type: 'api_error', message: 'Injected failure.' }) {
      for (let i = 0; i < count; i++) faults.push(fault);
    },
    signatureHeader,
    buildEvent,
    sendWebhook,
    deliver(type, objectId, opts = {}) {
      return sendWebhook(buildEvent(type, objectId, opts), opts);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
