import { newId } from '@shoebox/shared';
import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { affectedRows, type Db, type Store } from '../../db/client.ts';
import type { TopicPayloads } from './templates/index.ts';
import { deferRows } from '../../db/rows.ts';

/**
 * The transactional outbox. A message is inserted inside the caller's transaction, so it exists
 * if and only if the business write committed; the drain job sends it afterwards, outside any
 * transaction, and records the outcome.
 *
 * Status: pending -> sending (claimed by one drain) -> sent | failed | skipped.
 * A claim whose drain died expires (`claimed_until`) and the message is claimed again.
 */
export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
export type OutboxRow = Store['t']['outbox']['$inferSelect'];

export interface EnqueueInput<K extends string> {
  /** e.g. 'mail.order_confirmation'; known topics type-check their payload. */
  topic: K;
  payload: K extends keyof TopicPayloads ? TopicPayloads[K] : unknown;
  /** The business transaction's clock (`ctx.now`). */
  now: number;
  /** Send no earlier than this (reminders); default `now`. */
  notBefore?: number;
  /** A caller-made id (UUIDv7) when the caller wants to refer to the message; default a new one. */
  id?: string;
}

/** Writes one message inside the CALLER's transaction (`tx`). Never call it outside `store.tx`. */
export async function enqueue<K extends string>(
  tx: Db,
  store: Store,
  input: EnqueueInput<K>,
): Promise<string> {
  const id = input.id ?? newId();
  await deferRows(store, tx, store.t.outbox, [
    {
      id,
      topic: input.topic,
      payload: input.payload,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: input.notBefore ?? input.now,
      claimedBy: null,
      claimedUntil: null,
      lastError: null,
      createdAt: input.now,
      sentAt: null,
    },
  ]);
  return id;
}

export interface ClaimOptions {
  now: number;
  limit: number;
  /** How long the claim keeps other drains away; must exceed the time one batch can take. */
  claimMs: number;
  maxAttempts: number;
}

export interface Claim {
  claimId: string;
  rows: OutboxRow[];
}

const errorLimit = 1000;
export const clipError = (message: string): string =>
  message.length > errorLimit ? `${message.slice(0, errorLimit - 1)}…` : message;

/**
 * Claims a batch of due messages for this drain call only. The conditional update is the lock:
 * a row is taken only while it is still pending and due (or its previous claim expired), so two
 * drains, in one process or on two instances, never both own a message. Each claim counts an
 * attempt, so a message that crashes its sender every time still runs out of attempts.
 */
export async function claimDue(store: Store, o: ClaimOptions): Promise<Claim> {
  const t = store.t.outbox;
  const due = or(
    and(eq(t.status, 'pending'), lte(t.nextAttemptAt, o.now)),
    and(eq(t.status, 'sending'), lt(t.claimedUntil, o.now)),
  );
  const claimable = and(lt(t.attempts, o.maxAttempts), due);
  const candidates = await store.db
    .select({ id: t.id, attempts: t.attempts })
    .from(t)
    .where(due)
    .orderBy(asc(t.nextAttemptAt), asc(t.id))
    .limit(o.limit);
  const claimId = newId();
  const ids = candidates.filter((c) => c.attempts < o.maxAttempts).map((c) => c.id);
  // A sender that died on its last allowed attempt leaves a stale claim nobody may retry.
  const exhausted = candidates.filter((c) => c.attempts >= o.maxAttempts).map((c) => c.id);
  if (ids.length === 0 && exhausted.length === 0) return { claimId, rows: [] };
  // Two independent conditional updates: neither needs the other, so no transaction around them.
  await store.write(async (db) => {
    if (exhausted.length)
      await db
        .update(t)
        .set({
          status: 'failed',
          claimedBy: null,
          claimedUntil: null,
          lastError: `Gave up after ${o.maxAttempts} attempts: the last sender stopped before recording a result.`,
        })
        .where(and(inArray(t.id, exhausted), due));
    if (ids.length)
      await db
        .update(t)
        .set({
          status: 'sending',
          claimedBy: claimId,
          claimedUntil: o.now + o.claimMs,
          attempts: sql`${t.attempts} + 1`,
        })
        .where(and(inArray(t.id, ids), claimable));
  });
  if (ids.length === 0) return { claimId, rows: [] };
  const rows = await store.db
    .select()
    .from(t)
    .where(and(eq(t.claimedBy, claimId), eq(t.status, 'sending')))
    .orderBy(asc(t.nextAttemptAt), asc(t.id));
  return { claimId, rows };
}

const owned = (store: Store, claimId: string, id: string) =>
  and(eq(store.t.outbox.id, id), eq(store.t.outbox.claimedBy, claimId), eq(store.t.outbox.status, 'sending'));

export type SentMailInsert = Omit<Store['t']['sentMail']['$inferInsert'], 'id' | 'outboxId'>;

/**
 * Records a delivery. Returns false when the claim had expired and another drain owns the message
 * now (it will deliver again, with the same Message-ID, so the receiver can drop the duplicate).
 */
export async function markSent(
  store: Store,
  claimId: string,
  row: OutboxRow,
  now: number,
  note: { mail?: SentMailInsert; lastError?: string | null } = {},
): Promise<boolean> {
  return store.tx(async (tx) => {
    const result = await tx
      .update(store.t.outbox)
      .set({
        status: 'sent',
        sentAt: now,
        claimedBy: null,
        claimedUntil: null,
        lastError: note.lastError ?? null,
      })
      .where(owned(store, claimId, row.id));
    if (note.mail)
      await store.insertIfAbsent(tx, store.t.sentMail, { id: newId(), outboxId: row.id, ...note.mail });
    return affectedRows(result) === 1;
  });
}

/** A final outcome that must not be retried: invalid payload, unknown topic, SMS disabled. */
export async function markFinal(
  store: Store,
  claimId: string,
  row: OutboxRow,
  status: 'failed' | 'skipped',
  error: string,
): Promise<void> {
  await store.write((db) =>
    db
      .update(store.t.outbox)
      .set({ status, claimedBy: null, claimedUntil: null, lastError: clipError(error) })
      .where(owned(store, claimId, row.id)),
  );
}

/** A failed attempt: back to pending at `retryAt`, or failed for good once attempts are used up. */
export async function markAttemptFailed(
  store: Store,
  claimId: string,
  row: OutboxRow,
  error: string,
  retryAt: number | null,
): Promise<'retry' | 'failed'> {
  const outcome = retryAt === null ? 'failed' : 'retry';
  await store.write((db) =>
    db
      .update(store.t.outbox)
      .set({
        status: outcome === 'failed' ? 'failed' : 'pending',
        nextAttemptAt: retryAt ?? row.nextAttemptAt,
        claimedBy: null,
        claimedUntil: null,
        lastError: clipError(error),
      })
      .where(owned(store, claimId, row.id)),
  );
  return outcome;
}

/** Hands unprocessed messages of a claim back (a drain that stops early), without using an attempt. */
export async function releaseClaim(store: Store, claimId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const t = store.t.outbox;
  await store.write((db) =>
    db
      .update(t)
      .set({
        status: 'pending',
        claimedBy: null,
        claimedUntil: null,
        attempts: sql`${t.attempts} - 1`,
      })
      .where(and(inArray(t.id, [...ids]), eq(t.claimedBy, claimId), eq(t.status, 'sending'))),
  );
}

export async function getOutboxMessage(store: Store, id: string): Promise<OutboxRow | undefined> {
  const [row] = await store.db.select().from(store.t.outbox).where(eq(store.t.outbox.id, id));
  return row;
}
