import type { Role } from '@shoebox/shared';
import type { DomainReader, Effect } from '../mutations/types.ts';
import type { AnyRow, EntityName } from '../protocol/entities.ts';
import type { FirstResult } from '../protocol/wire.ts';

/**
 * What sync needs of a server, implemented by store-api over its database and by
 * `testing/memory-server.ts` in memory (the reference the simulation runs against).
 */

/**
 * One entry of the change sequence: this row changed (or went away) at `seq`. `entity: null` is a
 * number the server's sequence used for something sync does not carry (a sign-in, say): it moves
 * the cursor past that number and sends nothing, so it never becomes a gap to wait for.
 */
export interface ChangeEntry {
  seq: number;
  entity: EntityName | null;
  id: string;
}

/** Who is asking: the signed-in device and its staff role, which decides the fields it gets. */
export interface SyncScope {
  deviceId: string;
  role: Role;
}

/** The writes of one transaction. A conditional write that finds the state changed answers 'stale'. */
export interface SyncTransaction extends DomainReader {
  /** The first result recorded for this device's mutation, if any. */
  findResult(deviceId: string, mutationId: string): Promise<FirstResult | null>;
  /**
   * Records the result in this transaction: it commits with the mutation's writes or not at all.
   * The key (device, mutation id) is unique: when a concurrent push of the same mutation got there
   * first, throw StaleWriteError, so the retry finds that first result and answers `duplicate`.
   */
  saveResult(deviceId: string, mutationId: string, result: FirstResult): Promise<void>;
  /**
   * Writes one effect (stock through the ledger, etc.) and appends to the change sequence. A
   * server rule the plan cannot know (a product made active without variants) throws
   * `WriteRefusedError`: the transaction rolls back and the mutation is rejected with its code.
   */
  write(effect: Effect, ctx: { deviceId: string; mutationId: string; now: number }): Promise<'ok' | 'stale'>;
  /**
   * Optional: runs `fn` behind a savepoint of this transaction; when it throws, its writes are
   * undone and the transaction's earlier writes stay. With it, a push applies its whole batch in
   * one transaction (apply.ts); without it, one transaction per mutation.
   */
  atSavepoint?<T>(fn: () => Promise<T>): Promise<T>;
}

export interface SyncServerPort {
  /** Stable id of this database (made once, at its creation): cursors carry it. */
  readonly serverId: string;
  now(): number;
  /** Runs `fn` in one database transaction: commit when it returns, roll back when it throws. */
  transact<T>(fn: (tx: SyncTransaction) => Promise<T>): Promise<T>;
  /** The highest sequence number visible now. */
  headSeq(): Promise<number>;
  /**
   * Entries with seq > `after`, plus any of `also` (earlier numbers not visible before), in seq
   * order, at most `limit`. From 0 it must cover every live row (a pruned log keeps the latest
   * entry per row).
   */
  readChanges(after: number, also: readonly number[], limit: number): Promise<ChangeEntry[]>;
  /** The current rows for these keys; a key missing from the answer is a tombstone. */
  loadRows(keys: readonly { entity: EntityName; id: string }[]): Promise<Map<string, AnyRow>>;
}
