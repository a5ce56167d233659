import { roleHas } from '@shoebox/shared';
import { type Handlers, ipcError } from '../../ipc/index.ts';
import { type HandlerContext, receipt, signedIn } from './context.ts';

export type ProductHandlers = Pick<Handlers, 'products.update'>;

export const productHandlers = (ctx: HandlerContext): ProductHandlers => ({
  'products.update': async ({ replaces, ...edit }) => {
    const role = signedIn(ctx).user.role;
    if ('basePriceMinor' in edit.fields && !roleHas(role, 'prices:write'))
      throw ipcError('IPC_PERMISSION_DENIED', `Your role (${role}) may not change prices.`, {
        details: { permission: 'prices:write' },
      });
    const envelope = await ctx.engine.mutate('product.update', edit);
    // The new edit is on disk before the refused one it resolves leaves the list.
    if (replaces) await ctx.engine.dismiss(replaces);
    return receipt([envelope]);
  },
});
