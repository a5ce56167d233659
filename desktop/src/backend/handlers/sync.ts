import { newId } from '@shoebox/shared';
import type { MutationName } from '@shoebox/sync/protocol';
import { type Handlers, ipcError } from '../../ipc/index.ts';
import { createAttentionService } from '../local/attention-service.ts';
import { type HandlerContext, receipt } from './context.ts';

export type SyncHandlers = Pick<
  Handlers,
  'sync.status' | 'sync.now' | 'sync.needsAttention' | 'sync.dismiss' | 'sync.retry'
>;

export const syncHandlers = (ctx: HandlerContext): SyncHandlers => {
  const attention = createAttentionService(ctx.view);
  const rejected = () => ctx.engine.client.status().rejected;
  return {
    'sync.status': async () => ctx.engine.status(),
    'sync.now': () => ctx.engine.syncNow(),
    'sync.needsAttention': async () => attention.list(rejected()),
    'sync.dismiss': async ({ mutationId }) => {
      await ctx.engine.dismiss(mutationId);
      return null;
    },
    /** The same intent as a new mutation (a note gets a new id); the refused one leaves the list after. */
    'sync.retry': async ({ mutationId }) => {
      const entry = rejected().find((e) => e.envelope.id === mutationId);
      if (!entry) throw ipcError('ATTENTION_NOT_FOUND', 'That change is no longer in "Needs attention".');
      const args = { ...(entry.envelope.args as Record<string, unknown>) };
      if (entry.envelope.name === 'order.note') args.noteId = newId();
      const envelope = await ctx.engine.mutate(entry.envelope.name as MutationName, args as never);
      await ctx.engine.dismiss(mutationId);
      return receipt([envelope]);
    },
  };
};
