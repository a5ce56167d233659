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
 *
 * Layout (fake-stripe/): server.ts (HTTP, routing, auth, fault injection), form-body.ts (the SDK's
 * bracket-notation bodies), params.ts (parameter checks), payment-intents.ts and refunds.ts (the
 * endpoints), ledger.ts (state changes shared by endpoints and events), idempotency.ts, events.ts
 * (building events) and webhooks.ts (signing and delivery).
 */
export { FAKE_STRIPE_API_VERSION } from './fake-stripe/common.ts';
export { parseStripeForm } from './fake-stripe/form-body.ts';
export { startFakeStripe } from './fake-stripe/server.ts';
export type {
  BuildEventOptions,
  FakeCharge,
  FakeEvent,
  FakeFault,
  FakePaymentIntent,
  FakeRefund,
  FakeRequestRecord,
  FakeStripe,
  FakeStripeOptions,
  SendWebhookOptions,
  WebhookDelivery,
} from './fake-stripe/types.ts';
