import type { Services } from '../services.ts';
import type { JobDefinition } from './job.ts';
import { drainOutboxJob } from './notifications.job.ts';

export { defineJob, type JobContext, type JobDefinition } from './job.ts';
export { createScheduler, type Scheduler, type SchedulerOptions, type TickOutcome } from './scheduler.ts';

/**
 * Every scheduled job of the API. Add yours here: `defineJob({ id, schedule, timeoutMs, run })`
 * in `jobs/<name>.job.ts`, delegating to a service.
 */
export const allJobs = (services: Pick<Services, 'notifications'>): JobDefinition[] => [
  drainOutboxJob(services.notifications),
];
