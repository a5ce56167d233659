import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html.ts';
import { mailTemplates, smsTemplates } from './index.ts';

const evil = `<script>alert("x")</script> & 'friends'`;

const payloads = {
  'mail.order_confirmation': {
    to: 'a@example.com',
    customerName: evil,
    orderNumber: 'SB-1<b>',
    currency: 'EUR',
    lines: [
      {
        sku: 'MILA-NUDE-38',
        name: `Mila <img src=x onerror=alert(1)>`,
        colour: 'Nude & "Rose"',
        sizeEu: 38.5,
        width: 'narrow',
        quantity: 3,
        unitPriceMinor: 1999,
        lineTotalMinor: 5997,
      },
    ],
    totals: { subtotalMinor: 5997, discountMinor: 500, shippingMinor: 0, taxMinor: 1027, totalMinor: 5497 },
    shippingAddress: {
      name: evil,
      line1: '<b>1</b> Main St',
      line2: null,
      postalCode: '1000',
      city: 'Ljubljana',
      region: null,
      country: 'si',
    },
    orderUrl: 'https://shop.example.com/orders/SB-1?x=1&y="2"',
  },
  'mail.payment_failed': {
    to: 'a@example.com',
    customerName: evil,
    orderNumber: 'SB-2',
    currency: 'GBP',
    totalMinor: 12345,
    reason: '<i>declined</i>',
    retryUrl: 'https://shop.example.com/pay/SB-2',
  },
  'mail.order_shipped': {
    to: 'a@example.com',
    customerName: evil,
    orderNumber: 'SB-3',
    carrier: 'DHL <Express>',
    service: 'Next day',
    trackingNumber: 'JD0001',
    trackingUrl: 'https://track.example.com/?n=JD0001&lang=en',
  },
  'mail.refund_issued': {
    to: 'a@example.com',
    customerName: evil,
    orderNumber: 'SB-4',
    currency: 'EUR',
    amountMinor: 4250,
    full: true,
  },
  'mail.return_received': {
    to: 'a@example.com',
    customerName: evil,
    orderNumber: 'SB-5',
    returnNumber: 'R-9',
    lines: [{ sku: 'ROSA-BLACK-39', name: 'Rosa <flat>', sizeEu: 39, quantity: 1 }],
  },
  'mail.abandoned_cart': {
    to: 'a@example.com',
    customerName: evil,
    currency: 'EUR',
    lines: [
      {
        sku: 'MILA-NUDE-38',
        name: 'Mila <img src=x>',
        colour: 'Nude',
        sizeEu: 38,
        quantity: 1,
        unitPriceMinor: 8995,
      },
    ],
    subtotalMinor: 8995,
  },
  'mail.password_reset': {
    to: 'a@example.com',
    name: evil,
    token: 'eyJhbGciOiJIUzI1NiJ9.eyJmcCI6IngifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ',
    link: 'https://shop.example/reset-password?token=abc"><img src=x>',
    expiresAt: '2026-03-02T09:45:00.000Z',
  },
  'mail.back_in_stock': {
    to: 'a@example.com',
    customerName: evil,
    productName: 'Mila <img src=x>',
    colour: 'Nude',
    sizeEu: 38,
    productUrl: 'https://shop.example/p/mila?colour=NUDE',
    unsubscribeUrl: 'https://shop.example/back-in-stock/unsubscribe?token=abc',
  },
} as const;

const render = (topic: keyof typeof mailTemplates) => {
  const tpl = mailTemplates[topic];
  return (tpl.render as (p: unknown) => { subject: string; text: string; html: string })(
    tpl.schema.parse(payloads[topic]),
  );
};

