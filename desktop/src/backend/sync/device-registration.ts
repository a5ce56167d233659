/**
 * This install as a device of the shop: registered once under a staff sign-in, answered with a
 * device credential that every /sync request carries beside the staff token. The credential is
 * kept in the data folder (mode 0600); a refused one is forgotten and the device registers again.
 *
 * Contract (store-api): `POST /admin/devices` with the staff bearer token,
 * body `{ id, name, mode, appVersion }` -> `{ device, credential }`.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { DeviceInfo } from '../../ipc/index.ts';
import { readJson, removeFile, writeJsonPrivate } from '../files.ts';
import { SyncUnreachable, problemOf } from './http-transport.ts';

const registration = z.object({
  device: z.object({ id: z.string() }).loose(),
  credential: z.string().min(1),
});
const credentialFile = z.object({
  deviceId: z.string(),
  credential: z.string().min(1),
  registeredAt: z.string(),
});

export interface DeviceRegistration {
  /** The kept credential, or null before the first registration. */
  credential(): Promise<string | null>;
  /** Registers this install with the signed-in staff member's token and keeps the credential. */
  register(accessToken: string): Promise<string>;
  /** Forgets the credential (refused by the server, or the device was revoked). */
  forget(): Promise<void>;
}

export function createDeviceRegistration(options: {
  apiUrl: string;
  dataDir: string;
  device: DeviceInfo;
  timeoutMs: number;
  fetch?: typeof fetch;
}): DeviceRegistration {
  const path = join(options.dataDir, 'device-credential.json');
  const doFetch = options.fetch ?? fetch;
  let cached: string | null | undefined;
  // The sync loop and the event stream may both find no credential: one registration serves both.
  let registering: Promise<string> | null = null;

  return {
    async credential() {
      if (cached !== undefined) return cached;
      const file = credentialFile.safeParse(await readJson(path)).data;
      cached = file && file.deviceId === options.device.id ? file.credential : null;
      return cached;
    },

    register(accessToken) {
      registering ??= registerNow(accessToken).finally(() => {
        registering = null;
      });
      return registering;
    },

    async forget() {
      cached = null;
      await removeFile(path);
    },
  };

  async function registerNow(accessToken: string): Promise<string> {
    const url = `${options.apiUrl.replace(/\/+$/, '')}/admin/devices`;
    const { id, name, mode, appVersion } = options.device;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${accessToken}`,
          'content-type': 'application/json',
          accept: 'application/json, application/problem+json',
        },
        body: JSON.stringify({ id, name, mode, appVersion }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      throw new SyncUnreachable(`POST ${url}: no answer (${String(cause)})`, { cause });
    }
    if (!response.ok) throw problemOf(response, text, `POST ${url}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (cause) {
      throw new SyncUnreachable(`POST ${url}: the answer is not JSON`, { cause });
    }
    const parsed = registration.safeParse(body);
    if (!parsed.success) throw new SyncUnreachable(`POST ${url}: the answer is not a device registration`);
    await writeJsonPrivate(path, {
      deviceId: id,
      credential: parsed.data.credential,
      registeredAt: new Date().toISOString(),
    });
    cached = parsed.data.credential;
    return cached;
  }
}
