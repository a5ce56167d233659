import { sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';

/**
 * Following `change_log`: the one reader of the change sequence. The store read model uses it
 * today (modules/storefront-catalog/read-model.ts); the desktop sync pull and the search index
 * read the same feed.
 *
 * Writers append `(seq, entity, id, op)` in their transaction (lib/changes.ts). A follower keeps a
 * cursor: the highest seq applied plus the gaps below it. Gaps exist because MySQL takes an
 * autoincrement value when a row is inserted, not when it commits: seq 41 can become visible
 * before seq 40. A follower that only asked for `seq > last` would skip 40 for ever. So each read
 * also re-asks for the gaps (`OR seq IN (...)`); a gap that shows up is applied like any change,
 * and one still missing after `gapTtlMs` is forgotten (a rolled back transaction leaves a
 * permanent hole). SQLite commits one writer at a time and never fills a gap late.
 *
 * Applying a change means re-reading the row it names (or dropping it for a `delete`), so
 * re-applying is harmless; the feed still hands each committed change over exactly once as long as
 * it commits within `gapTtlMs` of a later seq being seen (property-tested in change-feed.test.ts).
 */

export type ChangeOp = 'upsert' | 'delete';

export interface Change {
  seq: number;
  entity: string;
  entityId: string;
  /** Absent means upsert (fakes in tests may leave it out). */
  op?: ChangeOp;
}

/** Where a follower is: everything up to `seq` applied except `gaps` (seq -> when first seen missing, ms). */
export interface FeedCursor {
  seq: number;
  gaps: ReadonlyMap<number, number>;
}

export interface FeedOptions {
  /** A gap still missing this long is a rolled back transaction: forgotten. */
  gapTtlMs?: number;
  /** At most this many gaps are watched (the oldest dropped first). */
  maxGaps?: number;
}

export const GAP_TTL_MS = 10_000;
export const CHANGE_BATCH_LIMIT = 5000;
export const MAX_GAPS = 1000;

export const startCursor: FeedCursor = { seq: 0, gaps: new Map() };

/**
 * The changes after the cursor's seq plus those filling its gaps, in seq order, at most `limit`.
 * Hand-written rather than built: the read model runs it before every request (or batch of them).
 */
export async function readChanges(
  store: Store,
  after: number,
  gaps: readonly number[],
  limit: number,
): Promise<Change[]> {
  const gapTerm =
    gaps.length > 0
      ? sql` or seq in (${sql.join(
          gaps.map((g) => sql`${g}`),
          sql`, `,
        )})`
      : sql``;
  const rows = await store.rows<{ seq: number | string; entity: string; entity_id: string; op: string }>(
    sql`select seq, entity, entity_id, op from change_log where seq > ${after}${gapTerm} order by seq limit ${limit}`,
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    entity: r.entity,
    entityId: r.entity_id,
    op: r.op === 'delete' ? 'delete' : 'upsert',
  }));
}

/** The newest seq (0 when the log is empty). Read it before loading rows: they are then at least as new. */
export async function latestSeq(store: Store): Promise<number> {
  const [top] = await store.rows<{ seq: number | string | null }>(
    sql`select max(seq) as seq from change_log`,
  );
  return Number(top?.seq ?? 0) || 0;
}

/** The seqs missing among the `window` just below `seq`: transactions that may still be in flight. */
export async function holesBelow(store: Store, seq: number, window = MAX_GAPS): Promise<number[]> {
  const recent = await store.rows<{ seq: number | string }>(
    sql`select seq from change_log where seq > ${seq - window} and seq <= ${seq}`,
  );
  const present = new Set(recent.map((r) => Number(r.seq)));
  const missing: number[] = [];
  for (let s = Math.max(1, seq - window + 1); s <= seq; s++) if (!present.has(s)) missing.push(s);
  return missing;
}

/**
 * Pure: what a batch read at `now` means for the cursor. `changes` are the rows to apply (new ones
 * and filled gaps, in seq order); `cursor` is where the follower is once they are applied.
 */
