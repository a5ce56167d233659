import type { Handlers } from '../../ipc/index.ts';
import { type HandlerContext, receipt } from './context.ts';

export type InventoryHandlers = Pick<
  Handlers,
  | 'inventory.grid'
  | 'inventory.levels'
  | 'inventory.movements'
  | 'inventory.adjust'
  | 'inventory.receive'
  | 'inventory.count'
  | 'inventory.transfer'
>;

/**
 * Every write is one sync mutation per line; a receive or count of several lines queues them in
 * one local transaction (all or none) and answers once they are on disk.
 */
export const inventoryHandlers = (ctx: HandlerContext): InventoryHandlers => {
  const mutate = ctx.engine.mutate;
  return {
    'inventory.grid': async ({ productId, locationId }) => ctx.catalog.grid(productId, locationId),
    'inventory.levels': async ({ locationId, limit }) => ctx.inventory.levels(locationId, limit),
    'inventory.movements': (args) => ctx.server.movements(args),
    'inventory.adjust': async ({ variantId, locationId, delta, reason, note }) =>
      receipt([
        await mutate('inventory.adjust', {
          variantId,
          locationId,
          delta,
          reason: note ? `${reason}: ${note}` : reason,
        }),
      ]),
    'inventory.receive': async ({ locationId, reference, lines }) =>
      receipt(
        await ctx.engine.mutateMany(
          lines.map((line) => ({
            name: 'inventory.receive' as const,
            args: {
              variantId: line.variantId,
              locationId,
              quantity: line.quantity,
              ...(reference ? { reference } : {}),
            },
          })),
        ),
      ),
    'inventory.count': async ({ locationId, lines }) =>
      receipt(
        await ctx.engine.mutateMany(
          lines.map((line) => ({ name: 'inventory.count' as const, args: { locationId, ...line } })),
        ),
      ),
    'inventory.transfer': async (args) => receipt([await mutate('inventory.transfer', args)]),
  };
};
