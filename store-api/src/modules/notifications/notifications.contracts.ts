import { pageQuery } from '@shoebox/shared/contracts';
import { z } from 'zod';

/**
 * API shapes of the admin mail listing. Kept beside the module for now; they can move to
 * `shared/src/contracts` once a client (the desktop back office) needs them.
 */
export const mailListQuery = z.strictObject({
  ...pageQuery,
  /** Exact recipient address (case-insensitive). */
  to: z.string().trim().max(254).optional(),
  /** e.g. `mail.order_confirmation`. */
  topic: z.string().trim().max(64).optional(),
});
export type MailListQuery = z.output<typeof mailListQuery>;

export const mailSummary = z.object({
  id: z.string(),
  outboxId: z.string(),
  topic: z.string(),
  to: z.string(),
  subject: z.string(),
  transport: z.enum(['smtp', 'file']),
  /** The .eml file's name under `<DATA_DIR>/mail/` (file transport only). */
  fileName: z.string().nullable(),
  messageId: z.string(),
  createdAt: z.string(),
});
export type MailSummary = z.infer<typeof mailSummary>;

export const mailDetail = mailSummary.extend({ text: z.string(), html: z.string() });
export type MailDetail = z.infer<typeof mailDetail>;
