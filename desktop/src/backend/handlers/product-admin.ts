import { roleHas } from '@shoebox/shared';
import { productEditableFields } from '@shoebox/sync/protocol';
import { type Handlers, ipcError } from '../../ipc/index.ts';
import { resolveConflict } from '../local/conflict-resolution.ts';
import { type HandlerContext, receipt, signedIn } from './context.ts';

export type ProductAdminHandlers = Pick<
  Handlers,
  | 'products.taxonomy'
  | 'products.create'
  | 'products.generateVariants'
  | 'products.updateVariant'
  | 'products.images'
  | 'products.uploadImage'
  | 'products.updateImage'
  | 'products.deleteImage'
  | 'products.resolveConflict'
  | 'catalog.importCsv'
  | 'catalog.exportCsv'
>;

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

export const productAdminHandlers = (ctx: HandlerContext): ProductAdminHandlers => {
  /** After a write on the server, pull it so the list and the editor show it at once. */
  async function afterWrite<T>(value: T): Promise<T> {
    try {
      await ctx.engine.syncNow();
    } catch {
      // The write stands; the next sync brings it.
    }
    return value;
  }
  const api = ctx.catalogApi;

  return {
    'products.taxonomy': async () => ({
      brands: ctx.view
        .rows('brand')
        .map(({ id, name }) => ({ id, name }))
        .sort(byName),
      categories: ctx.view
        .rows('category')
        .map(({ id, name }) => ({ id, name }))
        .sort(byName),
      colours: ctx.view
        .rows('colour')
        .map(({ id, name, code, swatchHex }) => ({ id, name, code, swatchHex }))
        .sort(byName),
    }),
    'products.create': async (args) => afterWrite(await api.create(args)),
    'products.generateVariants': async (args) => afterWrite(await api.generateVariants(args)),
    'products.updateVariant': async (args) => afterWrite(await api.updateVariant(args)),
    'products.images': ({ productId }) => api.images(productId),
    'products.uploadImage': (args) => api.uploadImage(args),
    'products.updateImage': (args) => api.updateImage(args),
    'products.deleteImage': ({ imageId }) => api.deleteImage(imageId),
    'catalog.importCsv': async ({ csv }) => afterWrite(await api.importCsv(csv)),
    'catalog.exportCsv': () => api.exportCsv(),

    'products.resolveConflict': async ({ mutationId, keep }) => {
      const entry = ctx.engine.client.status().rejected.find((e) => e.envelope.id === mutationId);
      if (!entry) throw ipcError('ATTENTION_NOT_FOUND', 'That change is no longer in "Needs attention".');
      const details = entry.result.details ?? {};
      if (entry.result.code !== 'PRODUCT_EDIT_CONFLICT' || !Array.isArray(details.conflicts))
        throw ipcError('CONFLICT_CHOICE_INVALID', 'That refused change is not a product edit in conflict.');
      const refused = entry.envelope.args as Parameters<typeof resolveConflict>[0];
      const product = ctx.view.get('product', refused.productId);
      const currentVersion = typeof details.currentVersion === 'number' ? details.currentVersion : 0;
      const server = product
        ? {
            version: product.version,
            values: Object.fromEntries(productEditableFields.map((f) => [f, product[f]])),
          }
        : null;
      const plan = resolveConflict(refused, details.conflicts, currentVersion, server, keep);
      if (plan.kind === 'choice-missing')
        throw ipcError(
          'CONFLICT_CHOICE_INVALID',
          `Choose which value to keep for ${plan.fields.join(', ')}.`,
          {
            details: { fields: plan.fields },
          },
        );
      if (plan.kind === 'nothing-left') {
        // Every field now holds what the manager chose: nothing to send, the refusal is dealt with.
        await ctx.engine.dismiss(mutationId);
        return null;
      }
      const role = signedIn(ctx).user.role;
      if ('basePriceMinor' in plan.edit.fields && !roleHas(role, 'prices:write'))
        throw ipcError('IPC_PERMISSION_DENIED', `Your role (${role}) may not change prices.`, {
          details: { permission: 'prices:write' },
        });
      const envelope = await ctx.engine.mutate('product.update', plan.edit as never);
      await ctx.engine.dismiss(mutationId);
      return receipt([envelope]);
    },
  };
};
