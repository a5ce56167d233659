/**
 * The few reads that only the server can answer (the stock ledger, an order's payments and
 * refunds), through the API with the signed-in staff member's token. The movement history says
 * plainly when the API cannot be reached; the order detail simply does without.
 */
import type { AdminOrderDetail } from '@shoebox/shared/contracts';
import { createShoeboxClient, isShoeboxApiError } from '@shoebox/shared/client';
import { type ArgsOf, ipcError, type ResultOf } from '../ipc/index.ts';
import type { BackendConfig } from './config.ts';
import { createAdminApi } from './server-admin.ts';
import { isUnreachable } from './session.ts';
import type { SyncAuth } from './sync/sync-auth.ts';

export function createServerReads(
  config: Pick<BackendConfig, 'apiUrl' | 'requestTimeoutMs' | 'log'>,
  auth: SyncAuth,
  online: () => boolean,
) {
  const api = createShoeboxClient({
    baseUrl: config.apiUrl,
    getToken: () => auth.accessToken(),
    fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(config.requestTimeoutMs) }),
  });

  const unreachable = () =>
    ipcError(
      'API_UNREACHABLE',
      'The movement history is kept on the shop server, which cannot be reached right now. Stock levels and counts still work; try the history again once the app is back online.',
    );

  return {
    /** Managers' and owners' online work (server-admin.ts). */
    admin: createAdminApi({
      api: api.admin,
      online,
      hasToken: async () => Boolean(await auth.accessToken()),
    }),

    async movements(args: ArgsOf<'inventory.movements'>): Promise<ResultOf<'inventory.movements'>> {
      if (!(await auth.accessToken())) throw unreachable();
      try {
        return await api.admin.inventory.movements({
          ...(args.variantId ? { variantId: args.variantId } : {}),
          ...(args.productId ? { productId: args.productId } : {}),
          ...(args.locationId ? { locationId: args.locationId } : {}),
          page: args.page,
          pageSize: args.pageSize,
        });
      } catch (e) {
        if (isUnreachable(e)) throw unreachable();
        throw e;
      }
    },

    /** The server's view of one order, or null (offline, signed in offline, or refused). */
    async order(orderId: string): Promise<AdminOrderDetail | null> {
      if (!online() || !(await auth.accessToken())) return null;
      try {
        return await api.admin.orders.get(orderId);
      } catch (e) {
        if (!isUnreachable(e))
          config.log(
            'warn',
            'the server did not answer the order detail',
            isShoeboxApiError(e) ? e.code : String(e),
          );
        return null;
      }
    },
  };
}
export type ServerReads = ReturnType<typeof createServerReads>;
