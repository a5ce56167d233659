import type { Handlers } from '../../ipc/index.ts';
import { type HandlerContext, seeFor } from './context.ts';

export type CatalogHandlers = Pick<Handlers, 'catalog.findByCode' | 'catalog.products' | 'catalog.product'>;

export const catalogHandlers = (ctx: HandlerContext): CatalogHandlers => ({
  'catalog.findByCode': async ({ code }) => ctx.catalog.findByCode(code),
  'catalog.products': async (args) => ctx.catalog.products(args),
  'catalog.product': async ({ productId }) => ctx.catalog.product(productId, seeFor(ctx)),
});
