/**
 * The transactional outbox: written on commit, claimed once, retried with backoff, failed, recovered
 * and released.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { confirmation, startSmtp, useNotificationsApp } from '../../test-support/notifications-fixtures.ts';
import { claimDue, enqueue } from './outbox.repo.ts';

describe(`notifications: transactional outbox, mail and SMS (${testDialect})`, () => {
  let t: TestApp;
  const { services, service, put, row } = useNotificationsApp((app) => {
    t = app;
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
