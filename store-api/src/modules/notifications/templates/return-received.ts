import { widths } from '@shoebox/shared';
import { z } from 'zod';
import {
  greeting,
  html,
  layout,
  orderNumber,
  personName,
  type RenderedMail,
  recipient,
  textLines,
} from './html.ts';
import { sizeText } from './order-confirmation.ts';

export const returnReceivedTopic = 'mail.return_received';

export const returnReceivedPayload = z.object({
  to: recipient,
  customerName: personName,
  orderNumber,
  returnNumber: z.string().trim().min(1).max(32).nullish(),
  lines: z
    .array(
      z.object({
        sku: z.string().trim().min(1).max(64),
        name: z.string().trim().min(1).max(200),
        sizeEu: z.number().min(20).max(60),
        width: z.enum(widths).nullish(),
        quantity: z.number().int().min(1).max(100_000),
      }),
    )
    .max(500)
    .default([]),
  /** True when a refund follows once the items are inspected (an exchange ships instead). */
  refundPending: z.boolean().default(true),
});
export type ReturnReceivedPayload = z.input<typeof returnReceivedPayload>;

export function renderReturnReceived(p: z.output<typeof returnReceivedPayload>): RenderedMail {
  const ref = p.returnNumber ? `return ${p.returnNumber}` : 'your return';
  const subject = `We have received your return for order ${p.orderNumber}`;
  const next = p.refundPending
    ? 'We will inspect the items and refund you within a few days; you will get a mail when the refund is issued.'
    : 'We will inspect the items and send your exchange.';
  const text = textLines([
    greeting(p.customerName),
    '',
    `Thank you: ${ref} for order ${p.orderNumber} has arrived at our warehouse.`,
    ...(p.lines.length
      ? [
          '',
          'Items received:',
          ...p.lines.map((l) => `- ${l.quantity} x ${l.name}, ${sizeText(l.sizeEu, l.width)} [${l.sku}]`),
        ]
      : []),
    '',
    next,
    '',
    'The Shoebox team',
  ]);
  const body = html`<p>${greeting(p.customerName)}</p>
<p>Thank you: ${ref} for order <strong>${p.orderNumber}</strong> has arrived at our warehouse.</p>
${
  p.lines.length
    ? html`<p>Items received:</p><ul>${p.lines.map((l) => html`<li>${l.quantity} × ${l.name}, ${sizeText(l.sizeEu, l.width)} <span style="color:#666">(SKU ${l.sku})</span></li>`)}</ul>`
    : null
}
<p>${next}</p>
<p>The Shoebox team</p>`;
  return { subject, text, html: layout(subject, body) };
}
