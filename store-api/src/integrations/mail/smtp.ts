import nodemailer from 'nodemailer';
import { type MailTransport, type OutgoingMail, toNodemailerMessage } from './mail-transport.ts';

export interface SmtpOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465` (TLS). Query
   *  parameters become nodemailer options, e.g. `?requireTLS=true` or `?tls.rejectUnauthorized=false`. */
  url: string;
  /** Give up on a dead server well before the outbox claim (60 s) runs out. */
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/** Sends through an SMTP server with nodemailer; one pooled connection set per process. */
export function createSmtpTransport(options: SmtpOptions): MailTransport {
  const transporter = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: 2,
    connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    greetingTimeout: options.connectionTimeoutMs ?? 10_000,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
  });
  return {
    kind: 'smtp',
    async send(mail: OutgoingMail) {
      const info = await transporter.sendMail(toNodemailerMessage(mail));
      return { transport: 'smtp', messageId: info.messageId || mail.messageId, filePath: null };
    },
    async close() {
      transporter.close();
    },
  };
}

/** The URL with its password hidden, for logs and start-up messages. */
export const redactSmtpUrl = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
