import { basename, join } from 'node:path';
import type { Page } from '@shoebox/shared/contracts';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import pino, { type Logger } from 'pino';
import type { z } from 'zod';
import type { Db, Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { createEmlFileTransport } from '../../integrations/mail/eml-file.ts';
import { type MailTransport, messageIdFor } from '../../integrations/mail/mail-transport.ts';
import { createSmtpTransport } from '../../integrations/mail/smtp.ts';
import type { SmsTransport } from '../../integrations/sms/sms-transport.ts';
import { createSmsTransport, type SmsConfig } from '../../integrations/sms/twilio-http.ts';
import { iso } from '../../lib/time.ts';
import type { MailDetail, MailListQuery, MailSummary } from './notifications.contracts.ts';
import {
  claimDue,
  type EnqueueInput,
  enqueue,
  markAttemptFailed,
  markFinal,
  markSent,
  type OutboxRow,
  releaseClaim,
} from './outbox.repo.ts';
import { isMailTopic, isSmsTopic, mailTemplates, smsTemplates } from './templates/index.ts';
import { notificationErrors } from './notifications.errors.ts';

export const defaultMailFrom = 'Shoebox <orders@shoebox.test>';

export interface NotificationsOptions {
  /** The app's data folder: without SMTP, mails are written to `<dataDir>/mail/*.eml`. */
  dataDir: string;
  /** `smtp://user:pass@host:port`; unset means the .eml file fallback. */
  smtpUrl?: string | undefined;
  /** The From header, e.g. `Shoebox <orders@shoebox.test>`. */
  from?: string | undefined;
  /** Twilio-style SMS settings; SMS is off unless all are set. */
  sms?: SmsConfig | undefined;
  log?: Logger | undefined;
  /** Adapters can be injected (tests, other providers); by default they follow the settings above. */
  mailTransport?: MailTransport | undefined;
  smsTransport?: SmsTransport | undefined;
  /** Attempts per message before it is marked failed (default 8). */
  maxAttempts?: number | undefined;
  /** Messages claimed per drain call (default 50). */
  batchSize?: number | undefined;
  /** How long a claim keeps a message away from other drains (default 5 minutes). */
  claimMs?: number | undefined;
  /** Sends in flight at once within one drain (default 4). */
  concurrency?: number | undefined;
  /** Delay before retry number `attempts` (1-based) in ms; default 1 min doubling, capped at 1 h. */
  backoffMs?: ((attempts: number) => number) | undefined;
}

export interface DrainOptions {
  /** The clock for this drain (the job tick's `now`); tests pass simulated times. */
  now?: number;
  limit?: number;
  /** Stop starting new sends when aborted (job timeout, shutdown); unstarted messages are released. */
  signal?: AbortSignal;
}

export interface DrainReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  released: number;
}

export const defaultBackoffMs = (attempts: number): number =>
  Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/** A message that can never succeed as it is: marked failed at once, never retried. */
class PermanentFailure extends Error {}

