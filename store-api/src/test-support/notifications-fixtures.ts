/**
 * Shared setup for the notifications tests: an app whose outbox is emptied before each test, the
 * outbox helpers, a sample order confirmation, a real SMTP server, a MIME reader and a stand-in SMS API.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';
import { createNotificationsService, type NotificationsService } from '../modules/notifications/index.ts';
import { enqueue, getOutboxMessage } from '../modules/notifications/index.ts';
import type { OrderConfirmationPayload } from '../modules/notifications/index.ts';

/**
 * Starts an app for the enclosing describe (handed to `started` when given), empties the outbox
 * before each test and closes the services a test made after it. Returns the outbox helpers.
 */
export function useNotificationsApp(started?: (app: TestApp) => void) {
  let t: TestApp;
  const services: NotificationsService[] = [];
  const service = (
    o: Omit<Parameters<typeof createNotificationsService>[1], 'dataDir'> & { dataDir?: string },
  ) => {
    const s = createNotificationsService(t.store, { dataDir: t.config.dataDir, ...o });
    services.push(s);
    return s;
  };
  const put = (topic: string, payload: unknown, now = Date.now()) =>
    t.store.tx((tx) => enqueue(tx, t.store, { topic, payload, now }));
  const row = async (id: string) => (await getOutboxMessage(t.store, id))!;

  beforeAll(async () => {
    t = await startTestApp();
    started?.(t);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    // Each test starts with an empty outbox, so one test's leftovers are never another's batch.
    await t.store.tx(async (tx) => {
      await tx.delete(t.store.t.sentMail);
      await tx.delete(t.store.t.outbox);
    });
  });
  afterEach(async () => {
    for (const s of services.splice(0)) await s.close();
  });
  return { services, service, put, row };
}

export const confirmation = (over: Partial<OrderConfirmationPayload> = {}): OrderConfirmationPayload => ({
  to: 'ana.customer@example.com',
  customerName: 'Ana Customer',
  orderNumber: 'SB-10042',
  currency: 'EUR',
  lines: [
    {
      sku: 'MILA-NUDE-38',
      name: 'Mila pointed-toe pump',
      colour: 'Nude',
      sizeEu: 38,
      quantity: 1,
      unitPriceMinor: 8995,
      lineTotalMinor: 8995,
    },
    {
      sku: 'ROSA-BLACK-39',
      name: 'Rosa ballet flat',
      colour: 'Black',
      sizeEu: 39,
      width: 'wide',
      quantity: 2,
      unitPriceMinor: 5950,
      lineTotalMinor: 11900,
    },
  ],
  totals: { subtotalMinor: 20895, shippingMinor: 495, taxMinor: 4000, totalMinor: 21390 },
  shippingMethod: 'House carrier standard',
  shippingAddress: {
    name: 'Ana Customer',
    line1: '1 Main Street',
    postalCode: 'D02 X285',
    city: 'Dublin',
    country: 'IE',
  },
  ...over,
});

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  user: string | undefined;
}

/** A real SMTP server on 127.0.0.1 (smtp-server), collecting every message it accepts. */
export async function startSmtp(opts: { rejectRcpt?: boolean } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'shop' && auth.password === 's3cret') cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, cb) {
      if (opts.rejectRcpt) {
        const err = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
        err.responseCode = 450;
        cb(err);
      } else cb();
    },
    onData(stream, session: SMTPServerSession, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: session.user as string | undefined,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    url: `smtp://shop:s3cret@127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The decoded text/plain and text/html parts of a raw RFC 822 message (what a mail client shows). */
export function mimeParts(raw: string): { headers: string; text: string; html: string } {
  const [headers = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const out = { headers, text: '', html: '' };
  if (!boundary) return out;
  for (const part of raw.split(`--${boundary}`).slice(1)) {
    const [head = '', ...body] = part.split(/\r?\n\r?\n/);
    const type = /content-type:\s*([^;\r\n]+)/i.exec(head)?.[1]?.trim();
    const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(head)?.[1]?.toLowerCase();
    const content = body.join('\n\n');
    const decoded =
      encoding === 'quoted-printable'
        ? decodeQuotedPrintable(content)
        : encoding === 'base64'
          ? Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8')
          : content;
    if (type === 'text/plain') out.text = decoded;
    if (type === 'text/html') out.html = decoded;
  }
  void rest;
  return out;
}

function decodeQuotedPrintable(s: string): string {
  const soft = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A stand-in for a Twilio-style SMS API. */
export async function startSmsApi(status = 201) {
  const requests: { method: string; url: string; auth: string; type: string; body: URLSearchParams }[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        auth: req.headers.authorization ?? '',
        type: req.headers['content-type'] ?? '',
        body: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          status < 300
            ? { sid: `SM${requests.length}`, status: 'queued' }
            : { code: 21211, message: "The 'To' number is not a valid phone number." },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { requests, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
