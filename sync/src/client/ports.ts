import type { EntityName, EntityRow } from '../protocol/entities.ts';
import type {
  FirstResult,
  MutationEnvelope,
  PullRequest,
  PushRequest,
  RejectedResult,
  SyncRecord,
} from '../protocol/wire.ts';

/**
 * What the client engine needs of its surroundings. The desktop backend implements LocalStore
 * over SQLite (each method one transaction) and Transport over HTTP; tests use the in-memory
 * versions in `testing/`.
 */

/** A mutation waiting for the server (`pending`), or applied there but not yet seen in a pull (`acked`). */
export interface OutboxEntry {
  envelope: MutationEnvelope;
  state: 'pending' | 'acked';
}

/** A mutation the server refused: kept until a person deals with it, never dropped silently. */
export interface AttentionEntry {
  envelope: MutationEnvelope;
  result: RejectedResult;
}

export interface LocalStore {
  cursor(): Promise<string | null>;
  lastSyncAt(): Promise<number | null>;
  /** The outbox in the order the mutations were made. */
  outbox(): Promise<OutboxEntry[]>;
  /** Appends a mutation; durable when the promise resolves (the UI then says "saved"). */
  enqueue(envelope: MutationEnvelope): Promise<void>;
  /** Optional: appends several in one transaction (all durable, or none) when the promise resolves. */
  enqueueMany?(envelopes: readonly MutationEnvelope[]): Promise<void>;
  /** Applies one pull page and moves the cursor, atomically. */
  applyPage(records: readonly SyncRecord[], cursor: string, at: number): Promise<void>;
  /** Records the server's answers, atomically: applied -> acked, rejected -> needs attention. */
  settle(results: readonly FirstResult[]): Promise<void>;
  /** Forgets acked mutations whose effect a complete pull has brought into the mirror. */
  dropAcked(mutationIds: readonly string[]): Promise<void>;
  attention(): Promise<AttentionEntry[]>;
  /** A person has dealt with a rejected mutation. */
  dismiss(mutationId: string): Promise<void>;
  /** Empties the mirror and the cursor (the server refused the cursor); outbox and attention stay. */
  resetMirror(): Promise<void>;
  get<E extends EntityName>(entity: E, id: string): Promise<EntityRow<E> | null>;
}

/**
 * Carries requests to the server and returns its answer unparsed (the engine validates it). A
 * refusal by the server is thrown as a DomainError rebuilt from its problem+json; anything else
 * thrown means the server could not be reached.
 */
export interface Transport {
  pull(request: PullRequest): Promise<unknown>;
  push(request: PushRequest): Promise<unknown>;
}

export interface Clock {
  now(): number;
}
