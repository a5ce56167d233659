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
} from './html.ts';

export const refundIssuedTopic = 'mail.refund_issued';

export const refundIssuedPayload = z.object({
  to: recipient,
  customerName: personName,
  orderNumber,
  currency: currencySchema,
  amountMinor: minor.refine((n) => n > 0, 'A refund amount is positive'),
  /** Whether the refund covers the whole order. */
  full: z.boolean().default(false),
  reason: z.string().trim().max(300).nullish(),
});
export type RefundIssuedPayload = z.input<typeof refundIssuedPayload>;

export function renderRefundIssued(p: z.output<typeof refundIssuedPayload>): RenderedMail {
  const amount = money(p.amountMinor, p.currency);
  const subject = `Refund of ${amount} for your Shoebox order ${p.orderNumber}`;
  const text = textLines([
    greeting(p.customerName),
    '',
    `We have refunded ${amount}${p.full ? ' (the whole order)' : ''} for your order ${p.orderNumber}.`,
    p.reason ? `Reason: ${p.reason}` : null,
    'It goes back to the card you paid with; depending on your bank it shows within 5 to 10 working days.',
    '',
    'The Shoebox team',
  ]);
  const body = html`<p>${greeting(p.customerName)}</p>
<p>We have refunded <strong>${amount}</strong>${p.full ? ' (the whole order)' : ''} for your order <strong>${p.orderNumber}</strong>.</p>
${p.reason ? html`<p>Reason: ${p.reason}</p>` : null}
<p>It goes back to the card you paid with; depending on your bank it shows within 5 to 10 working days.</p>
<p>The Shoebox team</p>`;
  return { subject, text, html: layout(subject, body) };
}
