import { validate } from 'node-cron';
import type { Logger } from 'pino';

/** What a job body gets on each tick it wins. */
export interface JobContext {
  jobId: string;
  /** This API instance's holder id. */
  holderId: string;
  /** The clock reading for this run (epoch ms): use it for every row the run writes. */
  now: number;
  /** The scheduled tick this run belongs to (epoch ms). */
  tick: number;
  /** Aborted when the run exceeds `timeoutMs` or the scheduler stops: stop starting new work. */
  signal: AbortSignal;
  log: Logger;
}

export interface JobDefinition {
  /** Stable, dotted, e.g. `notifications.drain-outbox`; also the lease row's key. */
  id: string;
  /** Cron expression, seconds field allowed: `*\/5 * * * * *` is every 5 seconds. */
  schedule: string;
  /** The longest a run may take; also the lease length, so a crashed holder's lease expires after it. */
  timeoutMs: number;
  run(ctx: JobContext): Promise<void>;
}

const jobIdPattern = /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*$/;

/** Declares a scheduled job; checks the id, the cron expression and the timeout up front. */
export function defineJob(def: JobDefinition): JobDefinition {
  if (!jobIdPattern.test(def.id) || def.id.length > 96)
    throw new Error(`Job id "${def.id}" must be lower-case dotted words, e.g. "orders.expire-reservations"`);
  if (!validate(def.schedule)) throw new Error(`Job ${def.id}: invalid cron expression "${def.schedule}"`);
  if (!Number.isInteger(def.timeoutMs) || def.timeoutMs < 100)
    throw new Error(`Job ${def.id}: timeoutMs must be a whole number of at least 100 ms`);
  return def;
}
