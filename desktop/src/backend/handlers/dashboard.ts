import type { Handlers } from '../../ipc/index.ts';
import { createDashboardCounts } from '../local/dashboard-service.ts';
import type { HandlerContext } from './context.ts';

export type DashboardHandlers = Pick<Handlers, 'dashboard.summary'>;

export const dashboardHandlers = (ctx: HandlerContext): DashboardHandlers => {
  const counts = createDashboardCounts(ctx.view);
  return {
    'dashboard.summary': async () => {
      const levels = ctx.inventory.levels(undefined, 1);
      return {
        ...counts(),
        lowStock: levels.lowStockTotal,
        brokenSizeRuns: levels.brokenSizeRunTotal,
        sync: ctx.engine.status(),
      };
    },
  };
};
