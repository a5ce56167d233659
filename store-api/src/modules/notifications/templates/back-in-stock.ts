import { widths } from '@shoebox/shared';
import { z } from 'zod';
import {
  greeting,
  html,
  layout,
  personName,
  type RenderedMail,
  recipient,
  textLines,
  webUrl,
} from './html.ts';
import { sizeText } from './order-confirmation.ts';

export const backInStockTopic = 'mail.back_in_stock';

/** "Your size is back": sent once per sign-up (modules/back-in-stock) when stock returns. */
export const backInStockPayload = z.object({
  to: recipient,
  /** Guests gave only an e-mail: "Hello there,". */
  customerName: personName.default('there'),
  productName: z.string().trim().min(1).max(200),
  colour: z.string().trim().min(1).max(60),
  sizeEu: z.number().min(20).max(60),
  width: z.enum(widths).nullish(),
  productUrl: webUrl,
  unsubscribeUrl: webUrl,
});
export type BackInStockPayload = z.input<typeof backInStockPayload>;

export function renderBackInStock(p: z.output<typeof backInStockPayload>): RenderedMail {
  const size = sizeText(p.sizeEu, p.width);
  const subject = `Back in stock: ${p.productName} in ${size}`;
  const text = textLines([
    greeting(p.customerName),
    '',
    `Good news: the ${p.productName} in ${p.colour}, ${size}, is back in stock.`,
    'Sizes come back in small numbers, so they can sell out again quickly.',
    `Have a look: ${p.productUrl}`,
    '',
    'We wrote because you asked us to, and we will not write about this size again.',
    `Changed your mind before we wrote? ${p.unsubscribeUrl}`,
    '',
    'The Shoebox team',
  ]);
  const body = html`<p>${greeting(p.customerName)}</p>
<p>Good news: the <strong>${p.productName}</strong> in ${p.colour}, ${size}, is back in stock.</p>
<p>Sizes come back in small numbers, so they can sell out again quickly.</p>
<p><a href="${p.productUrl}" style="color:#a0522d">See the ${p.productName}</a></p>
<p style="color:#666;font-size:13px">We wrote because you asked us to, and we will not write about this size again.
<a href="${p.unsubscribeUrl}" style="color:#666">Stop this alert</a></p>
<p>The Shoebox team</p>`;
  return { subject, text, html: layout(subject, body) };
}
