/**
 * The managers' and owners' online work (refunds, staff, devices, keys, the audit log, customers):
 * calls the API with the signed-in staff member's token, or says plainly that it needs the shop
 * server. Nothing here is cached or queued: these are the shop's own records, read fresh, and
 * writes that move money or access must not wait in an outbox to surprise someone later.
 */
import type { ShoeboxClient } from '@shoebox/shared/client';
import { ipcError } from '../ipc/index.ts';
import { isUnreachable } from './session.ts';

export type AdminEndpoints = ShoeboxClient['admin'];

export interface AdminApi {
  /**
   * Runs `call` against the API. `what` names the work for the offline message, as the subject
   * of "… needs a connection" ("Refunding an order"). API refusals pass through unchanged.
   */
  call<T>(what: string, call: (api: AdminEndpoints) => Promise<T>): Promise<T>;
}

export function needsConnection(what: string) {
  return ipcError(
    'API_UNREACHABLE',
    `${what} needs a connection to the shop server, which cannot be reached right now. Everything else on this device keeps working; try again once the app is back online.`,
  );
}

export function createAdminApi(deps: {
  api: AdminEndpoints;
  /** False when sync knows the API is away: refuse at once instead of waiting for a timeout. */
  online(): boolean;
  /** A session signed in offline has no token for the API until it signs in online. */
  hasToken(): Promise<boolean>;
}): AdminApi {
  return {
    async call(what, call) {
      if (!deps.online() || !(await deps.hasToken())) throw needsConnection(what);
      try {
        return await call(deps.api);
      } catch (e) {
        if (isUnreachable(e)) throw needsConnection(what);
        throw e;
      }
    },
  };
}
