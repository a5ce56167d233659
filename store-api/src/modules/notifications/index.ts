/**
 * Notifications: the transactional outbox, mail and SMS delivery, templates and the admin mail
 * listing. Other modules and flows use `enqueue(tx, store, { topic, payload, now })` inside their
 * own transaction; the `notifications.drain-outbox` job sends.
 */
import { z } from 'zod';
import type { SmsConfig } from '../../integrations/sms/twilio-http.ts';
import { defaultMailFrom } from './notifications.service.ts';

const mailbox = /^(?:[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;

/** Environment settings of this module; merged into config/env.ts's schema (spread `.shape`). */
export const notificationsConfigSchema = z.object({
  /** `smtp://user:pass@host:587` or `smtps://user:pass@host:465`; unset: mails become .eml files. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must look like smtp://user:pass@host:port or smtps://...')
    .optional(),
  MAIL_FROM: z.string().regex(mailbox, 'must be "Name <address>" or an address').default(defaultMailFrom),
  /** Twilio-style SMS API base URL, e.g. https://api.twilio.com. SMS is off unless all four are set. */
  SMS_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMS_ACCOUNT_SID: z.string().min(1).optional(),
  SMS_AUTH_TOKEN: z.string().min(1).optional(),
  SMS_FROM: z.string().min(1).optional(),
});
export type NotificationsEnv = z.output<typeof notificationsConfigSchema>;

/**
 * The service options from parsed settings. A partial SMS setup (some SMS_* set, not all) is a
 * mistake worth failing start-up over rather than silently sending nothing.
 */
export function notificationsOptionsFrom(e: NotificationsEnv): {
  smtpUrl: string | undefined;
  from: string;
  sms: SmsConfig;
} {
  const sms = {
    SMS_API_URL: e.SMS_API_URL,
    SMS_ACCOUNT_SID: e.SMS_ACCOUNT_SID,
    SMS_AUTH_TOKEN: e.SMS_AUTH_TOKEN,
    SMS_FROM: e.SMS_FROM,
  };
  const missing = Object.entries(sms)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length > 0 && missing.length < 4)
    throw new Error(
      `Invalid configuration:\n${missing.map((k) => `  ${k}: required when any SMS_* setting is set`).join('\n')}`,
    );
  return {
    smtpUrl: e.SMTP_URL,
    from: e.MAIL_FROM,
    sms: {
      apiUrl: e.SMS_API_URL,
      accountSid: e.SMS_ACCOUNT_SID,
      authToken: e.SMS_AUTH_TOKEN,
      from: e.SMS_FROM,
    },
  };
}

export { type EnqueueInput, enqueue, type OutboxStatus, outboxStatuses } from './outbox.repo.ts';
export {
  createNotificationsService,
  type DrainReport,
  type NotificationsOptions,
  type NotificationsService,
} from './notifications.service.ts';
export { notificationsRoutes } from './notifications.routes.ts';
export type {
  MailTopic,
  NotificationTopic,
  OrderConfirmationPayload,
  OrderShippedPayload,
  PaymentFailedPayload,
  RefundIssuedPayload,
  ReturnReceivedPayload,
  SmsOrderShippedPayload,
  SmsTopic,
  TopicPayloads,
} from './templates/index.ts';
export { getOutboxMessage } from './outbox.repo.ts';
