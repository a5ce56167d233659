import {
  deviceCredentialHeaders,
  device,
  deviceIdParam,
  deviceListEntry,
  registerDeviceBody,
  registeredDevice,
} from '@shoebox/shared/contracts';
import { pullResponse, pushResponse } from '@shoebox/sync/protocol';
import { z } from 'zod';
import { defineRoute, type RouteError, SENT } from '../../http/route.ts';
import type { SyncService } from './sync.service.ts';

const tag = 'Sync';

/** Every /sync request: a staff access token and this device's credential. */
const deviceErrors: RouteError[] = ['DEVICE_CREDENTIAL_INVALID', 'DEVICE_REVOKED', 'STAFF_ONLY'];
/** The request-level refusals of the protocol (sync/src/protocol/errors.ts). */
const protocolErrors: RouteError[] = [
  'SYNC_UPDATE_REQUIRED',
  'SYNC_SERVER_OUTDATED',
  'SYNC_REQUEST_INVALID',
  'SYNC_BATCH_TOO_LARGE',
];

const pullQuery = z.object({
  v: z.string().optional().describe('The protocol version the desktop speaks (1).'),
  cursor: z.string().optional().describe('The cursor of the last page applied; absent from an empty mirror.'),
  limit: z.string().optional().describe('Records per page, at most 1000 (default 500).'),
});

/**
 * The push body is checked by the protocol itself (version first, then the batch size, then the
 * shape), so an old desktop gets SYNC_UPDATE_REQUIRED rather than a schema error: any JSON object
 * passes the route's own validation.
 */
const pushBody = z
  .looseObject({})
  .describe(
    'A PushRequest of the sync protocol: { protocolVersion, deviceId, mutations: [{ id (UUIDv7), deviceId, name, args, clientTime }] }, at most 100 mutations.',
  );

export const syncRoutes = (sync: SyncService) => [
  defineRoute({
    method: 'get',
    path: '/sync/pull',
    summary:
      'One page of changes after a cursor, as the signed-in role may see them: upserts and tombstones in order, with the next cursor. Needs a staff sign-in and X-Device-Credential.',
    tag,
    access: 'staff',
    query: pullQuery,
    headers: deviceCredentialHeaders,
    response: pullResponse,
    rateLimit: 'sync',
    errors: [...deviceErrors, ...protocolErrors, 'CURSOR_INVALID', 'CURSOR_FOREIGN', 'CURSOR_FROM_FUTURE'],
    handler: (ctx, { query, req }) => sync.pull(ctx, req.headers['x-device-credential'], query),
  }),
  defineRoute({
    method: 'post',
    path: '/sync/push',
    summary:
      "A batch of this device's mutations, applied in order, each at most once: one result each (applied, duplicate with the first result, or rejected with a stable code). Needs a staff sign-in and X-Device-Credential.",
    tag,
    access: 'staff',
    body: pushBody,
    headers: deviceCredentialHeaders,
    response: pushResponse,
    rateLimit: 'sync',
    errors: [...deviceErrors, ...protocolErrors, 'SYNC_DEVICE_MISMATCH'],
    handler: (ctx, { req }) => sync.push(ctx, req.headers['x-device-credential'], req.body),
  }),
  defineRoute({
    method: 'get',
    path: '/sync/events',
    summary:
      'Server-sent events: `event: changes` with `{"headSeq":N}` when there is something to pull (and once on connect), a comment heartbeat every 15 s. Polling is the fallback. Needs a staff sign-in and X-Device-Credential.',
    tag,
    access: 'staff',
    headers: deviceCredentialHeaders,
    rateLimit: 'sync',
    errors: deviceErrors,
    handler: async (ctx, { req, res }) => {
      await sync.openEvents(ctx, req.headers['x-device-credential'], res);
      return SENT;
    },
  }),

  // ---- devices ----
  defineRoute({
    method: 'post',
    path: '/admin/devices',
    summary:
      'Register this desktop as a device under the signed-in staff member (any role). Answers the device and its credential, shown once; registering the same id again replaces the credential. A revoked id is refused.',
    tag: 'Devices',
    access: 'staff',
    body: registerDeviceBody,
    response: registeredDevice,
    status: 201,
    rateLimit: 'sync',
    errors: ['DEVICE_REVOKED', 'STAFF_ONLY'],
    handler: async (ctx, { body }) => {
      const { created: _created, ...answer } = await sync.devices.register(ctx, body);
      return answer;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/admin/devices',
    summary:
      "This shop's desktop devices with who registered them, when last seen, and whether revoked. Owners (devices:manage).",
    tag: 'Devices',
    access: 'devices:manage',
    response: z.array(deviceListEntry),
    handler: () => sync.devices.list(),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/devices/:id/revoke',
    summary:
      'Revoke a device (a lost laptop): its next sync is refused with DEVICE_REVOKED and it wipes its cache. Audited. Owners (devices:manage).',
    tag: 'Devices',
    access: 'devices:manage',
    params: deviceIdParam,
    response: device,
    errors: ['DEVICE_NOT_FOUND'],
    handler: (ctx, { params }) => sync.revoke(ctx, params.id),
  }),
];
