/** Mail transports: SMTP delivery, and the .eml files written without SMTP behind GET /admin/mail. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type TestApp, testDialect } from '../../test-support/harness.ts';
import {
  confirmation,
  mimeParts,
  startSmtp,
  useNotificationsApp,
} from '../../test-support/notifications-fixtures.ts';

describe(`notifications: transactional outbox, mail and SMS (${testDialect})`, () => {
  let t: TestApp;
  const { services, service, put, row } = useNotificationsApp((app) => {
    t = app;
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
});
