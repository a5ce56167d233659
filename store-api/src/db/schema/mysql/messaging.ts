import {
  bigint,
  index,
  int,
  mediumtext,
  mysqlTable,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { jsonColumn } from './json.ts';

/**
 * Transactional outbox: a message is written in the same transaction as the business change that
 * causes it, and sent later by the drain job. Status: pending -> sending (claimed by one drain)
 * -> sent | failed | skipped (e.g. SMS while SMS is not configured).
 */
export const outbox = mysqlTable(
  'outbox',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    topic: varchar('topic', { length: 64 }).notNull(),
    payload: jsonColumn<unknown>('payload').notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    /** Delivery attempts started (counted when a drain claims the message). */
    attempts: int('attempts').notNull(),
    nextAttemptAt: bigint('next_attempt_at', { mode: 'number' }).notNull(),
    /** The claim (one drain call) that owns a `sending` message until `claimedUntil`. */
    claimedBy: varchar('claimed_by', { length: 36 }),
    claimedUntil: bigint('claimed_until', { mode: 'number' }),
    lastError: text('last_error'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    sentAt: bigint('sent_at', { mode: 'number' }),
  },
  (t) => [index('outbox_due_ix').on(t.status, t.nextAttemptAt)],
);

/** One row per scheduled job: which API instance holds it, until when, and how the last run went. */
export const jobLeases = mysqlTable('job_leases', {
  jobId: varchar('job_id', { length: 96 }).primaryKey(),
  holder: varchar('holder', { length: 128 }).notNull(),
  leaseUntil: bigint('lease_until', { mode: 'number' }).notNull(),
  /** The scheduled tick (epoch ms) the holder last took: a tick runs at most once across instances. */
  lastTickAt: bigint('last_tick_at', { mode: 'number' }).notNull(),
  lastRunAt: bigint('last_run_at', { mode: 'number' }),
  lastRunMs: int('last_run_ms'),
  lastError: text('last_error'),
});

/** Every mail handed to a transport (SMTP or .eml file), for the admin mail listing. */
export const sentMail = mysqlTable(
  'sent_mail',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    outboxId: varchar('outbox_id', { length: 36 }).notNull(),
    topic: varchar('topic', { length: 64 }).notNull(),
    to: varchar('to_address', { length: 254 }).notNull(),
    subject: varchar('subject', { length: 255 }).notNull(),
    transport: varchar('transport', { length: 8 }).notNull(),
    filePath: varchar('file_path', { length: 1024 }),
    messageId: varchar('message_id', { length: 128 }).notNull(),
    text: mediumtext('text').notNull(),
    html: mediumtext('html').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('sent_mail_outbox_uq').on(t.outboxId), index('sent_mail_created_ix').on(t.createdAt)],
);
