import { forbidden, type Role } from '@shoebox/shared';
import { changesSince, handlePush, type SyncScope, WriteRefusedError } from '@shoebox/sync/server';
import { parsePullQuery, type PullResponse, type PushResponse } from '@shoebox/sync/protocol';
import type { Store } from '../../db/client.ts';
import { latestSeq } from '../../lib/change-feed.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { createDevicesService } from './devices.service.ts';
import { createSyncEvents } from './sync-events.ts';
import { createSyncPort, type FulfillmentWriter, syncServerId } from './sync-port.ts';

/**
 * The /sync edge's service: who is asking (the staff sign-in and the device credential, both
 * checked on every request), then sync's own handlers over the database port. Scope and field
 * policy follow the member's role as it is now (session-check reads it per request).
 */
/** Without a fulfillment writer (tests of the protocol alone), warehouse steps are refused. */
const noFulfillment: FulfillmentWriter = {
  write: async () => {
    throw new WriteRefusedError('MUTATION_UNKNOWN', 'This server does not apply warehouse steps.');
  },
};

export function createSyncService(store: Store, fulfillment: FulfillmentWriter = noFulfillment) {
  const devices = createDevicesService(store);
  const events = createSyncEvents(() => latestSeq(store));
  // Made (or read) when the app starts, so a refused request never writes it; asked again if the
  // database was away then.
  let serverId: Promise<string> | null = null;
  const server = () => {
    serverId ??= syncServerId(store).catch((error: unknown) => {
      serverId = null;
      throw error;
    });
    return serverId;
  };
  server().catch(() => {});

  const scopeOf = async (ctx: RequestContext, credential: unknown): Promise<SyncScope> => {
    if (ctx.actor.type !== 'staff')
      throw forbidden('STAFF_ONLY', 'Sync needs a staff member signed in on a registered device.');
    const role: Role = ctx.actor.role;
    const device = await devices.authenticate(ctx, credential);
    return { deviceId: device.id, role };
  };

  return {
    devices,
    events,
    async pull(
      ctx: RequestContext,
      credential: unknown,
      query: Record<string, unknown>,
    ): Promise<PullResponse> {
      const scope = await scopeOf(ctx, credential);
      const request = parsePullQuery(query);
      const port = createSyncPort(store, await server(), ctx, fulfillment);
      return changesSince(port, request.cursor, scope, request.limit);
    },
    async push(ctx: RequestContext, credential: unknown, body: unknown): Promise<PushResponse> {
      const scope = await scopeOf(ctx, credential);
      return handlePush(createSyncPort(store, await server(), ctx, fulfillment), scope, body);
    },
    /** Checks the device, then hands the response to the events hub. */
    async openEvents(
      ctx: RequestContext,
      credential: unknown,
      res: import('express').Response,
    ): Promise<void> {
      const scope = await scopeOf(ctx, credential);
      await events.open(scope.deviceId, res);
    },
    async revoke(ctx: RequestContext, id: string) {
      const device = await devices.revoke(ctx, id);
      events.drop(id);
      return device;
    },
    serverId: server,
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
