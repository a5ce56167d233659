import { currencySchema } from '@shoebox/shared';
import { z } from 'zod';
import {
  greeting,
  html,
  layout,
  minor,
  money,
  personName,
  type RenderedMail,
  recipient,
  textLines,
  webUrl,
} from './html.ts';
import { sizeText } from './order-confirmation.ts';

export const abandonedCartTopic = 'mail.abandoned_cart';

export const abandonedCartPayload = z.object({
  to: recipient,
  /** Guests have given no name yet: "Hello there,". */
  customerName: personName.default('there'),
  currency: currencySchema,
  lines: z
    .array(
      z.object({
        sku: z.string().trim().min(1).max(64),
        name: z.string().trim().min(1).max(200),
        colour: z.string().trim().min(1).max(60),
        sizeEu: z.number().min(20).max(60),
        quantity: z.number().int().min(1).max(100_000),
        unitPriceMinor: minor,
      }),
    )
    .min(1)
    .max(50),
  subtotalMinor: minor,
  /** The storefront's cart page. Never carries the cart token: the shopper's browser holds it. */
  cartUrl: webUrl.nullish(),
});
export type AbandonedCartPayload = z.input<typeof abandonedCartPayload>;

export function renderAbandonedCart(p: z.output<typeof abandonedCartPayload>): RenderedMail {
  const m = (n: number) => money(n, p.currency);
  const subject = 'You left something in your Shoebox cart';
  const text = textLines([
    greeting(p.customerName),
    '',
    'Your cart is still waiting for you:',
    ...p.lines.map(
      (l) => `- ${l.quantity} x ${l.name}, ${l.colour}, ${sizeText(l.sizeEu)}  ${m(l.unitPriceMinor)} each`,
    ),
    '',
    `Subtotal: ${m(p.subtotalMinor)}`,
    'Sizes sell out quickly, so we cannot hold them for long.',
    p.cartUrl ? `Back to your cart: ${p.cartUrl}` : null,
    '',
    'The Shoebox team',
  ]);
  const items = p.lines.map(
    (l) =>
      html`<li>${l.quantity} x <strong>${l.name}</strong>, ${l.colour}, ${sizeText(l.sizeEu)}: ${m(l.unitPriceMinor)} each</li>`,
  );
  const body = html`<p>${greeting(p.customerName)}</p>
<p>Your cart is still waiting for you:</p>
<ul>${items}</ul>
<p>Subtotal: <strong>${m(p.subtotalMinor)}</strong></p>
<p>Sizes sell out quickly, so we cannot hold them for long.</p>
${p.cartUrl ? html`<p><a href="${p.cartUrl}" style="color:#a0522d">Back to your cart</a></p>` : null}
<p>The Shoebox team</p>`;
  return { subject, text, html: layout(subject, body) };
}
