import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { createNotificationsService, type NotificationsService } from './notifications.service.ts';
import { claimDue, enqueue, getOutboxMessage } from './outbox.repo.ts';
import type { OrderConfirmationPayload } from './templates/index.ts';

// ---------- fixtures ----------

const confirmation = (over: Partial<OrderConfirmationPayload> = {}): OrderConfirmationPayload => ({
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
async function startSmtp(opts: { rejectRcpt?: boolean } = {}) {
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
function mimeParts(raw: string): { headers: string; text: string; html: string } {
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
async function startSmsApi(status = 201) {
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

// ---------- tests ----------

describe(`notifications: transactional outbox, mail and SMS (${testDialect})`, () => {
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

  it('writes the outbox row only when the business transaction commits', async () => {
    const before = (await tableCounts(t.store)).outbox;
    await expect(
      t.store.tx(async (tx) => {
        await enqueue(tx, t.store, {
          topic: 'mail.order_confirmation',
          payload: confirmation(),
          now: Date.now(),
        });
        throw new Error('payment provider refused: roll back the order');
      }),
    ).rejects.toThrow('roll back');
    expect((await tableCounts(t.store)).outbox).toBe(before);

    const id = await put('mail.order_confirmation', confirmation());
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0, topic: 'mail.order_confirmation' });
  });

  it('delivers the order confirmation to a real SMTP server with the order number, lines and total', async () => {
    const smtp = await startSmtp();
    try {
      const n = service({ smtpUrl: smtp.url });
      expect(n.mailTransport).toBe('smtp');
      const id = await put('mail.order_confirmation', confirmation());

      const report = await n.drain();
      expect(report).toMatchObject({ claimed: 1, sent: 1, retried: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0]!;
      expect(mail.to).toEqual(['ana.customer@example.com']);
      expect(mail.from).toBe('orders@shoebox.test');
      expect(mail.user).toBe('shop'); // credentials from SMTP_URL were used

      const { headers, text, html } = mimeParts(mail.raw);
      expect(headers).toContain(`Message-ID: <${id}@shoebox>`);
      expect(headers).toMatch(/Subject: Your Shoebox order SB-10042 is confirmed/);
      for (const part of [text, html]) {
        expect(part).toContain('SB-10042');
        expect(part).toContain('MILA-NUDE-38');
        expect(part).toContain('Mila pointed-toe pump');
        expect(part).toContain('EU 38');
        expect(part).toContain('ROSA-BLACK-39');
        expect(part).toContain('Rosa ballet flat');
        expect(part).toContain('EU 39');
        expect(part).toContain('€213.90');
        expect(part).toContain('Dublin');
      }
      expect(text).toContain('2 x Rosa ballet flat');
      expect(html).toContain('<strong>€213.90</strong>');

      const sent = await row(id);
      expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null, claimedBy: null });
      expect(sent.sentAt).toBeGreaterThan(0);

      // Draining again finds nothing to send.
      expect(await n.drain()).toMatchObject({ claimed: 0, sent: 0 });
      expect(smtp.received).toHaveLength(1);
    } finally {
      for (const s of services.splice(0)) await s.close();
      await smtp.close();
    }
  });

  it('never sends a message twice when two instances drain concurrently', async () => {
    const smtp = await startSmtp();
    try {
      const a = service({ smtpUrl: smtp.url, batchSize: 20 });
      const b = service({ smtpUrl: smtp.url, batchSize: 20 });
      const ids: string[] = [];
      for (let i = 0; i < 12; i++)
        ids.push(await put('mail.order_confirmation', confirmation({ orderNumber: `SB-2${i}` })));

      const now = Date.now();
      const reports = await Promise.all([
        a.drain({ now }),
        b.drain({ now }),
        a.drain({ now }),
        b.drain({ now }),
      ]);
      expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(12);
      expect(reports.reduce((sum, r) => sum + r.claimed, 0)).toBe(12);
      expect(smtp.received).toHaveLength(12);
      const messageIds = smtp.received.map((m) => /Message-ID: (<[^>]+>)/.exec(m.raw)?.[1]);
      expect(new Set(messageIds).size).toBe(12);
      expect(new Set(messageIds)).toEqual(new Set(ids.map((id) => `<${id}@shoebox>`)));
      for (const id of ids) expect((await row(id)).status).toBe('sent');

      await Promise.all([a.drain(), b.drain()]);
      expect(smtp.received).toHaveLength(12);
    } finally {
      for (const s of services.splice(0)) await s.close();
      await smtp.close();
    }
  });

  it('retries a rejected mail with growing backoff, then marks it failed after 8 attempts', async () => {
    const smtp = await startSmtp({ rejectRcpt: true });
    try {
      const n = service({ smtpUrl: smtp.url });
      const id = await put('mail.payment_failed', {
        to: 'bo@example.com',
        customerName: 'Bo',
        orderNumber: 'SB-777',
        currency: 'EUR',
        totalMinor: 4500,
        reason: 'Your card was declined.',
      });
      let now = Date.now();
      const first = await n.drain({ now });
      expect(first).toMatchObject({ claimed: 1, retried: 1 });
      let r = await row(id);
      expect(r).toMatchObject({ status: 'pending', attempts: 1 });
      expect(r.nextAttemptAt).toBe(now + 60_000);
      expect(r.lastError).toContain('Mailbox temporarily unavailable');

      // Not due yet: nothing happens.
      expect(await n.drain({ now: now + 59_999 })).toMatchObject({ claimed: 0 });
      expect((await row(id)).attempts).toBe(1);

      const delays: number[] = [r.nextAttemptAt - now];
      while (r.status === 'pending') {
        now = r.nextAttemptAt;
        await n.drain({ now });
        r = await row(id);
        if (r.status === 'pending') delays.push(r.nextAttemptAt - now);
      }
      expect(r.status).toBe('failed');
      expect(r.attempts).toBe(8);
      expect(r.lastError).toMatch(
        /^Gave up after 8 attempts\. Last error: .*Mailbox temporarily unavailable/,
      );
      expect(delays).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000]);
      expect(smtp.received).toHaveLength(0);

      // A failed message stays failed.
      expect(await n.drain({ now: now + 86_400_000 })).toMatchObject({ claimed: 0 });
    } finally {
      for (const s of services.splice(0)) await s.close();
      await smtp.close();
    }
  });

  it('marks an invalid payload or an unknown topic failed with a clear error and keeps draining', async () => {
    const n = service({});
    const bad = await put('mail.order_confirmation', { ...confirmation(), to: 'not-an-email', lines: [] });
    const unknown = await put('mail.no_such_template', { to: 'x@example.com' });
    const good = await put('mail.order_shipped', {
      to: 'cy@example.com',
      customerName: 'Cy',
      orderNumber: 'SB-9',
      carrier: 'House carrier',
      trackingNumber: 'HC123456',
      trackingUrl: 'https://track.example.com/HC123456',
    });

    const report = await n.drain();
    expect(report).toMatchObject({ claimed: 3, sent: 1, failed: 2, retried: 0 });
    const badRow = await row(bad);
    expect(badRow.status).toBe('failed');
    expect(badRow.lastError).toMatch(/^INVALID_PAYLOAD for mail\.order_confirmation: /);
    expect(badRow.lastError).toContain('to:');
    expect(badRow.lastError).toContain('lines:');
    expect((await row(unknown)).lastError).toBe(
      'UNKNOWN_TOPIC: no sender handles the topic "mail.no_such_template".',
    );
    expect((await row(good)).status).toBe('sent');
  });

  it('re-sends a message whose sender died after claiming it, with the same Message-ID', async () => {
    const smtp = await startSmtp();
    try {
      const n = service({ smtpUrl: smtp.url, claimMs: 30_000 });
      const id = await put('mail.refund_issued', {
        to: 'di@example.com',
        customerName: 'Di',
        orderNumber: 'SB-5',
        currency: 'EUR',
        amountMinor: 2500,
      });
      const now = Date.now();
      // A drain on another instance claims the message and dies before sending.
      const dead = await claimDue(t.store, { now, limit: 10, claimMs: 30_000, maxAttempts: 8 });
      expect(dead.rows.map((r) => r.id)).toEqual([id]);
      expect(await n.drain({ now: now + 29_000 })).toMatchObject({ claimed: 0 });
      expect(await n.drain({ now: now + 30_001 })).toMatchObject({ claimed: 1, sent: 1 });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.raw).toContain(`Message-ID: <${id}@shoebox>`);
      expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      for (const s of services.splice(0)) await s.close();
      await smtp.close();
    }
  });

  it('gives up on a message whose sender died during its last allowed attempt', async () => {
    const n = service({});
    const id = await put('mail.refund_issued', {
      to: 'ed@example.com',
      customerName: 'Ed',
      orderNumber: 'SB-6',
      currency: 'EUR',
      amountMinor: 100,
    });
    const now = Date.now();
    await t.store.tx((tx) =>
      tx
        .update(t.store.t.outbox)
        .set({ status: 'sending', attempts: 8, claimedBy: 'dead-drain', claimedUntil: now - 1 })
        .where(eq(t.store.t.outbox.id, id)),
    );
    expect(await n.drain({ now })).toMatchObject({ claimed: 0, sent: 0 });
    expect(await row(id)).toMatchObject({ status: 'failed', claimedBy: null });
    expect((await row(id)).lastError).toMatch(/^Gave up after 8 attempts/);
  });

  it('without SMTP writes an .eml file under the data dir and lists it at GET /admin/mail', async () => {
    const n = service({});
    expect(n.mailTransport).toBe('file');
    const id = await put(
      'mail.order_confirmation',
      confirmation({ customerName: 'Eve <script>alert(1)</script>', orderNumber: 'SB-31337' }),
    );
    expect(await n.drain()).toMatchObject({ sent: 1 });

    const dir = join(t.config.dataDir, 'mail');
    const file = join(dir, `${id}@shoebox.eml`);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const raw = readFileSync(file, 'utf8');
    expect(raw).toContain('\r\n'); // RFC 822 line ends
    expect(raw).toContain(`Message-ID: <${id}@shoebox>`);
    const { text, html } = mimeParts(raw);
    expect(text).toContain('SB-31337');
    expect(html).toContain('Hello Eve &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(html).not.toContain('<script>');

    const list = await t.call('GET', '/admin/mail', { token: t.tokens.manager });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      outboxId: id,
      topic: 'mail.order_confirmation',
      to: 'ana.customer@example.com',
      subject: 'Your Shoebox order SB-31337 is confirmed',
      transport: 'file',
      fileName: `${id}@shoebox.eml`,
      messageId: `<${id}@shoebox>`,
    });

    const detail = await t.call('GET', `/admin/mail/${list.body.items[0].id}`, { token: t.tokens.owner });
    expect(detail.status).toBe(200);
    expect(detail.body.subject).toBe('Your Shoebox order SB-31337 is confirmed');
    expect(detail.body.to).toBe('ana.customer@example.com');
    expect(detail.body.text).toContain('SB-31337');
    expect(detail.body.html).toContain('&lt;script&gt;');
    expect(detail.body.html).not.toContain('<script>');

    const filtered = await t.call(
      'GET',
      '/admin/mail?to=ANA.customer@example.com&topic=mail.order_confirmation',
      {
        token: t.tokens.manager,
      },
    );
    expect(filtered.body.total).toBe(1);
    expect(
      (await t.call('GET', '/admin/mail?to=nobody@example.com', { token: t.tokens.manager })).body.total,
    ).toBe(0);

    expect((await t.call('GET', '/admin/mail', { token: t.tokens.warehouse })).status).toBe(403);
    expect(
      (await t.call('GET', `/admin/mail/${list.body.items[0].id}`, { token: t.tokens.warehouse })).status,
    ).toBe(403);
    expect((await t.call('GET', '/admin/mail')).status).toBe(401);
    const missing = await t.call('GET', '/admin/mail/0190a000-0000-7000-8000-000000000000', {
      token: t.tokens.owner,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('MAIL_NOT_FOUND');
    const badQuery = await t.call('GET', '/admin/mail?pageSize=0&nope=1', { token: t.tokens.owner });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.code).toBe('VALIDATION_FAILED');

    // Sending the same outbox message again (a retry after a crash) overwrites its own file.
    await t.store.tx((tx) =>
      tx.update(t.store.t.outbox).set({ status: 'pending' }).where(eq(t.store.t.outbox.id, id)),
    );
    await n.drain();
    expect(readdirSync(dir).filter((f) => f.startsWith(id))).toEqual([`${id}@shoebox.eml`]);
    expect((await t.call('GET', '/admin/mail', { token: t.tokens.manager })).body.total).toBe(1);
  });

  it('sends SMS as a Twilio-style form POST with basic auth when configured', async () => {
    const api = await startSmsApi();
    try {
      const n = service({
        sms: { apiUrl: `${api.url}/`, accountSid: 'AC123', authToken: 'tok', from: '+15005550006' },
      });
      expect(n.smsEnabled).toBe(true);
      const id = await put('sms.order_shipped', {
        to: '+353861234567',
        orderNumber: 'SB-42',
        carrier: 'House carrier',
        trackingUrl: 'https://track.example.com/HC1',
      });
      expect(await n.drain()).toMatchObject({ sent: 1 });
      expect(api.requests).toHaveLength(1);
      const req = api.requests[0]!;
      expect(req.method).toBe('POST');
      expect(req.url).toBe('/2010-04-01/Accounts/AC123/Messages.json');
      expect(req.type).toBe('application/x-www-form-urlencoded');
      expect(req.auth).toBe(`Basic ${Buffer.from('AC123:tok').toString('base64')}`);
      expect(req.body.get('To')).toBe('+353861234567');
      expect(req.body.get('From')).toBe('+15005550006');
      expect(req.body.get('Body')).toBe(
        'Shoebox: your order SB-42 is on its way with House carrier. Track it: https://track.example.com/HC1',
      );
      expect(await row(id)).toMatchObject({ status: 'sent', lastError: null });
    } finally {
      await api.close();
    }
  });

  it('retries an SMS the provider refuses, with its message as the error', async () => {
    const api = await startSmsApi(400);
    try {
      const n = service({
        sms: { apiUrl: api.url, accountSid: 'AC1', authToken: 'tok', from: '+15005550006' },
      });
      const id = await put('sms.order_shipped', { to: '+353861234567', orderNumber: 'SB-43', carrier: 'HC' });
      expect(await n.drain()).toMatchObject({ retried: 1 });
      expect(await row(id)).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: "SMS provider answered 400: The 'To' number is not a valid phone number.",
      });
    } finally {
      await api.close();
    }
  });

  it('skips SMS with "sms disabled" when SMS is not configured', async () => {
    const n = service({ sms: { apiUrl: 'http://127.0.0.1:9', accountSid: 'AC1' } });
    expect(n.smsEnabled).toBe(false);
    const id = await put('sms.order_shipped', { to: '+353861234567', orderNumber: 'SB-44', carrier: 'HC' });
    expect(await n.drain()).toMatchObject({ claimed: 1, skipped: 1, sent: 0 });
    const r = await row(id);
    expect(r.status).toBe('skipped');
    expect(r.lastError).toMatch(/^sms disabled/);
    expect(await n.drain()).toMatchObject({ claimed: 0 });
  });

  it('hands unstarted messages back when a drain is aborted, without using an attempt', async () => {
    const n = service({});
    const ids = [
      await put('mail.order_confirmation', confirmation({ orderNumber: 'SB-A1' })),
      await put('mail.order_confirmation', confirmation({ orderNumber: 'SB-A2' })),
    ];
    const aborted = new AbortController();
    aborted.abort();
    expect(await n.drain({ signal: aborted.signal })).toMatchObject({ claimed: 2, released: 2, sent: 0 });
    for (const id of ids)
      expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0, claimedBy: null });
    expect(await n.drain()).toMatchObject({ sent: 2 });
  });
});
