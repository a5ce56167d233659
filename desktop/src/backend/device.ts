/** This install's identity: made once, kept in the data folder, shown under Settings > This device. */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { newId } from '@shoebox/shared';
import { z } from 'zod';
import type { DeviceInfo } from '../ipc/index.ts';
import type { BackendConfig } from './config.ts';
import { readJson, writeJsonPrivate } from './files.ts';

const deviceFile = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });

export async function loadOrCreateDevice(config: BackendConfig): Promise<DeviceInfo> {
  const path = join(config.dataDir, 'device.json');
  let device = deviceFile.safeParse(await readJson(path)).data;
  if (!device) {
    device = { id: newId(), name: hostname(), createdAt: new Date().toISOString() };
    await writeJsonPrivate(path, device);
    config.log('info', 'new device identity', { id: device.id });
  }
  return { ...device, mode: config.mode, appVersion: config.appVersion, apiUrl: config.apiUrl };
}
