import { hostname } from 'node:os';
import { newToken } from '@shoebox/shared';
import { and, eq, lt, or } from 'drizzle-orm';
import { createTask, type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import { affectedRows, type Store } from '../db/client.ts';
import type { JobContext, JobDefinition } from './job.ts';

export type TickOutcome =
  | { status: 'ran'; ms: number }
  | { status: 'failed'; ms: number; error: string }
  /** Another holder has the lease, or this tick already ran somewhere. */
  | { status: 'not-leased' }
  /** This process is still running the previous tick (noOverlap). */
  | { status: 'busy' }
  | { status: 'stopped' };

export interface SchedulerOptions {
  store: Store;
  jobs: readonly JobDefinition[];
  /** Unique per API instance; default `hostname:pid:random`. */
  holderId?: string;
  log: Logger;
  /** Injectable clock for tests. */
  clock?: () => number;
}

export interface RunOnceOptions {
  /** The clock reading for this tick (default: the scheduler's clock). */
  now?: number;
  /** The scheduled tick (default: `now`). Two instances run the same tick at most once between them. */
  tick?: number;
}

export interface Scheduler {
  readonly holderId: string;
  /** Starts the cron tasks (node-cron 4: createTask + start, noOverlap). */
  start(): void;
  /** Stops scheduling, waits up to `waitMs` for running jobs, then hands this holder's leases back. */
  stop(waitMs?: number): Promise<void>;
  /** One tick of a job through the same lease path the cron tasks use (tests, admin "run now"). */
  runOnce(jobId: string, options?: RunOnceOptions): Promise<TickOutcome>;
}

export const defaultHolderId = (): string => `${hostname()}:${process.pid}:${newToken(6)}`.slice(0, 128);

/**
 * Runs declarative jobs on every API instance, but each tick on only one of them: before running,
 * a tick takes the job's lease row with a conditional update
 *   UPDATE job_leases SET holder=?, lease_until=now+timeoutMs, last_tick_at=tick
 *   WHERE job_id=? AND last_tick_at < tick AND (lease_until < now OR holder = ?)
 * and runs only when that changed the row. The holder keeps the lease for `timeoutMs` after each
 * start and renews it on its next tick, so one instance stays in charge while it is alive; when it
 * dies, its lease expires and another instance takes over. `last_tick_at` makes a tick count once
 * even when two instances' clocks differ slightly.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, log } = options;
  const holderId = options.holderId ?? defaultHolderId();
  const clock = options.clock ?? Date.now;
  const jobs = new Map(options.jobs.map((j) => [j.id, j]));
  if (jobs.size !== options.jobs.length) throw new Error('Duplicate job ids');
  const t = store.t.jobLeases;
  const ensured = new Set<string>();
  const running = new Map<string, Promise<unknown>>();
  const tasks: ScheduledTask[] = [];
  const stopping = new AbortController();
  let stopped = false;

  async function acquire(job: JobDefinition, now: number, tick: number): Promise<boolean> {
    if (!ensured.has(job.id)) {
      await store.write((db) =>
        store.insertIfAbsent(db, t, { jobId: job.id, holder: '', leaseUntil: 0, lastTickAt: 0 }),
      );
      ensured.add(job.id);
    }
    const result = await store.write((db) =>
      db
        .update(t)
        .set({ holder: holderId, leaseUntil: now + job.timeoutMs, lastTickAt: tick })
        .where(
          and(eq(t.jobId, job.id), lt(t.lastTickAt, tick), or(lt(t.leaseUntil, now), eq(t.holder, holderId))),
        ),
    );
    return affectedRows(result) === 1;
  }

  async function record(job: JobDefinition, tick: number, now: number, ms: number, error: string | null) {
    try {
      await store.write((db) =>
        db
          .update(t)
          .set({ lastRunAt: now, lastRunMs: Math.round(ms), lastError: error })
          .where(and(eq(t.jobId, job.id), eq(t.holder, holderId), eq(t.lastTickAt, tick))),
      );
    } catch (e) {
      log.error({ job: job.id, err: e }, 'job: could not record the run');
    }
  }

  async function tick(job: JobDefinition, now: number, tickAt: number): Promise<TickOutcome> {
    if (stopped) return { status: 'stopped' };
    if (running.has(job.id)) {
      log.warn({ job: job.id }, 'job: previous run still going, tick skipped');
      return { status: 'busy' };
    }
    let settle!: () => void;
    running.set(
      job.id,
      new Promise<void>((r) => {
        settle = r;
      }),
    );
    let bodyStarted = false;
    try {
      try {
        if (!(await acquire(job, now, tickAt))) return { status: 'not-leased' };
      } catch (e) {
        const error = describe(e);
        log.error({ job: job.id, error }, 'job: could not take the lease');
        return { status: 'failed', ms: 0, error };
      }
      bodyStarted = true;
      return await runBody(job, now, tickAt, settle);
    } finally {
      if (!bodyStarted) {
        running.delete(job.id);
        settle();
      }
    }
  }

  async function runBody(
    job: JobDefinition,
    now: number,
    tickAt: number,
    settle: () => void,
  ): Promise<TickOutcome> {
    const abort = new AbortController();
    const onStop = () => abort.abort(new Error('scheduler stopping'));
    stopping.signal.addEventListener('abort', onStop, { once: true });
    const ctx: JobContext = {
      jobId: job.id,
      holderId,
      now,
      tick: tickAt,
      signal: abort.signal,
      log: log.child({ job: job.id }),
    };
    const started = performance.now();
    const body = Promise.resolve().then(() => job.run(ctx));
    // The body may outlive its timeout (it should honour ctx.signal); the job stays "busy" in this
    // process until it really ends, so it never overlaps itself here.
    body
      .catch(() => {})
      .finally(() => {
        stopping.signal.removeEventListener('abort', onStop);
        running.delete(job.id);
        settle();
      });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const err = new Error(`timed out after ${job.timeoutMs} ms`);
        abort.abort(err);
        reject(err);
      }, job.timeoutMs);
    });
    try {
      await Promise.race([body, timeout]);
      const ms = performance.now() - started;
      await record(job, tickAt, now, ms, null);
      return { status: 'ran', ms };
    } catch (e) {
      const ms = performance.now() - started;
      const error = describe(e);
      log.error({ job: job.id, error, ms }, 'job failed');
      await record(job, tickAt, now, ms, error.slice(0, 1000));
      return { status: 'failed', ms, error };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    holderId,
    start() {
      if (stopped) throw new Error('A stopped scheduler cannot start again; create a new one');
      if (tasks.length) return;
      for (const job of jobs.values()) {
        const task = createTask(job.schedule, (c) => tick(job, clock(), c.date.getTime()), {
          name: job.id,
          noOverlap: true,
          logger: cronLogger(log),
        });
        tasks.push(task);
        void task.start();
      }
      log.info({ holderId, jobs: [...jobs.keys()] }, 'jobs scheduled');
    },
    async stop(waitMs = 10_000) {
      if (stopped) return;
      stopped = true;
      for (const task of tasks) await task.destroy();
      stopping.abort();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...running.values()]),
        new Promise((r) => {
          timer = setTimeout(r, waitMs);
        }),
      ]);
      clearTimeout(timer);
      if (running.size) log.warn({ jobs: [...running.keys()] }, 'jobs still running at stop');
      // Hand back the leases of jobs that finished, so another instance takes over at its next tick
      // instead of waiting for them to expire. `last_tick_at` still keeps each tick to one run.
      const idle = [...ensured].filter((id) => !running.has(id));
      try {
        for (const id of idle)
          await store.tx((tx) =>
            tx
              .update(t)
              .set({ leaseUntil: 0 })
              .where(and(eq(t.jobId, id), eq(t.holder, holderId))),
          );
      } catch (e) {
        log.warn({ err: e }, 'jobs: could not hand back leases (they expire on their own)');
      }
    },
    async runOnce(jobId, o = {}) {
      const job = jobs.get(jobId);
      if (!job) throw new Error(`Unknown job ${jobId}`);
      const now = o.now ?? clock();
      return tick(job, now, o.tick ?? now);
    },
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}

/** node-cron's own warnings (missed executions, overlaps) go to the app log, not the console. */
function cronLogger(log: Logger) {
  const text = (m: string | Error) => (m instanceof Error ? m.message : m);
  return {
    info: (m: string) => log.debug({ source: 'node-cron' }, m),
    warn: (m: string) => log.warn({ source: 'node-cron' }, m),
    error: (m: string | Error, err?: Error) => log.error({ source: 'node-cron', err }, text(m)),
    debug: (m: string | Error) => log.debug({ source: 'node-cron' }, text(m)),
  };
}