export function createNotificationsService(store: Store, options: NotificationsOptions) {
  const log = options.log ?? pino({ level: 'silent' });
  const from = options.from ?? defaultMailFrom;
  const mailDir = join(options.dataDir, 'mail');
  const mail =
    options.mailTransport ??
    (options.smtpUrl ? createSmtpTransport({ url: options.smtpUrl }) : createEmlFileTransport(mailDir));
  const sms = options.smsTransport ?? createSmsTransport(options.sms ?? {});
  const maxAttempts = options.maxAttempts ?? 8;
  const batchSize = options.batchSize ?? 50;
  const claimMs = options.claimMs ?? 5 * 60_000;
  const concurrency = options.concurrency ?? 4;
  const backoffMs = options.backoffMs ?? defaultBackoffMs;

  type Outcome = keyof Omit<DrainReport, 'claimed' | 'released'>;

  async function deliver(claimId: string, row: OutboxRow, now: number): Promise<Outcome> {
    try {
      if (isMailTopic(row.topic)) {
        const { payload, rendered } = renderRow(mailTemplates[row.topic], row);
        const to = payload as { to: string; customerName?: string };
        const messageId = messageIdFor(row.id);
        const receipt = await mail.send({
          messageId,
          from,
          to: { name: to.customerName, address: to.to },
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
        });
        await markSent(store, claimId, row, now, {
          mail: {
            topic: row.topic,
            to: to.to.toLowerCase(),
            subject: rendered.subject.slice(0, 255),
            transport: receipt.transport,
            filePath: receipt.filePath,
            messageId: receipt.messageId,
            text: rendered.text,
            html: rendered.html,
            createdAt: now,
          },
        });
        return 'sent';
      }
      if (isSmsTopic(row.topic)) {
        const { rendered } = renderRow(smsTemplates[row.topic], row);
        const receipt = await sms.send(rendered);
        if (receipt.status === 'disabled') {
          await markFinal(store, claimId, row, 'skipped', receipt.reason);
          return 'skipped';
        }
        await markSent(store, claimId, row, now, {
          lastError: receipt.providerId ? null : 'sent; the provider returned no message id',
        });
        return 'sent';
      }
      throw new PermanentFailure(`UNKNOWN_TOPIC: no sender handles the topic "${row.topic}".`);
    } catch (error) {
      if (error instanceof PermanentFailure) {
        log.error(
          { outboxId: row.id, topic: row.topic, error: error.message },
          'outbox message failed for good',
        );
        await markFinal(store, claimId, row, 'failed', error.message);
        return 'failed';
      }
      // Transport errors (server down, 4xx/5xx replies, timeouts) are retried: even a permanent SMTP
      // reply is often a configuration mistake the owner fixes within the retry window.
      const message = describeError(error);
      const retryAt = row.attempts >= maxAttempts ? null : now + backoffMs(row.attempts);
      const outcome = await markAttemptFailed(
        store,
        claimId,
        row,
        retryAt === null ? `Gave up after ${row.attempts} attempts. Last error: ${message}` : message,
        retryAt,
      );
      log.warn(
        { outboxId: row.id, topic: row.topic, attempts: row.attempts, retryAt, error: message },
        'outbox send failed',
      );
      return outcome === 'failed' ? 'failed' : 'retried';
    }
  }

  /**
   * Sends every due message once: claims a batch, delivers each outside any transaction, records
   * the result. Safe to run from several processes at once. Never throws for a bad message.
   */
  async function drain(o: DrainOptions = {}): Promise<DrainReport> {
    const now = o.now ?? Date.now();
    const { claimId, rows } = await claimDue(store, {
      now,
      limit: o.limit ?? batchSize,
      claimMs,
      maxAttempts,
    });
    const report: DrainReport = {
      claimed: rows.length,
      sent: 0,
      retried: 0,
      failed: 0,
      skipped: 0,
      released: 0,
    };
    const queue = [...rows];
    const worker = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        if (o.signal?.aborted) {
          queue.unshift(row);
          return;
        }
        report[await deliver(claimId, row, now)] += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
    if (queue.length) {
      await releaseClaim(
        store,
        claimId,
        queue.map((r) => r.id),
      );
      report.released = queue.length;
    }
    return report;
  }

  async function listMail(_ctx: RequestContext, q: MailListQuery): Promise<Page<MailSummary>> {
    const t = store.t.sentMail;
    const conditions: SQL[] = [];
    if (q.to) conditions.push(eq(t.to, q.to.toLowerCase()));
    if (q.topic) conditions.push(eq(t.topic, q.topic));
    const where = conditions.length ? and(...conditions) : undefined;
    const [rows, [total]] = await Promise.all([
      store.db
        .select({
          id: t.id,
          outboxId: t.outboxId,
          topic: t.topic,
          to: t.to,
          subject: t.subject,
          transport: t.transport,
          filePath: t.filePath,
          messageId: t.messageId,
          createdAt: t.createdAt,
        })
        .from(t)
        .where(where)
        .orderBy(desc(t.createdAt), desc(t.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      store.db.select({ n: count() }).from(t).where(where),
    ]);
    return { items: rows.map(toSummary), page: q.page, pageSize: q.pageSize, total: Number(total?.n ?? 0) };
  }

  async function getMail(_ctx: RequestContext, id: string): Promise<MailDetail> {
    const [row] = await store.db.select().from(store.t.sentMail).where(eq(store.t.sentMail.id, id));
    if (!row) throw notificationErrors.mailNotFound();
    return { ...toSummary(row), text: row.text, html: row.html };
  }

  return {
    /** Which mail adapter is active: 'smtp' or 'file' (the .eml fallback). */
    mailTransport: mail.kind,
    smsEnabled: sms.enabled,
    mailDir,
    /** `enqueue(tx, ...)` bound to this store: call it inside the business transaction. */
    enqueue: <K extends string>(tx: Db, input: EnqueueInput<K>) => enqueue(tx, store, input),
    drain,
    listMail,
    getMail,
    close: () => mail.close(),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;

/** Validates a row's payload against its topic's schema and renders it; a bad payload is permanent. */
function renderRow<R>(
  tpl: { schema: z.ZodType; render: (payload: never) => R },
  row: OutboxRow,
): { payload: unknown; rendered: R } {
  const payload = parsePayload(tpl.schema, row);
  try {
    return { payload, rendered: (tpl.render as (p: unknown) => R)(payload) };
  } catch (error) {
    throw new PermanentFailure(`RENDER_FAILED for ${row.topic}: ${describeError(error)}`);
  }
}

function parsePayload<S extends z.ZodType>(schema: S, row: OutboxRow): z.output<S> {
  const parsed = schema.safeParse(row.payload);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 10)
    .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
    .join('; ');
  throw new PermanentFailure(`INVALID_PAYLOAD for ${row.topic}: ${problems}`);
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { responseCode?: number; response?: string; code?: string };
  if (e.response) return `${e.code ? `${e.code}: ` : ''}${e.response}`;
  return `${e.code ? `${e.code}: ` : ''}${e.message}`;
}

type SummaryRow = {
  id: string;
  outboxId: string;
  topic: string;
  to: string;
  subject: string;
  transport: string;
  filePath: string | null;
  messageId: string;
  createdAt: number;
};

const toSummary = (r: SummaryRow): MailSummary => ({
  id: r.id,
  outboxId: r.outboxId,
  topic: r.topic,
  to: r.to,
  subject: r.subject,
  transport: r.transport === 'smtp' ? 'smtp' : 'file',
  fileName: r.filePath ? basename(r.filePath) : null,
  messageId: r.messageId,
  createdAt: iso(r.createdAt),
});
