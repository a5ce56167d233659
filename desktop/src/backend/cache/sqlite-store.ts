import type { AttentionEntry, LocalStore, OutboxEntry } from '@shoebox/sync/client';
import {
  type EntityName,
  type EntityRow,
  entityNames,
  type FirstResult,
  type MutationEnvelope,
  type RejectedResult,
  type SyncRecord,
} from '@shoebox/sync/protocol';
import type Database from 'better-sqlite3';
import { mirrorTable } from './migrations.ts';

interface OutboxRow {
  seq: number;
  envelope: string;
  state: OutboxEntry['state'];
}

/**
 * sync's LocalStore over the cache file, with MemoryStore's semantics (the contract test runs
 * both): every method is one SQLite transaction, and rows go in and out as JSON copies, so
 * nothing is shared by reference with the caller. better-sqlite3 is synchronous: a method's work
 * is done, and committed to disk, before its promise resolves.
 */
export class SqliteStore implements LocalStore {
  private readonly sql;

  constructor(private readonly db: Database.Database) {
    this.sql = {
      state: db.prepare<[], { cursor: string | null; last_sync_at: number | null }>(
        'SELECT cursor, last_sync_at FROM sync_state WHERE only_row = 1',
      ),
      setState: db.prepare('UPDATE sync_state SET cursor = ?, last_sync_at = ? WHERE only_row = 1'),
      clearCursor: db.prepare('UPDATE sync_state SET cursor = NULL WHERE only_row = 1'),
      outbox: db.prepare<[], OutboxRow>('SELECT seq, envelope, state FROM outbox ORDER BY seq'),
      enqueue: db.prepare("INSERT INTO outbox (mutation_id, envelope, state) VALUES (?, ?, 'pending')"),
      findOutbox: db.prepare<[string], OutboxRow>(
        'SELECT seq, envelope, state FROM outbox WHERE mutation_id = ?',
      ),
      ack: db.prepare("UPDATE outbox SET state = 'acked' WHERE seq = ?"),
      removeOutbox: db.prepare('DELETE FROM outbox WHERE seq = ?'),
      dropAcked: db.prepare("DELETE FROM outbox WHERE mutation_id = ? AND state = 'acked'"),
      attention: db.prepare<[], { envelope: string; result: string }>(
        'SELECT envelope, result FROM attention ORDER BY seq',
      ),
      addAttention: db.prepare('INSERT INTO attention (mutation_id, envelope, result) VALUES (?, ?, ?)'),
      dismiss: db.prepare('DELETE FROM attention WHERE mutation_id = ?'),
    };
  }

  async cursor(): Promise<string | null> {
    return this.state().cursor;
  }

  async lastSyncAt(): Promise<number | null> {
    return this.state().last_sync_at;
  }

  async outbox(): Promise<OutboxEntry[]> {
    return this.sql.outbox.all().map((r) => ({ envelope: JSON.parse(r.envelope), state: r.state }));
  }

  async enqueue(envelope: MutationEnvelope): Promise<void> {
    this.sql.enqueue.run(envelope.id, JSON.stringify(envelope));
  }

  async enqueueMany(envelopes: readonly MutationEnvelope[]): Promise<void> {
    this.db.transaction(() => {
      for (const envelope of envelopes) this.sql.enqueue.run(envelope.id, JSON.stringify(envelope));
    })();
  }

  async applyPage(records: readonly SyncRecord[], cursor: string, at: number): Promise<void> {
    this.db.transaction(() => {
      for (const record of records) {
        const table = mirrorTable(record.entity);
        if (record.op === 'upsert') {
          this.mirror(table, 'upsert').run(record.id, JSON.stringify(record.row));
        } else {
          this.mirror(table, 'delete').run(record.id);
        }
      }
      this.sql.setState.run(cursor, at);
    })();
  }

  async settle(results: readonly FirstResult[]): Promise<void> {
    this.db.transaction(() => {
      for (const result of results) {
        const entry = this.sql.findOutbox.get(result.mutationId);
        if (!entry) continue; // settled before (a duplicate answer): nothing to do
        if (result.status === 'applied') this.sql.ack.run(entry.seq);
        else {
          this.sql.removeOutbox.run(entry.seq);
          this.sql.addAttention.run(result.mutationId, entry.envelope, JSON.stringify(result));
        }
      }
    })();
  }

  async dropAcked(mutationIds: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      for (const id of mutationIds) this.sql.dropAcked.run(id);
    })();
  }

  async attention(): Promise<AttentionEntry[]> {
    return this.sql.attention.all().map((r) => ({
      envelope: JSON.parse(r.envelope) as MutationEnvelope,
      result: JSON.parse(r.result) as RejectedResult,
    }));
  }

  async dismiss(mutationId: string): Promise<void> {
    this.sql.dismiss.run(mutationId);
  }

  async resetMirror(): Promise<void> {
    this.db.transaction(() => {
      for (const table of entityNames.map(mirrorTable)) this.db.prepare(`DELETE FROM ${table}`).run();
      this.sql.clearCursor.run();
    })();
  }

  async get<E extends EntityName>(entity: E, id: string): Promise<EntityRow<E> | null> {
    const found = this.mirror(mirrorTable(entity), 'get').get(id) as { row: string } | undefined;
    return found ? (JSON.parse(found.row) as EntityRow<E>) : null;
  }

  private state() {
    const state = this.sql.state.get();
    if (!state) throw new Error('The offline cache has no sync_state row: the file is damaged.');
    return state;
  }

  private readonly mirrorStatements = new Map<string, Database.Statement>();

  /**
   * Statements per mirror table, prepared once. The table name cannot be a parameter; it comes
   * from the closed list of entity names (pull answers are parsed against it before they get here).
   */
  private mirror(table: string, op: 'upsert' | 'delete' | 'get'): Database.Statement {
    const key = `${op} ${table}`;
    let statement = this.mirrorStatements.get(key);
    if (!statement) {
      const text = {
        upsert: `INSERT INTO ${table} (id, row) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET row = excluded.row`,
        delete: `DELETE FROM ${table} WHERE id = ?`,
        get: `SELECT row FROM ${table} WHERE id = ?`,
      }[op];
      statement = this.db.prepare(text);
      this.mirrorStatements.set(key, statement);
    }
    return statement;
  }
}
