import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowsOf, receive, shopper } from '../../test-support/checkout-fixtures.ts';
import { createProductFixture, type ProductFixture } from '../../test-support/catalog-fixtures.ts';
import { startTestApp, type TestApp } from '../../test-support/harness.ts';

/** Quoted-printable soft breaks and escapes undone, so a mail's text can be searched. */
const readable = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

describe('order confirmation mail over real SMTP after a demo payment', () => {
  const received: Array<{ to: string[]; raw: string }> = [];
  let smtp: SMTPServer;
  let t: TestApp;
  let flows: ReturnType<typeof flowsOf>;
  let product: ProductFixture;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    flows = flowsOf(t);
    product = await createProductFixture(t, {
      name: 'Mila pointed-toe pump',
      colours: ['NUDE'],
      sizes: [38, 39],
    });
    for (const v of product.variants) await receive(t, v.id, 4);
  });
  afterAll(async () => {
    await flows?.close();
    await t?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('sends the confirmation with the order number and every line once the outbox is drained', async () => {
    const s = await shopper(
      t,
      [
        { variantId: product.variant('NUDE', 38).id, quantity: 1 },
        { variantId: product.variant('NUDE', 39).id, quantity: 2 },
      ],
      { email: 'mila.fan@example.ie' },
    );
    const placed = await s.checkout();
    expect(placed.status).toBe(201);
    // The card number travels in the body only.
    const paid = await t.call('POST', '/store/checkout/demo-pay', {
      body: {
        orderNumber: placed.body.orderNumber,
        email: 'mila.fan@example.ie',
        cardNumber: '5555 5555 5555 4444',
      },
    });
    expect(paid.body).toMatchObject({ status: 'paid', outcome: 'payment.succeeded' });
    expect(received).toHaveLength(0); // nothing is sent inside the payment transaction

    const report = await flows.services.notifications.drain();
    expect(report).toMatchObject({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.to).toEqual(['mila.fan@example.ie']);
    const text = readable(mail.raw);
    expect(text).toContain(placed.body.orderNumber);
    expect(text).toContain('Mila pointed-toe pump');
    expect(text).toContain(product.variant('NUDE', 38).sku);
    expect(text).toContain(product.variant('NUDE', 39).sku);
    expect(text).toContain('EU 38');
    expect(text).not.toContain('5555555555554444');
    expect(text).not.toContain('5555 5555');
  });
});