export function advance(
  cursor: FeedCursor,
  rows: readonly Change[],
  now: number,
  options: FeedOptions = {},
): { changes: Change[]; cursor: FeedCursor } {
  const gapTtlMs = options.gapTtlMs ?? GAP_TTL_MS;
  const maxGaps = options.maxGaps ?? MAX_GAPS;
  let seq = cursor.seq;
  const gaps = new Map(cursor.gaps);
  const opened: number[] = [];
  for (const row of rows) {
    if (row.seq <= seq) continue;
    for (let missing = Math.max(seq + 1, row.seq - maxGaps); missing < row.seq; missing++)
      opened.push(missing);
    seq = row.seq;
  }
  const changes = rows.filter((r) => r.seq > cursor.seq || cursor.gaps.has(r.seq));
  for (const r of rows) gaps.delete(r.seq);
  for (const [s, since] of gaps) if (now - since >= gapTtlMs) gaps.delete(s);
  for (const s of opened) gaps.set(s, now);
  if (gaps.size > maxGaps) {
    const sorted = [...gaps.keys()].sort((a, b) => a - b);
    for (const s of sorted.slice(0, sorted.length - maxGaps)) gaps.delete(s);
  }
  return { changes, cursor: { seq, gaps } };
}

/** One page of the feed after a cursor: the changes in seq order, the next cursor, and whether more wait. */
export async function readPage(
  store: Store,
  cursor: FeedCursor,
  options: FeedOptions & { limit?: number; now?: number } = {},
): Promise<{ changes: Change[]; cursor: FeedCursor; more: boolean }> {
  const limit = options.limit ?? CHANGE_BATCH_LIMIT;
  const rows = await readChanges(store, cursor.seq, [...cursor.gaps.keys()], limit);
  const next = advance(cursor, rows, options.now ?? Date.now(), options);
  return { ...next, more: rows.length >= limit };
}

/** Reads a batch after a position and the gaps below it (readChanges, or a fake in tests). */
export type ChangeReader = (after: number, gaps: readonly number[], limit: number) => Promise<Change[]>;

/**
 * A follower that keeps its cursor in memory: `poll` reads one batch and hands over what to apply;
 * the cursor moves only on `commit`, once the caller has applied it (a failed apply is re-read).
 */
export class ChangeFollower {
  private cursor: FeedCursor = startCursor;

  constructor(
    private readonly read: ChangeReader,
    private readonly options: FeedOptions & { now?: () => number; batchLimit?: number } = {},
  ) {}

  /** Highest seq applied. */
  get seq(): number {
    return this.cursor.seq;
  }

  /** Missing seqs below `seq` -> when first seen missing. */
  get gaps(): ReadonlyMap<number, number> {
    return this.cursor.gaps;
  }

  /** Starts over at `seq` (after loading everything), watching the missing seqs below it. */
  reset(seq: number, missing: readonly number[]): void {
    const now = (this.options.now ?? Date.now)();
    const gaps = new Map(missing.map((s) => [s, now]));
    this.cursor = advance({ seq, gaps }, [], now, {
      ...this.options,
      gapTtlMs: Number.POSITIVE_INFINITY,
    }).cursor;
  }

  /**
   * One batch. Null when a full batch is behind (the caller reloads everything and `reset`s).
   * `moved` says whether the position or anything applicable changed.
   */
  async poll(): Promise<{ changes: Change[]; moved: boolean; commit(): void } | null> {
    const limit = this.options.batchLimit ?? CHANGE_BATCH_LIMIT;
    const rows = await this.read(this.cursor.seq, [...this.cursor.gaps.keys()], limit);
    if (rows.length >= limit) return null;
    const before = this.cursor;
    const next = advance(before, rows, (this.options.now ?? Date.now)(), this.options);
    return {
      changes: next.changes,
      moved: next.cursor.seq !== before.seq || next.changes.length > 0,
      commit: () => {
        this.cursor = next.cursor;
      },
    };
  }
}