describe('mail templates', () => {
  it('escapes every customer-supplied value in HTML', () => {
    for (const topic of Object.keys(mailTemplates) as (keyof typeof mailTemplates)[]) {
      const out = render(topic);
      expect(out.html, topic).not.toContain('<script>');
      expect(out.html, topic).not.toContain('<img');
      expect(out.html, topic).not.toContain('<i>declined');
      expect(out.html, topic).toContain(
        'Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;,',
      );
      // Text bodies are plain text: the name appears as written.
      expect(out.text, topic).toContain(`Hello ${evil},`);
      expect(out.subject, topic).not.toMatch(/[\r\n]/);
    }
    const confirmation = render('mail.order_confirmation');
    expect(confirmation.html).toContain('Mila &lt;img src=x onerror=alert(1)&gt;');
    expect(confirmation.html).toContain('Nude &amp; &quot;Rose&quot;');
    expect(confirmation.html).toContain('&lt;b&gt;1&lt;/b&gt; Main St');
    expect(confirmation.html).toContain(
      'href="https://shop.example.com/orders/SB-1?x=1&amp;y=&quot;2&quot;"',
    );
    expect(render('mail.order_shipped').html).toContain('DHL &lt;Express&gt;');
  });

  it('names the product, colour and size in the back-in-stock mail, with the stop link', () => {
    const { subject, text } = render('mail.back_in_stock');
    expect(subject).toBe('Back in stock: Mila <img src=x> in EU 38 (US 7.5 / UK 5)');
    expect(text).toContain('the Mila <img src=x> in Nude, EU 38 (US 7.5 / UK 5), is back in stock');
    expect(text).toContain('https://shop.example/back-in-stock/unsubscribe?token=abc');
  });

  it('renders the order confirmation with sizes, money and totals', () => {
    const { subject, text, html: body } = render('mail.order_confirmation');
    expect(subject).toBe('Your Shoebox order SB-1<b> is confirmed');
    expect(text).toContain(
      '3 x Mila <img src=x onerror=alert(1)>, Nude & "Rose", EU 38.5 (US 8 / UK 5.5), width AA [MILA-NUDE-38]  €19.99 each = €59.97',
    );
    expect(text).toContain('Discount: -€5.00');
    expect(text).toContain('Shipping: €0.00');
    expect(text).toContain('Total: €54.97');
    expect(text).toContain('Includes VAT: €10.27');
    expect(text).toContain('  1000 Ljubljana\n  SI');
    expect(body).toContain('<strong>€54.97</strong>');
  });

  it('formats money in the order currency and links tracking', () => {
    expect(render('mail.payment_failed').text).toContain('£123.45');
    expect(render('mail.refund_issued').subject).toBe('Refund of €42.50 for your Shoebox order SB-4');
    const shipped = render('mail.order_shipped');
    expect(shipped.text).toContain('Track your parcel: https://track.example.com/?n=JD0001&lang=en');
    expect(shipped.html).toContain('href="https://track.example.com/?n=JD0001&amp;lang=en"');
    expect(render('mail.return_received').text).toContain(
      '- 1 x Rosa <flat>, EU 39 (US 8.5 / UK 6) [ROSA-BLACK-39]',
    );
  });

  it('tells a shopper whose payment failed how long the order stays payable when there is no retry link', () => {
    const { schema, render: renderMail } = mailTemplates['mail.payment_failed'];
    const held = renderMail(
      schema.parse({
        ...payloads['mail.payment_failed'],
        retryUrl: null,
        heldUntil: '2026-11-25T06:35:00.000Z',
      }),
    );
    expect(held.text).toContain(
      'We are holding your shoes until Wed, 25 Nov 2026 06:35 UTC: pay for order SB-2 with another card before then.',
    );
    expect(held.text).not.toContain('has not been placed');
    const lapsed = renderMail(schema.parse({ ...payloads['mail.payment_failed'], retryUrl: null }));
    expect(lapsed.text).toContain('the order has not been placed');
  });

  it('refuses payloads that would make unsafe or broken mails', () => {
    const shipped = mailTemplates['mail.order_shipped'].schema;
    expect(
      shipped.safeParse({ ...payloads['mail.order_shipped'], trackingUrl: 'javascript:alert(1)' }).success,
    ).toBe(false);
    expect(shipped.safeParse({ ...payloads['mail.order_shipped'], to: 'nobody' }).success).toBe(false);
    const refund = mailTemplates['mail.refund_issued'].schema;
    expect(refund.safeParse({ ...payloads['mail.refund_issued'], amountMinor: 0 }).success).toBe(false);
    const sms = smsTemplates['sms.order_shipped'].schema;
    expect(sms.safeParse({ to: '0861234567', orderNumber: 'SB-1', carrier: 'HC' }).success).toBe(false);
  });

  it('escapes with the html tag and leaves nested safe fragments alone', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${['<', html`<br>`]}${null}${3}</p>`.value).toBe(
      '<p><b>&lt;i&gt;</b>&lt;<br>3</p>',
    );
  });
});
