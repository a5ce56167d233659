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
 * Every write is one sync mutation per line, each on disk before the next: a receive or count of
 * several lines answers once all its lines are queued.
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
    'inventory.receive': async ({ locationId, reference, lines }) => {
      const queued = [];
      for (const line of lines)
        queued.push(
          await mutate('inventory.receive', {
            variantId: line.variantId,
            locationId,
            quantity: line.quantity,
            ...(reference ? { reference } : {}),
          }),
        );
      return receipt(queued);
    },
    'inventory.count': async ({ locationId, lines }) => {
      const queued = [];
      for (const line of lines) queued.push(await mutate('inventory.count', { locationId, ...line }));
      return receipt(queued);
    },
    'inventory.transfer': async (args) => receipt([await mutate('inventory.transfer', args)]),
  };
};
