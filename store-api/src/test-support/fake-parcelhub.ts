import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server speaking ParcelHub's REST API (integrations/carriers/parcelhub.ts), shaped like
 * EasyPost's: Bearer-key auth, JSON bodies, Idempotency-Key honoured on every POST.
 *
 *   POST /v1/shipments               { from_address, to_address, parcel: { weight_g } } -> { id, rates }
 *   POST /v1/shipments/:id/buy       { rate_id } -> { id, tracking_code, label: { url }, selected_rate }
 *   POST /v1/shipments/:id/refund    -> { refund_status } (rejected once the parcel was scanned)
 *   GET  /v1/trackers/:code          -> { tracking_code, events: [{ status, message, datetime }] }
 *   GET  /labels/:id.pdf             the label bytes
 *
 * `scan(code, status)` adds a tracking event as the carrier's network would.
 */

export interface FakeParcelHub {
  baseUrl: string;
  apiKey: string;
  requests: Array<{ method: string; path: string; idempotencyKey: string | null }>;
  /** Tracking codes of labels bought; refunded ones are in `refunded`. */
  bought: string[];
  refunded: string[];
  scan(trackingCode: string, status: string, message?: string): void;
  close(): Promise<void>;
}

interface Shipment {
  id: string;
  weight: number;
  country: string;
  rates: Array<{
    id: string;
    service: string;
    service_name: string;
    amount: string;
    currency: string;
    delivery_days: number;
  }>;
  bought?: Record<string, unknown>;
  trackingCode?: string;
}

export async function startFakeParcelHub(apiKey = 'ph_test_key_123'): Promise<FakeParcelHub> {
  const shipments = new Map<string, Shipment>();
  const events = new Map<string, Array<{ status: string; message: string; datetime: string }>>();
  const idempotent = new Map<string, { status: number; body: unknown }>();
  const requests: FakeParcelHub['requests'] = [];
  const bought: string[] = [];
  const refunded: string[] = [];
  let serial = 0;
  const id = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  function route(
    method: string,
    path: string,
    body: Record<string, unknown>,
  ): { status: number; body: unknown } {
    if (method === 'POST' && path === '/v1/shipments') {
      const parcel = body.parcel as { weight_g?: number } | undefined;
      const to = body.to_address as { country?: string } | undefined;
      if (!parcel?.weight_g || !to?.country)
        return { status: 422, body: { error: { message: 'parcel and to_address required' } } };
      const heavy = parcel.weight_g > 30_000;
      const s: Shipment = {
        id: id('shp'),
        weight: parcel.weight_g,
        country: to.country,
        rates: heavy
          ? []
          : [
              {
                id: id('rate'),
                service: 'ground',
                service_name: 'ParcelHub Ground',
                amount: '6.40',
                currency: 'eur',
                delivery_days: 4,
              },
              {
                id: id('rate'),
                service: 'express',
                service_name: 'ParcelHub Express',
                amount: '14.05',
                currency: 'eur',
                delivery_days: 1,
              },
            ],
      };
      shipments.set(s.id, s);
      return { status: 201, body: { id: s.id, rates: s.rates } };
    }
    const buy = /^\/v1\/shipments\/([\w]+)\/buy$/.exec(path);
    if (method === 'POST' && buy) {
      const s = shipments.get(buy[1] as string);
      if (!s) return { status: 404, body: { error: { message: 'no such shipment' } } };
      const rate = s.rates.find((r) => r.id === body.rate_id);
      if (!rate) return { status: 422, body: { error: { message: 'no such rate' } } };
      if (!s.bought) {
        s.trackingCode = `PH${String(++serial).padStart(10, '0')}`;
        s.bought = {
          id: s.id,
          tracking_code: s.trackingCode,
          label: { url: `${baseUrl}/labels/${s.id}.pdf` },
          selected_rate: rate,
        };
        events.set(s.trackingCode, [
          { status: 'pre_transit', message: 'Label created', datetime: new Date().toISOString() },
        ]);
        bought.push(s.trackingCode);
      }
      return { status: 200, body: s.bought };
    }
    const refund = /^\/v1\/shipments\/([\w]+)\/refund$/.exec(path);
    if (method === 'POST' && refund) {
      const s = shipments.get(refund[1] as string);
      if (!s?.trackingCode) return { status: 404, body: { error: { message: 'no such shipment' } } };
      const scanned = (events.get(s.trackingCode) ?? []).some((e) => e.status !== 'pre_transit');
      if (scanned) return { status: 200, body: { refund_status: 'rejected' } };
      refunded.push(s.trackingCode);
      return { status: 200, body: { refund_status: 'submitted' } };
    }
    const tracker = /^\/v1\/trackers\/([\w]+)$/.exec(path);
    if (method === 'GET' && tracker) {
      const list = events.get(tracker[1] as string);
      if (!list) return { status: 404, body: { error: { message: 'no such tracker' } } };
      return { status: 200, body: { tracking_code: tracker[1], events: list } };
    }
    return { status: 404, body: { error: { message: `no route ${method} ${path}` } } };
  }

  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
    requests.push({ method: req.method ?? 'GET', path, idempotencyKey: key });
    if (path.startsWith('/labels/')) {
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 fake');
      return;
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return send(res, 401, { error: { message: 'bad key' } });
    const body = await readJson(req);
    const cacheKey = key ? `${req.method} ${path} ${key}` : null;
    const cached = cacheKey ? idempotent.get(cacheKey) : undefined;
    const answer = cached ?? route(req.method ?? 'GET', path, body);
    if (cacheKey && !cached) idempotent.set(cacheKey, answer);
    send(res, answer.status, answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    apiKey,
    requests,
    bought,
    refunded,
    scan(code, status, message = status.replaceAll('_', ' ')) {
      events.get(code)?.push({ status, message, datetime: new Date().toISOString() });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
