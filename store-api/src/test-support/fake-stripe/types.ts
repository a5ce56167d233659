/** Public shapes of the fake (re-exported by ../fake-stripe.ts) and the Json bag the handlers pass around. */
export type Json = Record<string, any>;

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
  /** How webhooks are posted: the test app's `t.fetch` checks the answers against the API document. */
  webhookFetch: typeof fetch;
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
