import { currencySchema } from '@shoebox/shared';
import { z } from 'zod';
import {
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

export const paymentFailedTopic = 'mail.payment_failed';

export const paymentFailedPayload = z.object({
  to: recipient,
  customerName: personName,
  orderNumber,
  currency: currencySchema,
  totalMinor: minor,
  /** A reason a shopper can act on ("Your card was declined."), never a raw provider code. */
  reason: z.string().trim().max(300).nullish(),
  /** Where the shopper can try again, if the order can still be paid. */
  retryUrl: webUrl.nullish(),
  /** Until when the order keeps its shoes reserved and can still be paid (ISO 8601). */
  heldUntil: z.iso.datetime().nullish(),
});
export type PaymentFailedPayload = z.input<typeof paymentFailedPayload>;

/** "Wed, 25 Nov 2026 06:35 UTC": unambiguous wherever the shopper reads it. */
const utcTime = (iso: string) => `${new Date(iso).toUTCString().slice(0, -7)} UTC`;

/** What happens next: a retry link when the shop has one, else how long the order stays payable. */
function nextStep(p: z.output<typeof paymentFailedPayload>): string {
  if (p.heldUntil)
    return `Nothing has been charged. We are holding your shoes until ${utcTime(p.heldUntil)}: pay for order ${p.orderNumber} with another card before then. After that the order is cancelled and the shoes go back on sale.`;
  return 'Nothing has been charged and the order has not been placed. You are welcome to order again.';
}

export function renderPaymentFailed(p: z.output<typeof paymentFailedPayload>): RenderedMail {
  const subject = `Payment for your Shoebox order ${p.orderNumber} did not go through`;
  const amount = money(p.totalMinor, p.currency);
  const text = textLines([
    greeting(p.customerName),
    '',
    `We could not take the payment of ${amount} for your order ${p.orderNumber}.`,
    p.reason ? `Reason: ${p.reason}` : null,
    '',
    p.retryUrl ? `You can try again with another card here: ${p.retryUrl}` : nextStep(p),
    '',
    'The Shoebox team',
  ]);
  const body = html`<p>${greeting(p.customerName)}</p>
<p>We could not take the payment of <strong>${amount}</strong> for your order <strong>${p.orderNumber}</strong>.</p>
${p.reason ? html`<p>Reason: ${p.reason}</p>` : null}
${
  p.retryUrl
    ? html`<p><a href="${p.retryUrl}" style="color:#a0522d">Try again with another card</a></p>`
    : html`<p>${nextStep(p)}</p>`
}
<p>The Shoebox team</p>`;
  return { subject, text, html: layout(subject, body) };
}
