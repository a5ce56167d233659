import { z } from 'zod';

/**
 * Desktop devices (docs/decisions/0029): a desktop registers under a staff sign-in and gets a
 * device credential, shown once, that every `/sync/*` request carries in `X-Device-Credential`
 * next to the staff access token. Owners list devices and revoke a lost one.
 */

/** UUIDv7 made by the desktop (lower-case, as `newId()` makes them). */
export const deviceIdSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    'Must be a lower-case UUIDv7',
  );

export const deviceModes = ['electron', 'browser'] as const;

export const registerDeviceBody = z.strictObject({
  id: deviceIdSchema,
  name: z.string().trim().min(1).max(120),
  mode: z.enum(deviceModes),
  appVersion: z.string().trim().min(1).max(40),
});
export type RegisterDeviceBody = z.output<typeof registerDeviceBody>;

export const device = z.object({
  id: z.string(),
  name: z.string(),
  mode: z.enum(deviceModes),
  appVersion: z.string(),
  /** The staff member who registered it last. */
  staffId: z.string(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type Device = z.output<typeof device>;

export const registeredDevice = z.object({
  device,
  /** Shown once: send it as `X-Device-Credential` on every /sync request. */
  credential: z.string(),
});
export type RegisteredDevice = z.output<typeof registeredDevice>;

/** The owner's list: each device with who registered it. */
export const deviceListEntry = device.extend({
  staff: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
});
export type DeviceListEntry = z.output<typeof deviceListEntry>;

export const deviceIdParam = z.strictObject({ id: deviceIdSchema });

/** The header every /sync request carries besides `Authorization`. */
export const DEVICE_CREDENTIAL_HEADER = 'x-device-credential';
export const deviceCredentialHeaders = z.object({
  'x-device-credential': z.string().min(1).max(200),
});
