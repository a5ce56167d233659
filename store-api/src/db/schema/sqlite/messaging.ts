import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Transactional outbox: a message is written in the same transaction as the business change that
 * causes it, and sent later by the drain job. Status: pending -> sending (claimed by one drain)
 * -> sent | failed | skipped (e.g. SMS while SMS is not configured).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    topic: text('topic').notNull(),
    payload: text('payload', { mode: 'json' }).$type<unknown>().notNull(),
    status: text('status').notNull(),
    /** Delivery attempts started (counted when a drain claims the message). */
    attempts: integer('attempts').notNull(),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** The claim (one drain call) that owns a `sending` message until `claimedUntil`. */
    claimedBy: text('claimed_by'),
    claimedUntil: integer('claimed_until'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [index('outbox_due_ix').on(t.status, t.nextAttemptAt)],
);

/** One row per scheduled job: which API instance holds it, until when, and how the last run went. */
export const jobLeases = sqliteTable('job_leases', {
  jobId: text('job_id').primaryKey(),
  holder: text('holder').notNull(),
  leaseUntil: integer('lease_until').notNull(),
  /** The scheduled tick (epoch ms) the holder last took: a tick runs at most once across instances. */
  lastTickAt: integer('last_tick_at').notNull(),
  lastRunAt: integer('last_run_at'),
  lastRunMs: integer('last_run_ms'),
  lastError: text('last_error'),
});

/** Every mail handed to a transport (SMTP or .eml file), for the admin mail listing. */
export const sentMail = sqliteTable(
  'sent_mail',
  {
    id: text('id').primaryKey(),
    outboxId: text('outbox_id').notNull(),
    topic: text('topic').notNull(),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    transport: text('transport').notNull(),
    filePath: text('file_path'),
    messageId: text('message_id').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('sent_mail_outbox_uq').on(t.outboxId), index('sent_mail_created_ix').on(t.createdAt)],
);
