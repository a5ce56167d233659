/**
 * The change-feed follower against a real database: transactions take their seq numbers in one
 * order and commit (or roll back) in another, as MySQL allows, while a follower polls in between.
 * On SQLite one writer commits at a time, so the commit order is the seq order there; the same
 * property is checked.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testDialect } from '../test-support/harness.ts';
import {
  advance,
  ChangeFollower,
  GAP_TTL_MS,
  holesBelow,
  latestSeq,
  readChanges,
  readPage,
  startCursor,
} from './change-feed.ts';

class Rollback extends Error {}

interface Scenario {
  /** Per transaction, in the order they take their seq: commits (true) or rolls back. */
  commits: boolean[];
  /** The order transactions finish in (MySQL; SQLite finishes them in seq order). */
  finishOrder: number[];
  /** After each finish: whether the follower polls. */
  pollAfter: boolean[];
}

const scenario = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    commits: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    finishOrder: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    pollAfter: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  }),
);

describe(`change feed (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** A transaction that appends one change and then waits to be told to commit or roll back. */
  function openTransaction(entityId: string, commit: boolean) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted!: () => void;
    const appended = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const done = t.store
      .tx(async (tx) => {
        await tx.insert(t.store.t.changeLog).values({ entity: 'test', entityId, op: 'upsert', createdAt: 0 });
        inserted();
        await gate;
        if (!commit) throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
    const finish = () => {
      release();
      return done;
    };
    return { appended, finish };
  }

  async function run(s: Scenario, runId: number) {
    let clock = 0;
    const follower = new ChangeFollower((after, gaps, limit) => readChanges(t.store, after, gaps, limit), {
      now: () => clock,
    });
    const start = await latestSeq(t.store);
    follower.reset(start, await holesBelow(t.store, start));
    const applied = new Map<string, number>();
    const committed = new Set<string>();
    const poll = async () => {
      const batch = await follower.poll();
      if (!batch) throw new Error('unexpected full batch');
      for (const c of batch.changes)
        if (c.entityId.startsWith(`${runId}:`)) applied.set(c.entityId, (applied.get(c.entityId) ?? 0) + 1);
      batch.commit();
      // Never anything that did not commit.
      for (const id of applied.keys()) expect(committed.has(id), id).toBe(true);
    };

    const ids = s.commits.map((_, i) => `${runId}:${i}`);
    if (testDialect === 'mysql') {
      // Every transaction takes its seq first (in order), then they finish in the scenario's order.
      const open = [];
      for (const [i, id] of ids.entries()) {
        const tx = openTransaction(id, s.commits[i]!);
        await tx.appended;
        open.push(tx);
      }
      for (const [step, i] of s.finishOrder.entries()) {
        await open[i]!.finish();
        if (s.commits[i]) committed.add(ids[i]!);
        if (s.pollAfter[step]) await poll();
      }
    } else {
      for (const [i, id] of ids.entries()) {
        const tx = openTransaction(id, s.commits[i]!);
        await tx.appended;
        await tx.finish();
        if (s.commits[i]) committed.add(id);
        if (s.pollAfter[i]) await poll();
      }
    }
    await poll();

    // Nothing missed, nothing twice.
    expect([...applied.keys()].sort()).toEqual([...committed].sort());
    for (const [id, times] of applied) expect(times, id).toBe(1);

    // The holes rolled back transactions leave are forgotten once the gap time-to-live passes.
    clock += GAP_TTL_MS;
    await poll();
    expect(follower.gaps.size).toBe(0);
  }

  it('applies every committed change exactly once and nothing rolled back, whatever the commit order', async () => {
    let runId = 0;
    await fc.assert(
      fc.asyncProperty(scenario, (s) => run(s, ++runId)),
      { numRuns: 25 },
    );
  });

  it('pages through the feed after a cursor, in seq order, with the gaps the next page re-asks', async () => {
    const before = await latestSeq(t.store);
    await t.store.tx(async (tx) => {
      for (const id of ['p1', 'p2', 'p3'])
        await tx
          .insert(t.store.t.changeLog)
          .values({ entity: 'test', entityId: id, op: 'delete', createdAt: 0 });
    });
    const first = await readPage(t.store, { seq: before, gaps: new Map() }, { limit: 2, now: 0 });
    expect(first.changes.map((c) => [c.entityId, c.op])).toEqual([
      ['p1', 'delete'],
      ['p2', 'delete'],
    ]);
    expect(first.more).toBe(true);
    const second = await readPage(t.store, first.cursor, { limit: 2, now: 0 });
    expect(second.changes.map((c) => c.entityId)).toEqual(['p3']);
    expect(second.more).toBe(false);
    expect(second.cursor.seq).toBe(first.changes[1]!.seq + 1);
  });

  it('opens a gap for a seq seen missing and hands the change over once it fills', () => {
    const at = advance(startCursor, [{ seq: 2, entity: 'test', entityId: 'b' }], 0);
    expect(at.cursor.seq).toBe(2);
    expect([...at.cursor.gaps.keys()]).toEqual([1]);
    const filled = advance(at.cursor, [{ seq: 1, entity: 'test', entityId: 'a' }], 1);
    expect(filled.changes.map((c) => c.entityId)).toEqual(['a']);
    expect(filled.cursor.gaps.size).toBe(0);
    expect(advance(filled.cursor, [{ seq: 1, entity: 'test', entityId: 'a' }], 2).changes).toEqual([]);
  });
});
