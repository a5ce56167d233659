/**
 * The engine's connection to store-api: the device transport over HTTP (`/sync/pull`,
 * `/sync/push`) and the change events (`/sync/events`), both with the staff token and the device
 * credential. Refusals of the event stream are handled like those of a sync call.
 */
import { isDomainError } from '@shoebox/shared';
import type { DeviceRegistration } from './device-registration.ts';
import { createDeviceTransport, isCredentialRefused, isRevoked, syncHeaders } from './device-transport.ts';
import type { EngineHooks } from './engine.ts';
import { listenForChanges } from './change-events.ts';
import { HttpTransport } from './http-transport.ts';
import type { SyncAuth } from './sync-auth.ts';

export function createHttpSync(options: {
  apiUrl: string;
  auth: SyncAuth;
  registration: DeviceRegistration;
  timeoutMs: number;
  log: (message: string, extra?: unknown) => void;
  fetch?: typeof fetch;
}) {
  const baseUrl = options.apiUrl.replace(/\/+$/, '');
  const { auth, registration } = options;
  return {
    transport: (hooks: EngineHooks) =>
      createDeviceTransport(
        (headers) =>
          new HttpTransport({
            baseUrl,
            headers: () => headers,
            timeoutMs: options.timeoutMs,
            ...(options.fetch ? { fetch: options.fetch } : {}),
          }),
        auth,
        registration,
        hooks,
      ),

    listen: (hooks: EngineHooks) =>
      listenForChanges({
        url: `${baseUrl}/sync/events`,
        headers: () => syncHeaders(auth, registration),
        onChanges: () => hooks.wake(),
        onRefused(error) {
          if (isRevoked(error)) hooks.onRevoked(error.message);
          else if (isCredentialRefused(error)) void registration.forget();
          else if (isDomainError(error) && error.kind === 'unauthenticated') void auth.renew();
        },
        log: options.log,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
  };
}
