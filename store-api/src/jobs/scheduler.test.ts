import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationsService } from '../modules/notifications/index.ts';
import { enqueue, getOutboxMessage } from '../modules/notifications/index.ts';
import { startTestApp, type TestApp, testDialect } from '../test-support/harness.ts';
import { defineJob, type JobContext } from './job.ts';
import { drainOutboxJob, drainOutboxJobId } from './notifications.job.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';

const log = pino({ level: 'silent' });

describe(`jobs: lease-based scheduler (${testDialect})`, () => {
  let t: TestApp;
  const schedulers: Scheduler[] = [];
  const make = (holderId: string, jobs: Parameters<typeof createScheduler>[0]['jobs']) => {
    const s = createScheduler({ store: t.store, jobs, holderId, log });
    schedulers.push(s);
    return s;
  };
  const lease = async (jobId: string) =>
    (await t.store.db.select().from(t.store.t.jobLeases).where(eq(t.store.t.jobLeases.jobId, jobId)))[0];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    for (const s of schedulers) await s.stop(1000);
    await t.close();
  });

  /** A job that counts its runs and takes a little while, so concurrent ticks really overlap. */
  const counting = (id: string, timeoutMs = 30_000) => {
    const runs: JobContext[] = [];
    const job = defineJob({
      id,
      schedule: '*/5 * * * * *',
      timeoutMs,
      async run(ctx) {
        runs.push(ctx);
        await new Promise((r) => setTimeout(r, 30));
      },
    });
    return { job, runs };
  };

  it('runs a tick once between two schedulers on one database', async () => {
    const { job, runs } = counting('test.once');
    const a = make('instance-a', [job]);
    const b = make('instance-b', [job]);
    const now = Date.now();
    const outcomes = await Promise.all([
      a.runOnce('test.once', { now }),
      b.runOnce('test.once', { now }),
      a.runOnce('test.once', { now }),
      b.runOnce('test.once', { now }),
    ]);
    expect(runs).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'ran')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'not-leased' || o.status === 'busy')).toHaveLength(3);
    const winner = runs[0]!.holderId;
    expect(await lease('test.once')).toMatchObject({
      holder: winner,
      leaseUntil: now + 30_000,
      lastTickAt: now,
      lastRunAt: now,
      lastError: null,
    });
  });

  it('keeps the lease with its holder until it expires, then another instance takes over', async () => {
    const { job, runs } = counting('test.takeover', 10_000);
    const a = make('instance-a', [job]);
    const b = make('instance-b', [job]);
    const t0 = Date.now();
    expect((await a.runOnce('test.takeover', { now: t0 })).status).toBe('ran');
    // The next ticks: the holder renews, the other instance is kept out while the lease runs.
    expect((await b.runOnce('test.takeover', { now: t0 + 5_000 })).status).toBe('not-leased');
    expect((await a.runOnce('test.takeover', { now: t0 + 5_000 })).status).toBe('ran');
    expect((await b.runOnce('test.takeover', { now: t0 + 10_000 })).status).toBe('not-leased');
    expect((await lease('test.takeover'))?.leaseUntil).toBe(t0 + 15_000);
    // Instance a crashes (stops ticking). Once its lease (timeoutMs) has passed, b takes the job.
    expect((await b.runOnce('test.takeover', { now: t0 + 15_000 })).status).toBe('not-leased');
    expect((await b.runOnce('test.takeover', { now: t0 + 15_001 })).status).toBe('ran');
    expect(runs.map((r) => r.holderId)).toEqual(['instance-a', 'instance-a', 'instance-b']);
    expect((await lease('test.takeover'))?.holder).toBe('instance-b');
    expect((await a.runOnce('test.takeover', { now: t0 + 20_000 })).status).toBe('not-leased');
  });

  it('runs a tick at most once even after the lease is handed back', async () => {
    const { job, runs } = counting('test.tick');
    const a = make('instance-a', [job]);
    const b = make('instance-b', [job]);
    const tick = Date.now();
    expect((await a.runOnce('test.tick', { now: tick, tick })).status).toBe('ran');
    await a.stop(); // graceful shutdown hands the lease back
    expect((await lease('test.tick'))?.leaseUntil).toBe(0);
    // b's clock is a little late: the same tick is not run again, the next one is.
    expect((await b.runOnce('test.tick', { now: tick + 800, tick })).status).toBe('not-leased');
    expect((await b.runOnce('test.tick', { now: tick + 5_000, tick: tick + 5_000 })).status).toBe('ran');
    expect(runs).toHaveLength(2);
    expect((await a.runOnce('test.tick', { now: tick + 10_000 })).status).toBe('stopped');
  });

  it('records the error of a job that throws and keeps scheduling it', async () => {
    let fail = true;
    const job = defineJob({
      id: 'test.throws',
      schedule: '* * * * *',
      timeoutMs: 5_000,
      async run() {
        if (fail) throw new Error('carrier API down');
      },
    });
    const a = make('instance-a', [job]);
    const t0 = Date.now();
    const outcome = await a.runOnce('test.throws', { now: t0 });
    expect(outcome).toMatchObject({ status: 'failed', error: 'carrier API down' });
    expect(await lease('test.throws')).toMatchObject({ lastError: 'carrier API down', lastRunAt: t0 });
    fail = false;
    expect((await a.runOnce('test.throws', { now: t0 + 60_000 })).status).toBe('ran');
    expect(await lease('test.throws')).toMatchObject({ lastError: null, lastRunAt: t0 + 60_000 });
  });

  it('times out a job that runs too long, aborts its signal and does not overlap it', async () => {
    let signal: AbortSignal | undefined;
    let release!: () => void;
    let hang = true;
    const job = defineJob({
      id: 'test.slow',
      schedule: '* * * * *',
      timeoutMs: 150,
      run: (ctx) => {
        signal = ctx.signal;
        if (!hang) return Promise.resolve();
        return new Promise<void>((r) => {
          release = r;
        });
      },
    });
    const a = make('instance-a', [job]);
    const t0 = Date.now();
    const outcome = await a.runOnce('test.slow', { now: t0 });
    expect(outcome).toMatchObject({ status: 'failed', error: 'timed out after 150 ms' });
    expect(signal?.aborted).toBe(true);
    expect((await lease('test.slow'))?.lastError).toBe('timed out after 150 ms');
    // The body has not returned: this process does not start it a second time.
    expect((await a.runOnce('test.slow', { now: t0 + 60_000 })).status).toBe('busy');
    hang = false;
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect((await a.runOnce('test.slow', { now: t0 + 120_000 })).status).toBe('ran');
  });

  it('drives real cron ticks (node-cron) on two instances, each tick once', async () => {
    const ticks: number[] = [];
    const job = defineJob({
      id: 'test.cron',
      schedule: '* * * * * *',
      timeoutMs: 5_000,
      async run(ctx) {
        ticks.push(ctx.tick);
      },
    });
    const a = make('instance-a', [job]);
    const b = make('instance-b', [job]);
    a.start();
    b.start();
    await new Promise((r) => setTimeout(r, 3_200));
    await Promise.all([a.stop(), b.stop()]);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ticks).size).toBe(ticks.length);
    for (const tick of ticks) expect(tick % 1000).toBe(0);
  });

  it('drains the outbox through the notifications.drain-outbox job', async () => {
    const notifications = createNotificationsService(t.store, { dataDir: t.config.dataDir });
    const job = drainOutboxJob(notifications);
    expect(job).toMatchObject({ id: drainOutboxJobId, schedule: '*/5 * * * * *' });
    const id = await t.store.tx((tx) =>
      enqueue(tx, t.store, {
        topic: 'mail.refund_issued',
        payload: {
          to: 'fi@example.com',
          customerName: 'Fi',
          orderNumber: 'SB-1',
          currency: 'EUR',
          amountMinor: 100,
        },
        now: Date.now(),
      }),
    );
    const a = make('instance-a', [job]);
    const b = make('instance-b', [job]);
    const now = Date.now() + 1;
    const outcomes = await Promise.all([
      a.runOnce(drainOutboxJobId, { now }),
      b.runOnce(drainOutboxJobId, { now }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['not-leased', 'ran']);
    expect((await getOutboxMessage(t.store, id))?.status).toBe('sent');
  });

  it('refuses a job with a bad cron expression, id or timeout', () => {
    const run = async () => {};
    expect(() => defineJob({ id: 'x.bad', schedule: '61 * * * *', timeoutMs: 1000, run })).toThrow(/cron/);
    expect(() => defineJob({ id: 'Bad Id', schedule: '* * * * *', timeoutMs: 1000, run })).toThrow(/id/);
    expect(() => defineJob({ id: 'x.fast', schedule: '* * * * *', timeoutMs: 0, run })).toThrow(/timeoutMs/);
    const job = defineJob({ id: 'x.ok', schedule: '* * * * *', timeoutMs: 1000, run });
    expect(() => createScheduler({ store: t.store, jobs: [job, job], log })).toThrow(/Duplicate/);
  });
});
