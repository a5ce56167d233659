/**
 * sync's Transport as this device speaks it: every request carries the staff access token and
 * the device credential. A refused credential (401 DEVICE_CREDENTIAL_INVALID) means register
 * again; an expired token means renew it; both retry the request once. 403 DEVICE_REVOKED is
 * reported to the engine, which wipes the cache and signs out.
 */
import { isDomainError } from '@shoebox/shared';
import type { Transport } from '@shoebox/sync/client';
import type { PullRequest, PushRequest } from '@shoebox/sync/protocol';
import type { DeviceRegistration } from './device-registration.ts';
import { SyncUnreachable } from './http-transport.ts';
import type { SyncAuth } from './sync-auth.ts';

/** The headers of one request (auth and device credential). */
export type SyncHeaders = Record<'authorization' | 'x-device-credential', string>;

export interface DeviceTransportHooks {
  /** The server answered (anything, refusals included) or could not be reached. */
  onContact(reached: boolean): void;
  onRevoked(message: string): void;
  /** A request starts or ends (the status shows "syncing" while one is out). */
  onActivity(delta: 1 | -1): void;
}

const tokenCodes: ReadonlySet<string> = new Set(['TOKEN_EXPIRED', 'TOKEN_INVALID', 'SIGN_IN_REQUIRED']);

export const isRevoked = (e: unknown): boolean => isDomainError(e) && (e.code as string) === 'DEVICE_REVOKED';
export const isCredentialRefused = (e: unknown): boolean =>
  isDomainError(e) && (e.code as string) === 'DEVICE_CREDENTIAL_INVALID';

/** The headers for a sync request now: registers first when the device has no credential yet. */
export async function syncHeaders(auth: SyncAuth, registration: DeviceRegistration): Promise<SyncHeaders> {
  const token = await auth.accessToken();
  if (!token) throw new SyncUnreachable('no staff sign-in that the server accepts: sync waits');
  const credential = (await registration.credential()) ?? (await registration.register(token));
  return { authorization: `Bearer ${token}`, 'x-device-credential': credential };
}

export function createDeviceTransport(
  inner: (headers: SyncHeaders) => Transport,
  auth: SyncAuth,
  registration: DeviceRegistration,
  hooks: DeviceTransportHooks,
): Transport {
  async function call(run: (t: Transport) => Promise<unknown>): Promise<unknown> {
    hooks.onActivity(1);
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const answer = await run(inner(await syncHeaders(auth, registration)));
          hooks.onContact(true);
          return answer;
        } catch (e) {
          if (!isDomainError(e)) {
            hooks.onContact(false);
            throw e;
          }
          hooks.onContact(true);
          if (isRevoked(e)) {
            hooks.onRevoked((e as Error).message);
            throw e;
          }
          if (attempt > 0) throw e;
          if (isCredentialRefused(e)) await registration.forget();
          else if (!tokenCodes.has(e.code) || !(await auth.renew())) throw e;
        }
      }
    } finally {
      hooks.onActivity(-1);
    }
  }

  return {
    pull: (request: PullRequest) => call((t) => t.pull(request)),
    push: (request: PushRequest) => call((t) => t.push(request)),
  };
}
