import { sql } from 'drizzle-orm';
import type { Db, Store } from './client.ts';
import { markDeferred, rewindDeferred } from './rows.ts';

/**
 * The savepoint could not be rolled back (MariaDB already rolled the whole transaction back, for
 * a deadlock): the transaction must not go on. `cause` is what `fn` threw.
 */
export class SavepointLostError extends Error {
  constructor(cause: unknown) {
    super('the transaction was rolled back under a savepoint', { cause });
    this.name = 'SavepointLostError';
  }
}

/**
 * Runs `fn` inside the open transaction `tx` behind a savepoint: when it throws, its writes are
 * rolled back (the statements since the savepoint, and the rows it deferred to the commit) while
 * the transaction's earlier work stays, and the error is rethrown. Not nestable (one name).
 * sync's push applies a batch of mutations in one transaction, each behind one of these.
 */
export async function withSavepoint<T>(store: Store, tx: Db, fn: () => Promise<T>): Promise<T> {
  const mark = markDeferred(tx);
  // runAll: a plain query on MySQL (savepoint statements are not prepared), run() on SQLite.
  await store.runAll(tx, [sql.raw('SAVEPOINT shoebox_step')]);
  try {
    const result = await fn();
    await store.runAll(tx, [sql.raw('RELEASE SAVEPOINT shoebox_step')]);
    return result;
  } catch (error) {
    try {
      await store.runAll(tx, [sql.raw('ROLLBACK TO SAVEPOINT shoebox_step')]);
      await store.runAll(tx, [sql.raw('RELEASE SAVEPOINT shoebox_step')]);
    } catch {
      throw new SavepointLostError(error);
    }
    rewindDeferred(tx, mark);
    throw error;
  }
}
