import type { AttentionEntry, LocalStore, OutboxEntry } from '../client/ports.ts';
import { type AnyRow, type EntityName, type EntityRow, rowKey } from '../protocol/entities.ts';
import type { FirstResult, MutationEnvelope, SyncRecord } from '../protocol/wire.ts';

/** What a device keeps on disk; the in-memory store copies in and out, like a database would. */
export interface LocalDisk {
  mirror: Map<string, AnyRow>;
  cursor: string | null;
  lastSyncAt: number | null;
  outbox: OutboxEntry[];
  attention: AttentionEntry[];
}

export const emptyDisk = (): LocalDisk => ({
  mirror: new Map(),
  cursor: null,
  lastSyncAt: null,
  outbox: [],
  attention: [],
});

/**
 * LocalStore in memory. Every method changes `disk` in one step, as a SQLite transaction would,
 * and nothing is shared by reference with the caller, so a "killed" client that is rebuilt from
 * the same disk sees exactly what was committed.
 */
export class MemoryStore implements LocalStore {
  constructor(readonly disk: LocalDisk = emptyDisk()) {}

  async cursor(): Promise<string | null> {
    return this.disk.cursor;
  }

  async lastSyncAt(): Promise<number | null> {
    return this.disk.lastSyncAt;
  }

  async outbox(): Promise<OutboxEntry[]> {
    return this.disk.outbox.map((e) => ({ envelope: e.envelope, state: e.state }));
  }

  async enqueue(envelope: MutationEnvelope): Promise<void> {
    this.disk.outbox.push({ envelope: Object.freeze(structuredClone(envelope)), state: 'pending' });
  }

  async applyPage(records: readonly SyncRecord[], cursor: string, at: number): Promise<void> {
    for (const record of records) {
      const key = rowKey(record.entity, record.id);
      if (record.op === 'upsert') this.disk.mirror.set(key, Object.freeze(structuredClone(record.row)));
      else this.disk.mirror.delete(key);
    }
    this.disk.cursor = cursor;
    this.disk.lastSyncAt = at;
  }

  async settle(results: readonly FirstResult[]): Promise<void> {
    for (const result of results) {
      const index = this.disk.outbox.findIndex((e) => e.envelope.id === result.mutationId);
      const entry = this.disk.outbox[index];
      if (!entry) continue; // settled before (a duplicate answer): nothing to do
      if (result.status === 'applied') entry.state = 'acked';
      else {
        this.disk.outbox.splice(index, 1);
        this.disk.attention.push({ envelope: entry.envelope, result: structuredClone(result) });
      }
    }
  }

  async dropAcked(mutationIds: readonly string[]): Promise<void> {
    const drop = new Set(mutationIds);
    this.disk.outbox = this.disk.outbox.filter((e) => !(e.state === 'acked' && drop.has(e.envelope.id)));
  }

  async attention(): Promise<AttentionEntry[]> {
    return [...this.disk.attention];
  }

  async dismiss(mutationId: string): Promise<void> {
    this.disk.attention = this.disk.attention.filter((e) => e.envelope.id !== mutationId);
  }

  async resetMirror(): Promise<void> {
    this.disk.mirror.clear();
    this.disk.cursor = null;
  }

  async get<E extends EntityName>(entity: E, id: string): Promise<EntityRow<E> | null> {
    return (this.disk.mirror.get(rowKey(entity, id)) as EntityRow<E> | undefined) ?? null;
  }
}
