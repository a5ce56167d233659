import { onHandDelta, reservedDelta } from '@shoebox/shared';
import { effectRows } from '../mutations/effects.ts';
import type { DomainReader, Effect } from '../mutations/types.ts';
import { type AnyRow, type EntityName, type EntityRow, rowKey } from '../protocol/entities.ts';
import type { FirstResult } from '../protocol/wire.ts';
import { StaleWriteError } from '../server/apply.ts';
import type { ChangeEntry, SyncServerPort, SyncTransaction } from '../server/port.ts';

/**
 * The reference server: rows, the stock ledger, the change sequence and the mutation results in
 * memory, with real transactions (an undo journal) so a failed mutation leaves nothing behind.
 * Its state is its "database": a restart keeps it and loses only what was in flight.
 */

export interface LedgerEntry {
  variantId: string;
  locationId: string;
  kind: string;
  onHandDelta: number;
  reservedDelta: number;
  mutationId: string | null;
}

export interface MemoryServerFaults {
  /** Chance that a conditional write reports the state changed (exercises re-planning). */
  staleWrite?: number;
  /** Chance that a commit's change entries become visible late (MySQL's out-of-order commits). */
  lateCommit?: number;
  lateCommitMs?: number;
}

interface LogEntry extends ChangeEntry {
  visibleAt: number;
}

export class MemoryServer implements SyncServerPort {
  readonly rows = new Map<string, { entity: EntityName; row: AnyRow }>();
  readonly ledger: LedgerEntry[] = [];
  readonly results = new Map<string, FirstResult>();
  /** How many committed transactions applied each mutation id (the simulation checks <= 1). */
  readonly applications = new Map<string, number>();
  private readonly log: LogEntry[] = [];
  private inTransaction = false;

  constructor(
    readonly serverId: string,
    private readonly clock: () => number,
    private readonly random: () => number = Math.random,
    public faults: MemoryServerFaults = {},
  ) {}

  now(): number {
    return this.clock();
  }

  /** Rows are frozen when written, so readers get them without a copy and cannot change them. */
  get<E extends EntityName>(entity: E, id: string): EntityRow<E> | null {
    return (this.rows.get(rowKey(entity, id))?.row as EntityRow<E> | undefined) ?? null;
  }

  all(entity: EntityName): AnyRow[] {
    return [...this.rows.values()].filter((r) => r.entity === entity).map((r) => r.row);
  }

  async headSeq(): Promise<number> {
    const now = this.clock();
    return this.log.reduce((max, e) => (e.visibleAt <= now ? Math.max(max, e.seq) : max), 0);
  }

  async readChanges(after: number, also: readonly number[], limit: number): Promise<ChangeEntry[]> {
    const now = this.clock();
    const wanted = new Set(also);
    return this.log
      .filter((e) => e.visibleAt <= now && (e.seq > after || wanted.has(e.seq)))
      .slice(0, limit)
      .map(({ seq, entity, id }) => ({ seq, entity, id }));
  }

  async loadRows(keys: readonly { entity: EntityName; id: string }[]): Promise<Map<string, AnyRow>> {
    const out = new Map<string, AnyRow>();
    for (const { entity, id } of keys) {
      const row = this.get(entity, id);
      if (row) out.set(rowKey(entity, id), row);
    }
    return out;
  }

  async transact<T>(fn: (tx: SyncTransaction) => Promise<T>): Promise<T> {
    if (this.inTransaction) throw new Error('MemoryServer: transactions do not nest');
    this.inTransaction = true;
    const tx = new MemoryTransaction(this);
    try {
      const value = await fn(tx);
      this.commit(tx);
      return value;
    } catch (error) {
      tx.rollback();
      throw error;
    } finally {
      this.inTransaction = false;
    }
  }

  /** A write made on the server itself (the web back office, checkout): its own transaction. */
  async serverWrite(fn: (tx: MemoryTransaction) => void | Promise<void>): Promise<void> {
    await this.transact(async (tx) => fn(tx as MemoryTransaction));
  }

  private commit(tx: MemoryTransaction): void {
    const late = this.random() < (this.faults.lateCommit ?? 0);
    const visibleAt = this.clock() + (late ? (this.faults.lateCommitMs ?? 1000) : 0);
    let seq = this.log.at(-1)?.seq ?? 0;
    for (const key of tx.touched.values()) this.log.push({ ...key, seq: ++seq, visibleAt });
    for (const id of tx.applied) this.applications.set(id, (this.applications.get(id) ?? 0) + 1);
  }

  /** Whether a conditional write should pretend to have lost a race (a fault). */
  staleNow(): boolean {
    return this.random() < (this.faults.staleWrite ?? 0);
  }
}

type Undo = () => void;

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
};

export class MemoryTransaction implements SyncTransaction {
  readonly touched = new Map<string, { entity: EntityName; id: string }>();
  readonly applied: string[] = [];
  private readonly undo: Undo[] = [];

  constructor(private readonly server: MemoryServer) {}

  async get<E extends EntityName>(entity: E, id: string): Promise<EntityRow<E> | null> {
    return this.server.get(entity, id);
  }

  /** Inserts or replaces a row, journalled so a rollback restores it. */
  put(entity: EntityName, row: AnyRow): void {
    const key = rowKey(entity, row.id);
    const before = this.server.rows.get(key);
    this.undo.push(() => (before ? this.server.rows.set(key, before) : this.server.rows.delete(key)));
    this.server.rows.set(key, { entity, row: deepFreeze(structuredClone(row)) });
    this.touched.set(key, { entity, id: row.id });
  }

  delete(entity: EntityName, id: string): void {
    const key = rowKey(entity, id);
    const before = this.server.rows.get(key);
    if (!before) return;
    this.undo.push(() => this.server.rows.set(key, before));
    this.server.rows.delete(key);
    this.touched.set(key, { entity, id });
  }

  /** Appends to the stock ledger (undone on rollback like any write). */
  movement(entry: LedgerEntry): void {
    this.server.ledger.push(entry);
    this.undo.push(() => this.server.ledger.pop());
  }

  async findResult(deviceId: string, mutationId: string): Promise<FirstResult | null> {
    return this.server.results.get(`${deviceId}/${mutationId}`) ?? null;
  }

  async saveResult(deviceId: string, mutationId: string, result: FirstResult): Promise<void> {
    const key = `${deviceId}/${mutationId}`;
    if (this.server.results.has(key)) throw new StaleWriteError(); // as a unique key would refuse it
    this.server.results.set(key, structuredClone(result));
    this.undo.push(() => this.server.results.delete(key));
    if (result.status === 'applied') this.applied.push(mutationId);
  }

  async write(
    effect: Effect,
    ctx: { deviceId: string; mutationId: string; now: number },
  ): Promise<'ok' | 'stale'> {
    if (this.server.staleNow()) return 'stale';
    const changes = await effectRows(effect, this as DomainReader, ctx);
    if (changes === 'stale') return 'stale';
    for (const change of changes) this.put(change.entity, change.row);
    if (effect.type === 'stock') {
      this.movement({
        variantId: effect.variantId,
        locationId: effect.locationId,
        kind: effect.movement,
        onHandDelta: onHandDelta(effect.movement, effect.quantity),
        reservedDelta: reservedDelta(effect.movement, effect.quantity),
        mutationId: ctx.mutationId,
      });
    }
    return 'ok';
  }

  rollback(): void {
    for (const undo of this.undo.reverse()) undo();
    this.undo.length = 0;
  }
}
