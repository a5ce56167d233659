import { currencySchema, sizeLabels, type Width, widthLabels, widths } from '@shoebox/shared';
import { z } from 'zod';
import {
  address,
  addressLines,
  greeting,
  html,
  layout,
  minor,
  money,
  orderNumber,
  personName,
  type RenderedMail,
  recipient,
  textLines,
  webUrl,
} from './html.ts';

export const orderConfirmationTopic = 'mail.order_confirmation';

export const orderLinePayload = z.object({
  sku: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  colour: z.string().trim().min(1).max(60),
  sizeEu: z.number().min(20).max(60),
  width: z.enum(widths).nullish(),
  quantity: z.number().int().min(1).max(100_000),
  unitPriceMinor: minor,
  lineTotalMinor: minor,
});

export const orderConfirmationPayload = z.object({
  to: recipient,
  customerName: personName,
  orderNumber,
  currency: currencySchema,
  lines: z.array(orderLinePayload).min(1).max(500),
  totals: z.object({
    subtotalMinor: minor,
    discountMinor: minor.default(0),
    shippingMinor: minor,
    /** VAT contained in the total (prices include VAT). */
    taxMinor: minor,
    totalMinor: minor,
  }),
  shippingMethod: z.string().trim().max(120).nullish(),
  shippingAddress: address,
  orderUrl: webUrl.nullish(),
});
export type OrderConfirmationPayload = z.input<typeof orderConfirmationPayload>;
type Parsed = z.output<typeof orderConfirmationPayload>;

export const sizeText = (sizeEu: number, width?: Width | null): string => {
  const l = sizeLabels(sizeEu);
  const conv = l.us ? ` (US ${l.us} / UK ${l.uk})` : '';
  const w = width && width !== 'standard' ? `, width ${widthLabels[width]}` : '';
  return `EU ${l.eu}${conv}${w}`;
};

export function renderOrderConfirmation(p: Parsed): RenderedMail {
  const m = (n: number) => money(n, p.currency);
  const subject = `Your Shoebox order ${p.orderNumber} is confirmed`;
  const t = p.totals;

  const text = textLines([
    greeting(p.customerName),
    '',
    `Thank you for your order ${p.orderNumber}. We have received your payment and are getting your shoes ready.`,
    '',
    'Your order:',
    ...p.lines.map(
      (l) =>
        `- ${l.quantity} x ${l.name}, ${l.colour}, ${sizeText(l.sizeEu, l.width)} [${l.sku}]  ${m(l.unitPriceMinor)} each = ${m(l.lineTotalMinor)}`,
    ),
    '',
    `Subtotal: ${m(t.subtotalMinor)}`,
    t.discountMinor > 0 ? `Discount: -${m(t.discountMinor)}` : null,
    `Shipping${p.shippingMethod ? ` (${p.shippingMethod})` : ''}: ${m(t.shippingMinor)}`,
    `Total: ${m(t.totalMinor)}`,
    `Includes VAT: ${m(t.taxMinor)}`,
    '',
    'Shipping to:',
    ...addressLines(p.shippingAddress).map((l) => `  ${l}`),
    '',
    p.orderUrl ? `View your order: ${p.orderUrl}` : null,
    '',
    'Thank you for shopping with Shoebox.',
  ]);

  const cell = 'padding:8px 4px;border-bottom:1px solid #eee;vertical-align:top';
  const rows = p.lines.map(
    (l) => html`<tr>
<td style="${cell}"><strong>${l.name}</strong><br><span style="color:#666;font-size:13px">${l.colour} · ${sizeText(l.sizeEu, l.width)}<br>SKU ${l.sku}</span></td>
<td style="${cell};text-align:center">${l.quantity}</td>
<td style="${cell};text-align:right">${m(l.unitPriceMinor)}</td>
<td style="${cell};text-align:right">${m(l.lineTotalMinor)}</td>
</tr>`,
  );
  const total = (label: string, value: string, strong = false) =>
    html`<tr><td colspan="3" style="padding:4px;text-align:right">${strong ? html`<strong>${label}</strong>` : label}</td><td style="padding:4px;text-align:right">${strong ? html`<strong>${value}</strong>` : value}</td></tr>`;

  const body = html`<p>${greeting(p.customerName)}</p>
<p>Thank you for your order <strong>${p.orderNumber}</strong>. We have received your payment and are getting your shoes ready.</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;font-size:14px">
<tr><th align="left" style="padding:4px;border-bottom:2px solid #222">Item</th><th style="padding:4px;border-bottom:2px solid #222">Qty</th><th align="right" style="padding:4px;border-bottom:2px solid #222">Price</th><th align="right" style="padding:4px;border-bottom:2px solid #222">Total</th></tr>
${rows}
${total('Subtotal', m(t.subtotalMinor))}
${t.discountMinor > 0 ? total('Discount', `-${m(t.discountMinor)}`) : null}
${total(`Shipping${p.shippingMethod ? ` (${p.shippingMethod})` : ''}`, m(t.shippingMinor))}
${total('Total', m(t.totalMinor), true)}
${total('Includes VAT', m(t.taxMinor))}
</table>
<h3 style="font-size:15px;margin:24px 0 4px">Shipping to</h3>
<p style="margin:0">${addressLines(p.shippingAddress).map((l, i) => (i === 0 ? html`${l}` : html`<br>${l}`))}</p>
${p.orderUrl ? html`<p style="margin-top:24px"><a href="${p.orderUrl}" style="color:#a0522d">View your order</a></p>` : null}
<p style="margin-top:24px">Thank you for shopping with Shoebox.</p>`;

  return { subject, text, html: layout(subject, body) };
}
