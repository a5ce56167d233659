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
  webUrl,
} from './html.ts';

export const orderShippedTopic = 'mail.order_shipped';

export const orderShippedPayload = z.object({
  to: recipient,
  customerName: personName,
  orderNumber,
  carrier: z.string().trim().min(1).max(80),
  service: z.string().trim().max(80).nullish(),
  trackingNumber: z.string().trim().min(1).max(64),
  trackingUrl: webUrl.nullish(),
});
export type OrderShippedPayload = z.input<typeof orderShippedPayload>;

export function renderOrderShipped(p: z.output<typeof orderShippedPayload>): RenderedMail {
  const subject = `Your Shoebox order ${p.orderNumber} is on its way`;
  const via = `${p.carrier}${p.service ? ` (${p.service})` : ''}`;
  const text = textLines([
    greeting(p.customerName),
    '',
    `Good news: your order ${p.orderNumber} has left our warehouse with ${via}.`,
    `Tracking number: ${p.trackingNumber}`,
    p.trackingUrl ? `Track your parcel: ${p.trackingUrl}` : null,
    '',
    'The Shoebox team',
  ]);
  const body = html`<p>${greeting(p.customerName)}</p>
<p>Good news: your order <strong>${p.orderNumber}</strong> has left our warehouse with ${via}.</p>
<p>Tracking number: <strong>${p.trackingNumber}</strong></p>
${p.trackingUrl ? html`<p><a href="${p.trackingUrl}" style="display:inline-block;padding:10px 18px;background:#222;color:#fff;text-decoration:none;border-radius:4px">Track your parcel</a></p>` : null}
<p>The Shoebox team</p>`;
  return { subject, text, html: layout(subject, body) };
}
