import { createIdGenerator, isDomainError, type SerializedError, validationError } from '@shoebox/shared';
import { type MutationArgs, type MutationName, findMutation } from '../mutations/registry.ts';
import type { DomainReader } from '../mutations/types.ts';
import type { AnyRow } from '../protocol/entities.ts';
import { cursorResetCodes, upgradeCodes } from '../protocol/errors.ts';
import { PROTOCOL_VERSION, syncLimits } from '../protocol/version.ts';
import {
  type MutationEnvelope,
  newPushRequest,
  parsePullResponse,
  parsePushResponse,
  settledResult,
} from '../protocol/wire.ts';
import { type BackoffOptions, backoffDelay, defaultBackoff } from './backoff.ts';
import type { AttentionEntry, Clock, LocalStore, Transport } from './ports.ts';
import { type ArgsCache, emptyOverlay, type Overlay, replayOutbox, viewReader } from './view.ts';

export interface SyncStatus {
  /** null until the first attempt; false after a failed one. */
  online: boolean | null;
  /** Mutations the server has not answered yet. */
  pending: number;
  lastSyncAt: number | null;
  /** Rejected mutations waiting for a person ("Needs attention"). */
  rejected: AttentionEntry[];
  /** The server speaks another protocol version: syncing stops until the app is updated. */
  updateRequired: boolean;
  lastError: SerializedError | null;
  nextAttemptAt: number;
}

export interface SyncClientOptions {
  deviceId: string;
  store: LocalStore;
  transport: Transport;
  clock: Clock;
  /** In [0, 1): jitter and the random bits of mutation ids (seeded in tests). */
  random: () => number;
  pullLimit?: number;
  /** How long after a good sync the next one is due when the server sends no notice (polling). */
  pollMs?: number;
  pushBatch?: number;
  backoff?: BackoffOptions;
}

export const DEFAULT_POLL_MS = 30_000;

/** One intent for `mutateMany`: a mutation's name and its arguments. */
export type Intent = { [N in MutationName]: { name: N; args: MutationArgs<N> } }[MutationName];

/** Thrown when the server's answer cannot be used; treated like a failed attempt (retried later). */
class UnusableAnswer extends Error {}

/**
 * The device side of sync: an outbox of intents, push with retries, pull to the server's head,
 * and the view (mirror + outbox replayed). One instance per device; `sync()` calls never overlap.
 */
export class SyncClient {
  private overlay: Overlay = emptyOverlay;
  private current: SyncStatus;
  private attempt = 0;
  private running: Promise<void> | null = null;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private readonly newId: () => string;
  private readonly parsedArgs: ArgsCache = new Map();
  private rebases = 0;
  /** A mutation or a server notice arrived while `running`: the run's end must not push the next attempt away. */
  private changedDuringRun = false;

