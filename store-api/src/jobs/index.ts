import type { Services } from '../services.ts';
import type { JobDefinition } from './job.ts';
import { drainOutboxJob } from './notifications.job.ts';
import { abandonedCartReminderJob, pruneCartsJob } from './carts.job.ts';
import { expireReservationsJob } from './reservations.job.ts';
import { flowDeps } from '../flows/deps.ts';

export { defineJob, type JobContext, type JobDefinition } from './job.ts';
export { createScheduler, type Scheduler, type SchedulerOptions, type TickOutcome } from './scheduler.ts';

/**
 * Every scheduled job of the API. Add yours here: `defineJob({ id, schedule, timeoutMs, run })`
 * in `jobs/<name>.job.ts`, delegating to a service.
 */
export const allJobs = (services: Services): JobDefinition[] => [
  drainOutboxJob(services.notifications),
  abandonedCartReminderJob(services.cart),
  pruneCartsJob(services.cart),
  expireReservationsJob(flowDeps(services)),
];
