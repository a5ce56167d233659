import { noArgs } from '../contracts.ts';
import { dashboardSummary } from '../shapes/dashboard.ts';
import { defineHandler } from '../spec.ts';

export const dashboardSpecs = {
  'dashboard.summary': defineHandler({
    summary: 'Orders to pick, pack and ship, low stock, broken size runs and the sync state (from the cache)',
    access: 'signed-in',
    args: noArgs,
    result: dashboardSummary,
  }),
} as const;
