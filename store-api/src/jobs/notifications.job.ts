import type { NotificationsService } from '../modules/notifications/index.ts';
import { defineJob } from './job.ts';

export const drainOutboxJobId = 'notifications.drain-outbox';

/** Sends due outbox messages every 5 seconds (one instance at a time; each message once). */
export const drainOutboxJob = (notifications: Pick<NotificationsService, 'drain'>) =>
  defineJob({
    id: drainOutboxJobId,
    schedule: '*/5 * * * * *',
    timeoutMs: 60_000,
    async run(ctx) {
      const report = await notifications.drain({ now: ctx.now, signal: ctx.signal });
      if (report.claimed > 0) ctx.log.info(report, 'outbox drained');
    },
  });
