import type { CartService } from '../modules/cart/index.ts';
import { defineJob } from './job.ts';

export const abandonedCartReminderJobId = 'carts.abandoned-reminder';
export const pruneCartsJobId = 'carts.prune';

/** Every 15 minutes: one reminder mail per open cart with an email and lines, idle for over 2 hours. */
export const abandonedCartReminderJob = (cart: Pick<CartService, 'sendAbandonedCartReminders'>) =>
  defineJob({
    id: abandonedCartReminderJobId,
    schedule: '0 */15 * * * *',
    timeoutMs: 5 * 60_000,
    async run(ctx) {
      const queued = await cart.sendAbandonedCartReminders({ now: ctx.now, signal: ctx.signal });
      if (queued > 0) ctx.log.info({ queued }, 'abandoned-cart reminders queued');
    },
  });

/** Daily at 03:30: deletes open and abandoned carts untouched for 30 days (converted carts stay). */
export const pruneCartsJob = (cart: Pick<CartService, 'pruneCarts'>) =>
  defineJob({
    id: pruneCartsJobId,
    schedule: '0 30 3 * * *',
    timeoutMs: 10 * 60_000,
    async run(ctx) {
      const deleted = await cart.pruneCarts({ now: ctx.now, signal: ctx.signal });
      if (deleted > 0) ctx.log.info({ deleted }, 'old carts pruned');
    },
  });
