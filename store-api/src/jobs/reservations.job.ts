import type { FlowDeps } from '../flows/deps.ts';
import { expireReservations } from '../flows/expire-reservations.flow.ts';
import { defineJob } from './job.ts';

export const expireReservationsJobId = 'orders.expire-reservations';

/** Every minute: release the stock of unpaid orders whose reservation lapsed (one instance per tick). */
export const expireReservationsJob = (deps: FlowDeps) =>
  defineJob({
    id: expireReservationsJobId,
    schedule: '0 * * * * *',
    timeoutMs: 55_000,
    async run(ctx) {
      const report = await expireReservations({ ...deps, log: ctx.log }, ctx.now, { signal: ctx.signal });
      if (report.released > 0 || report.cancelFailures > 0) ctx.log.info(report, 'reservations expired');
    },
  });
