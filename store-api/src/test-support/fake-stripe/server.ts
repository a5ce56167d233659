import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_STRIPE_API_VERSION, invalid, randomId, StripeHttpError } from './common.ts';
import type { FakeContext, Handler } from './context.ts';
import { createEventBuilder } from './events.ts';
import { parseStripeForm } from './form-body.ts';
import { canonical, findReplay, type IdempotencyStore } from './idempotency.ts';
import { createLedger } from './ledger.ts';
import { createPaymentIntentHandlers } from './payment-intents.ts';
import { createRefundHandlers } from './refunds.ts';
import type {
  FakeCharge,
  FakeFault,
  FakePaymentIntent,
  FakeRefund,
  FakeRequestRecord,
  FakeStripe,
  FakeStripeOptions,
  Json,
  WebhookDelivery,
} from './types.ts';
import { createWebhooks } from './webhooks.ts';

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  const intents = new Map<string, FakePaymentIntent>();
  const charges = new Map<string, FakeCharge>();
  const refunds = new Map<string, FakeRefund>();
  const requests: FakeRequestRecord[] = [];
  const deliveries: WebhookDelivery[] = [];
  const faults: FakeFault[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const idempotency: IdempotencyStore = new Map();
  const ctx: FakeContext = { options, intents, charges, refunds, deliveries, inFlight, fake: () => fake };
  const ledger = createLedger(ctx);
  const buildEvent = createEventBuilder(ctx, ledger);
  const { autoSend, signatureHeader, sendWebhook } = createWebhooks(ctx);
  const { createIntent, retrieveIntent, cancelIntent, confirmIntent } = createPaymentIntentHandlers(
    ctx,
    ledger,
    autoSend,
  );
  const { createRefundHandler, retrieveRefund, retrieveCharge } = createRefundHandlers(ctx, ledger, autoSend);

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
        const seen = findReplay(idempotency, idempotencyKey, endpoint, fingerprint);
        if (seen) {
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
    webhookFetch: fetch,
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
