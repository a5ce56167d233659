import type {
  FakeCharge,
  FakePaymentIntent,
  FakeRefund,
  FakeStripe,
  FakeStripeOptions,
  Json,
  WebhookDelivery,
} from './types.ts';

/** The state one fake instance owns, shared by the ledger, the endpoints, events and webhooks. */
export interface FakeContext {
  options: FakeStripeOptions;
  intents: Map<string, FakePaymentIntent>;
  charges: Map<string, FakeCharge>;
  refunds: Map<string, FakeRefund>;
  deliveries: WebhookDelivery[];
  inFlight: Set<Promise<unknown>>;
  /** The public handle, read at call time: tests change refundMode, autoWebhooks and webhookUrl after start. */
  fake: () => FakeStripe;
}

/** One API endpoint: the parsed params and the id captured from the path. */
export type Handler = (params: Json, id: string | undefined) => { status?: number; body: Json };