  constructor(private readonly options: SyncClientOptions) {
    this.current = {
      online: null,
      pending: 0,
      lastSyncAt: null,
      rejected: [],
      updateRequired: false,
      lastError: null,
      nextAttemptAt: options.clock.now(),
    };
    const random = options.random;
    this.newId = createIdGenerator({
      now: () => options.clock.now(),
      random: (n) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256)),
    });
  }

  /** Loads the persisted state (after a start or a crash) and builds the view. */
  async open(): Promise<void> {
    this.current.lastSyncAt = await this.options.store.lastSyncAt();
    await this.rebase();
  }

  /** The client view: what screens read. */
  get view(): DomainReader {
    return viewReader(this.options.store, this.overlay);
  }

  /** Records an intent locally (durable on return) and shows it in the view at once. */
  async mutate<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<MutationEnvelope> {
    const [envelope] = await this.mutateMany([{ name, args } as Intent]);
    return envelope!;
  }

  /**
   * Records several intents at once (a receipt or count of many lines): all are checked first,
   * then queued together (in one local transaction where the store has `enqueueMany`), so either
   * all are durable on return or none is; one rebase of the view for the lot.
   */
  async mutateMany(intents: readonly Intent[]): Promise<MutationEnvelope[]> {
    const envelopes = intents.map(({ name, args }): MutationEnvelope => {
      const definition = findMutation(name);
      const parsed = definition?.args.safeParse(args);
      if (!definition || !parsed?.success) {
        throw validationError(
          'MUTATION_ARGS_INVALID',
          `The change "${name}" is not valid.`,
          parsed?.error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        );
      }
      return {
        id: this.newId(),
        deviceId: this.options.deviceId,
        name,
        args: parsed.data,
        clientTime: this.options.clock.now(),
      };
    });
    if (envelopes.length === 0) return [];
    const { store } = this.options;
    if (store.enqueueMany) await store.enqueueMany(envelopes);
    else for (const envelope of envelopes) await store.enqueue(envelope);
    // A sync running now may have read the outbox before these: it must not end by scheduling
    // the next attempt a poll interval away.
    if (this.running) this.changedDuringRun = true;
    // Push soon while the server answers; while it does not, the backoff decides.
    if (this.attempt === 0)
      this.current.nextAttemptAt = Math.min(this.current.nextAttemptAt, envelopes[0]!.clientTime);
    await this.rebase();
    return envelopes;
  }

  status(): SyncStatus {
    return structuredClone(this.current);
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status());
    return () => this.listeners.delete(listener);
  }

  /**
   * The rows the outbox changes, by `rowKey(entity, id)`: list screens query the mirror and lay
   * these over it (a row here replaces the mirror's).
   */
  pendingRows(): ReadonlyMap<string, AnyRow> {
    return this.overlay.rows;
  }

  /** Outbox mutations the view could not replay (likely rejections), by mutation id. */
  unplayable(): ReadonlyMap<string, string> {
    return this.overlay.unplayable;
  }

  /** The server says there is something to pull (server-sent event): try now, whatever the backoff. */
  notify(): void {
    this.attempt = 0;
    this.current.nextAttemptAt = this.options.clock.now();
    if (this.running) this.changedDuringRun = true;
  }

  /** Syncs when the backoff allows; the desktop's loop and the simulation call this. */
  async tick(): Promise<void> {
    if (this.options.clock.now() >= this.current.nextAttemptAt) await this.sync();
  }

  async dismiss(mutationId: string): Promise<void> {
    await this.options.store.dismiss(mutationId);
    await this.rebase();
  }

  /** Push everything pending, then pull to the head. Concurrent calls share one run. */
  sync(): Promise<void> {
    this.running ??= this.runOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runOnce(): Promise<void> {
    if (this.current.updateRequired) return;
    const now = () => this.options.clock.now();
    this.changedDuringRun = false;
    try {
      await this.pushAll();
      await this.pullAll();
      this.attempt = 0;
      // A change or a server notice during this run may have come after its push or pull: due now.
      const nextAttemptAt = this.changedDuringRun ? now() : now() + (this.options.pollMs ?? DEFAULT_POLL_MS);
      Object.assign(this.current, { online: true, lastError: null, lastSyncAt: now(), nextAttemptAt });
    } catch (error) {
      const serialized: SerializedError | null = isDomainError(error)
        ? error.toJSON()
        : error instanceof UnusableAnswer
          ? { kind: 'external', code: 'SYNC_ANSWER_UNUSABLE', message: error.message }
          : null;
      this.current.lastError = serialized ?? {
        kind: 'external',
        code: 'SYNC_UNREACHABLE',
        message: String(error),
      };
      this.current.online = serialized !== null; // the server answered, so we are online
      if (serialized && upgradeCodes.has(serialized.code)) {
        this.current.updateRequired = true;
      } else if (serialized && cursorResetCodes.has(serialized.code)) {
        await this.options.store.resetMirror();
        this.current.nextAttemptAt = now();
      } else {
        this.attempt += 1;
        this.current.nextAttemptAt =
          now() + backoffDelay(this.attempt, this.options.random, this.options.backoff ?? defaultBackoff);
      }
    }
    await this.rebase();
  }

  private async pushAll(): Promise<void> {
    const { store, transport, deviceId } = this.options;
    const batchSize = this.options.pushBatch ?? syncLimits.maxPushBatch;
    for (;;) {
      const pending = (await store.outbox()).filter((e) => e.state === 'pending').slice(0, batchSize);
      if (pending.length === 0) return;
      const answer = parsePushResponse(
        await transport.push(
          newPushRequest(
            deviceId,
            pending.map((e) => e.envelope),
          ),
        ),
      );
      checkVersion(answer.protocolVersion);
      const results = answer.results.map(settledResult);
      if (results.length === 0) throw new UnusableAnswer('the server answered no mutation of the batch');
      results.forEach((result, i) => {
        if (result.mutationId !== pending[i]?.envelope.id)
          throw new UnusableAnswer('push results out of order');
      });
      await store.settle(results);
      await this.rebase();
    }
  }

  private async pullAll(): Promise<void> {
    const { store, transport, clock } = this.options;
    // Acked mutations leave the view once a pull that started after their ack reached the head.
    const acked = (await store.outbox()).filter((e) => e.state === 'acked').map((e) => e.envelope.id);
    for (;;) {
      const cursor = await store.cursor();
      const request = {
        protocolVersion: PROTOCOL_VERSION,
        cursor,
        limit: this.options.pullLimit ?? syncLimits.defaultPullPage,
      };
      const page = parsePullResponse(await transport.pull(request));
      checkVersion(page.protocolVersion);
      // A late answer to an earlier request: applying it could move the cursor backwards.
      if (page.from !== cursor) throw new UnusableAnswer('a pull answer for another cursor');
      await store.applyPage(page.records, page.cursor, clock.now());
      if (!page.hasMore) break;
    }
    if (acked.length > 0) await store.dropAcked(acked);
  }

  private async rebase(): Promise<void> {
    const { store, deviceId } = this.options;
    // A mutate() during a sync() rebases concurrently: only the last one started (which read the
    // newest outbox) may set the view.
    const generation = ++this.rebases;
    const outbox = await store.outbox();
    const overlay = await replayOutbox(store, outbox, deviceId, this.parsedArgs);
    if (generation !== this.rebases) return;
    this.overlay = overlay;
    const live = new Set(outbox.map((e) => e.envelope.id));
    for (const id of this.parsedArgs.keys()) if (!live.has(id)) this.parsedArgs.delete(id);
    this.current.pending = outbox.filter((e) => e.state === 'pending').length;
    this.current.rejected = await store.attention();
    for (const listener of this.listeners) listener(this.status());
  }
}

const checkVersion = (version: number): void => {
  if (version !== PROTOCOL_VERSION)
    throw new UnusableAnswer(`the server answered protocol version ${version}`);
};
