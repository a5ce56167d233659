/**
 * The sync engine of this device: sync's SyncClient over the SQLite cache, a loop that syncs when
 * due (after a change, a server notice, the poll interval, or the backoff), the server's change
 * events, and the status the top bar shows. It runs while someone is signed in; a revoked device
 * wipes its cache and signs out.
 */
import { DomainError, type Role } from '@shoebox/shared';
import {
  type Intent,
  runSyncLoop,
  SyncClient,
  type SyncStatus as EngineStatus,
  type Transport,
} from '@shoebox/sync/client';
import {
  findMutation,
  type MutationArgs,
  type MutationEnvelope,
  type MutationName,
} from '@shoebox/sync/protocol';
import type Database from 'better-sqlite3';
import type { SyncStatus } from '../../ipc/index.ts';
import { SqliteStore } from '../cache/sqlite-store.ts';
import { readCacheFact, wipeCache, writeCacheFact } from '../cache/wipe.ts';

export interface SyncEngineOptions {
  deviceId: string;
  db: Database.Database;
  apiUrl: string;
  /** Builds the transport with the engine's hooks (see device-transport.ts). */
  transport(hooks: EngineHooks): Transport;
  /** Starts listening for the server's change notices; null: polling only. */
  listen?: (hooks: EngineHooks) => { stop(): void };
  /** Called after a revoked device's cache is wiped: sign out and say why. */
  onRevoked(message: string): Promise<void>;
  onStatus(status: SyncStatus): void;
  /** Forgets the device credential (revoked). */
  forgetCredential(): Promise<void>;
  log(level: 'info' | 'warn' | 'error', message: string, extra?: unknown): void;
  pollMs?: number;
  now?: () => number;
}

/** What the transport and the change listener tell the engine. */
export interface EngineHooks {
  onContact(reached: boolean): void;
  onRevoked(message: string): void;
  onActivity(delta: 1 | -1): void;
  /** The server has something to pull. */
  wake(): void;
}

