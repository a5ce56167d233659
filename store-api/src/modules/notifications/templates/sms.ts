import { z } from 'zod';
import { oneLine, orderNumber, webUrl } from './html.ts';

export const smsOrderShippedTopic = 'sms.order_shipped';

/** E.164, e.g. +353861234567: what Twilio-style APIs expect. */
export const phoneE164 = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'Must be a phone number in E.164 form, e.g. +353861234567');

export const smsOrderShippedPayload = z.object({
  to: phoneE164,
  orderNumber,
  carrier: z.string().trim().min(1).max(80),
  trackingUrl: webUrl.nullish(),
});
export type SmsOrderShippedPayload = z.input<typeof smsOrderShippedPayload>;

export interface RenderedSms {
  to: string;
  body: string;
}

/** Short on purpose: one SMS segment is 160 GSM characters; a tracking link fills most of it. */
export function renderSmsOrderShipped(p: z.output<typeof smsOrderShippedPayload>): RenderedSms {
  const body = oneLine(
    `Shoebox: your order ${p.orderNumber} is on its way with ${p.carrier}.${p.trackingUrl ? ` Track it: ${p.trackingUrl}` : ''}`,
  );
  return { to: p.to, body };
}
