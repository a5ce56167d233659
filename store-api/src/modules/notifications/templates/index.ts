import type { z } from 'zod';
import type { RenderedMail } from './html.ts';
import { orderConfirmationPayload, renderOrderConfirmation } from './order-confirmation.ts';
import { orderShippedPayload, renderOrderShipped } from './order-shipped.ts';
import { paymentFailedPayload, renderPaymentFailed } from './payment-failed.ts';
import { refundIssuedPayload, renderRefundIssued } from './refund-issued.ts';
import { renderReturnReceived, returnReceivedPayload } from './return-received.ts';
import { abandonedCartPayload, renderAbandonedCart } from './abandoned-cart.ts';
import { passwordResetPayload, renderPasswordReset } from './password-reset.ts';
import { backInStockPayload, renderBackInStock } from './back-in-stock.ts';
import { type RenderedSms, renderSmsOrderShipped, smsOrderShippedPayload } from './sms.ts';

interface Template<S extends z.ZodType, R> {
  schema: S;
  render(payload: z.output<S>): R;
}
const template = <S extends z.ZodType, R>(schema: S, render: (p: z.output<S>) => R): Template<S, R> => ({
  schema,
  render,
});

/** Mail topics: every payload carries the recipient (`to`) and is validated again when sent. */
export const mailTemplates = {
  'mail.order_confirmation': template(orderConfirmationPayload, renderOrderConfirmation),
  'mail.payment_failed': template(paymentFailedPayload, renderPaymentFailed),
  'mail.order_shipped': template(orderShippedPayload, renderOrderShipped),
  'mail.refund_issued': template(refundIssuedPayload, renderRefundIssued),
  'mail.return_received': template(returnReceivedPayload, renderReturnReceived),
  'mail.abandoned_cart': template(abandonedCartPayload, renderAbandonedCart),
  'mail.password_reset': template(passwordResetPayload, renderPasswordReset),
  'mail.back_in_stock': template(backInStockPayload, renderBackInStock),
} satisfies Record<string, Template<z.ZodType, RenderedMail>>;

export const smsTemplates = {
  'sms.order_shipped': template(smsOrderShippedPayload, renderSmsOrderShipped),
} satisfies Record<string, Template<z.ZodType, RenderedSms>>;

export type MailTopic = keyof typeof mailTemplates;
export type SmsTopic = keyof typeof smsTemplates;
export type NotificationTopic = MailTopic | SmsTopic;

/** What a caller passes to `enqueue` for each topic (zod input types: defaults may be left out). */
export type TopicPayloads = { [K in MailTopic]: z.input<(typeof mailTemplates)[K]['schema']> } & {
  [K in SmsTopic]: z.input<(typeof smsTemplates)[K]['schema']>;
};

export const isMailTopic = (topic: string): topic is MailTopic => Object.hasOwn(mailTemplates, topic);
export const isSmsTopic = (topic: string): topic is SmsTopic => Object.hasOwn(smsTemplates, topic);

export type { RenderedMail } from './html.ts';
export { escapeHtml } from './html.ts';
export type { RenderedSms } from './sms.ts';
export type { OrderConfirmationPayload } from './order-confirmation.ts';
export type { PaymentFailedPayload } from './payment-failed.ts';
export type { OrderShippedPayload } from './order-shipped.ts';
export type { RefundIssuedPayload } from './refund-issued.ts';
export type { ReturnReceivedPayload } from './return-received.ts';
export type { AbandonedCartPayload } from './abandoned-cart.ts';
export type { PasswordResetPayload } from './password-reset.ts';
export type { BackInStockPayload } from './back-in-stock.ts';
export type { SmsOrderShippedPayload } from './sms.ts';