export async function createSyncEngine(options: SyncEngineOptions) {
  const now = options.now ?? Date.now;
  const store = new SqliteStore(options.db);
  let reachable: boolean | null = null;
  let lastContactAt: number | null = null;
  let inFlight = 0;
  let running = false;
  let revokedWith: string | null = null;
  let loop: Promise<void> | null = null;
  let listener: { stop(): void } | null = null;
  let wakeSleep: (() => void) | null = null;
  let published = '';
  let lastProblem: string | null = null;
  let runningFor: Role | null = null;

  const hooks: EngineHooks = {
    onContact(reached) {
      reachable = reached;
      if (reached) lastContactAt = now();
      publish();
    },
    onRevoked(message) {
      revokedWith ??= message;
      running = false;
      wakeSleep?.();
    },
    onActivity(delta) {
      inFlight += delta;
      publish();
    },
    wake() {
      client.notify();
      wakeSleep?.();
    },
  };

  const client = new SyncClient({
    deviceId: options.deviceId,
    store,
    transport: options.transport(hooks),
    clock: { now },
    random: Math.random,
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  });
  await client.open();
  client.subscribe(() => publish());

  function status(): SyncStatus {
    const s: EngineStatus = client.status();
    const error = s.lastError;
    return {
      state: inFlight > 0 ? 'syncing' : reachable ? 'online' : 'offline',
      pending: s.pending,
      needsAttention: s.rejected.length,
      lastContactAt: lastContactAt === null ? null : new Date(lastContactAt).toISOString(),
      apiUrl: options.apiUrl,
      lastSyncAt: s.lastSyncAt === null ? null : new Date(s.lastSyncAt).toISOString(),
      updateRequired: s.updateRequired,
      problem: error && running ? { code: error.code, message: error.message } : null,
    };
  }

  function publish(): void {
    const next = status();
    const text = JSON.stringify(next);
    if (text === published) return;
    const problem = next.problem?.code ?? null;
    if (problem !== lastProblem && problem !== null)
      options.log('warn', 'sync did not complete', next.problem);
    lastProblem = problem;
    published = text;
    options.onStatus(next);
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      wakeSleep = done;
      function done() {
        clearTimeout(timer);
        wakeSleep = null;
        resolve();
      }
    });

  let wiping: Promise<void> | null = null;

  /** After any round: a revocation noticed in it wipes everything, once. */
  function afterRound(): Promise<void> {
    if (revokedWith !== null) wiping ??= wipe(revokedWith).finally(() => (wiping = null));
    return wiping ?? Promise.resolve();
  }

  async function wipe(message: string): Promise<void> {
    await stop();
    wipeCache(options.db);
    await options.forgetCredential();
    await client.open(); // rebuild the view over the empty cache
    revokedWith = null;
    options.log('warn', 'this device was revoked: cache wiped, signed out');
    publish();
    await options.onRevoked(message);
  }

  /**
   * The mirror holds what the role that pulled it may see. Another role signing in starts from
   * an empty mirror (its pending changes kept), so a manager gets the prices a warehouse pull
   * left out; hiding for a lesser role is done on every read anyway (local/visibility.ts).
   */
  async function prepareFor(role: Role): Promise<void> {
    const pulledFor = readCacheFact(options.db, 'mirrorRole');
    if (pulledFor !== role && (await store.cursor()) !== null) {
      options.log('info', 'another role signed in: the mirror is pulled again', {
        from: pulledFor,
        to: role,
      });
      await store.resetMirror();
      await client.open();
    }
    writeCacheFact(options.db, 'mirrorRole', role);
  }

  async function stop(): Promise<void> {
    running = false;
    listener?.stop();
    listener = null;
    wakeSleep?.();
    await loop;
    loop = null;
    publish();
  }

  /** Records a change (on disk when it resolves), shows it in the view, and wakes the loop to push it. */
  async function mutate<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<MutationEnvelope> {
    const [envelope] = await mutateMany([{ name, args } as Intent]);
    return envelope!;
  }

  /**
   * Records several changes in one local transaction (all or none), then wakes the loop. An
   * adjustment that would take the stock this device sees (the mirror with its pending changes)
   * below what is reserved is refused here, with nothing queued: offline, the server's refusal
   * would only come hours later.
   */
  async function mutateMany(intents: readonly Intent[]): Promise<MutationEnvelope[]> {
    for (const intent of intents) await refuseNegativeAdjust(client, intent);
    const envelopes = await client.mutateMany(intents);
    wakeSleep?.();
    return envelopes;
  }

  return {
    client,
    status,

    /** Starts syncing for the signed-in role (again after a sign-out). */
    async start(role: Role): Promise<void> {
      if (running && role === runningFor) return;
      if (running) await stop(); // someone else signed in without signing out first
      runningFor = role;
      await prepareFor(role);
      running = true;
      client.notify();
      listener = options.listen?.(hooks) ?? null;
      loop = runSyncLoop(client, { sleep, now, stopped: () => !running })
        .catch((e: unknown) => options.log('error', 'the sync loop stopped', String(e)))
        .then(() => {
          loop = null;
          void afterRound(); // not awaited: the wipe itself waits for this loop to end
        });
    },

    stop,

    mutate,
    mutateMany,

    /** A person dealt with a refused change. */
    dismiss: (mutationId: string): Promise<void> => client.dismiss(mutationId),

    /** Syncs now, whatever the timers say, and answers the status after it. */
    async syncNow(): Promise<SyncStatus> {
      client.notify();
      await client.sync();
      await afterRound();
      return status();
    },

    /** The API answered the health probe, or did not: a return wakes the loop at once. */
    observeProbe(up: boolean): void {
      const wasDown = reachable !== true;
      hooks.onContact(up);
      if (up && wasDown && running) hooks.wake();
    },

    async close(): Promise<void> {
      await stop();
    },
  };
}
export type SyncEngine = Awaited<ReturnType<typeof createSyncEngine>>;

/** Plans an `inventory.adjust` against the device's view, as the server will: a shortfall throws. */
async function refuseNegativeAdjust(client: SyncClient, intent: Intent): Promise<void> {
  if (intent.name !== 'inventory.adjust' || intent.args.delta >= 0) return;
  const definition = findMutation('inventory.adjust');
  const args = definition?.args.safeParse(intent.args);
  if (!definition || !args?.success) return; // mutateMany answers invalid args
  const plan = await definition.plan(args.data, client.view, { deviceId: '', mutationId: '' });
  if (plan.ok || plan.error.code !== 'INSUFFICIENT_STOCK') return;
  const level = await client.view.get('stockLevel', `${intent.args.variantId}:${intent.args.locationId}`);
  const available = level ? level.onHand - level.reserved : 0;
  throw new DomainError(
    'business_rule',
    'INSUFFICIENT_STOCK',
    `Only ${available} ${available === 1 ? 'pair is' : 'pairs are'} in stock here, so ${-intent.args.delta} cannot be taken off. Count the shelf, or adjust by at most ${available}.`,
    { details: { available, delta: intent.args.delta } },
  );
}
