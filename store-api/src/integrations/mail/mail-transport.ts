/**
 * The port every mail adapter implements. Callers render the message; adapters only deliver it.
 * `messageId` is set by the caller and derived from the outbox id (`<outbox-id@shoebox>`), so a
 * message delivered twice (a crash between send and bookkeeping) carries the same Message-ID and
 * mail clients and servers can drop the duplicate.
 */
export interface OutgoingMail {
  /** RFC 5322 Message-ID including the angle brackets. */
  messageId: string;
  /** `Name <address>` or a bare address. */
  from: string;
  to: { name?: string | undefined; address: string };
  subject: string;
  text: string;
  html: string;
}

export type MailTransportKind = 'smtp' | 'file';

export interface MailReceipt {
  transport: MailTransportKind;
  messageId: string;
  /** Where the .eml file was written (file transport only). */
  filePath: string | null;
}

export interface MailTransport {
  readonly kind: MailTransportKind;
  send(mail: OutgoingMail): Promise<MailReceipt>;
  close(): Promise<void>;
}

/** The Message-ID of the mail an outbox message produces: stable across retries. */
export const messageIdFor = (outboxId: string, domain = 'shoebox'): string => `<${outboxId}@${domain}>`;

/** nodemailer's message fields for an OutgoingMail (shared by the SMTP and the file adapter). */
export const toNodemailerMessage = (mail: OutgoingMail) => ({
  messageId: mail.messageId,
  from: mail.from,
  to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
});
