/**
 * The shapes that cross the process boundary. Tokens never do: the backend keeps them, the
 * renderer only learns who is signed in and what they may do.
 */
import { permissions, roles } from '@shoebox/shared';
import { signInBody, twoFactorCode } from '@shoebox/shared/contracts';
import { z } from 'zod';

/**
 * Sign-in: email and password, and the code from an authenticator app (or a recovery code) when
 * the first try answered `MFA_REQUIRED`.
 */
export const signInArgs = signInBody.extend({ code: twoFactorCode.optional() });

export const sessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
});

export const session = z.object({
  user: sessionUser,
  permissions: z.array(z.enum(permissions)),
  shopName: z.string(),
  signedInAt: z.string(),
  /** Opened from this device's saved session because the API could not be reached. */
  offline: z.boolean(),
});
export type Session = z.infer<typeof session>;

export const syncStates = ['online', 'offline', 'syncing'] as const;
export type SyncState = (typeof syncStates)[number];

export const syncStatus = z.object({
  state: z.enum(syncStates),
  /** Local changes not yet accepted by the server. */
  pending: z.number().int().min(0),
  /** Changes the server refused; each needs a person to decide what to do. */
  needsAttention: z.number().int().min(0),
  /** When the API last answered, ISO 8601; null if never since start. */
  lastContactAt: z.string().nullable(),
  apiUrl: z.string(),
  /** When the last complete sync (push and pull) ended, ISO 8601; null before the first. */
  lastSyncAt: z.string().nullable().optional(),
  /** The server speaks a newer sync protocol: syncing has stopped until the app is updated. */
  updateRequired: z.boolean().optional(),
  /** Why the last attempt failed, in words (null when it worked). */
  problem: z.object({ code: z.string(), message: z.string() }).nullable().optional(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const runModes = ['electron', 'browser'] as const;

export const deviceInfo = z.object({
  /** Made once per install (UUIDv7) and kept in the data folder. */
  id: z.string(),
  name: z.string(),
  mode: z.enum(runModes),
  appVersion: z.string(),
  createdAt: z.string(),
  apiUrl: z.string(),
});
export type DeviceInfo = z.infer<typeof deviceInfo>;

/**
 * What an offline-capable write answers at once: the change is in the local outbox (and in the
 * local view); the server's verdict arrives through sync (status event, "Needs attention").
 */
export const mutationReceipt = z.object({
  /** The client-made id (UUIDv7) the server deduplicates on. */
  mutationId: z.string(),
  /** Every mutation queued (a receive or count of several lines queues one per line); the first is `mutationId`. */
  mutationIds: z.array(z.string()).optional(),
  queuedAt: z.string(),
});
export type MutationReceipt = z.infer<typeof mutationReceipt>;

/** A scanned or typed code (GTIN or SKU) resolved from the local catalogue. */
export const scannedVariant = z.object({
  variantId: z.uuid(),
  sku: z.string(),
  gtin: z.string().nullable(),
  productId: z.uuid(),
  productName: z.string(),
  colourName: z.string(),
  sizeEu: z.number(),
  width: z.string(),
});
export type ScannedVariant = z.infer<typeof scannedVariant>;

export const noArgs = z.strictObject({});

/** Bytes across the boundary as base64 (IPC and JSON both carry strings well). */
const base64 = z.base64().max(14_000_000);

export const rawPrintArgs = z.strictObject({
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:-]+$/, 'a host name or IP address'),
  /** Thermal printers listen on 9100 (some boxes expose 9101-9109 for more printers). */
  port: z.number().int().min(9100).max(9109).default(9100),
  dataBase64: base64,
});

export const pdfPrintArgs = z.strictObject({
  pdfBase64: base64,
  /** The system printer's name; the default printer when left out. */
  printer: z.string().max(200).optional(),
  copies: z.number().int().min(1).max(50).default(1),
});

export const pdfSaveArgs = z.strictObject({
  pdfBase64: base64,
  suggestedName: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .regex(/^[^/\\]+\.pdf$/i, 'a file name ending in .pdf'),
});

/** A file for the save dialog: its bytes, the name offered, and the file-type filter shown. */
export const fileSaveArgs = z.strictObject({
  dataBase64: base64,
  suggestedName: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .regex(/^[^/\\]+\.[A-Za-z0-9]{1,8}$/, 'a file name with an extension'),
  filter: z.strictObject({
    name: z.string().min(1).max(60),
    extensions: z
      .array(z.string().regex(/^[A-Za-z0-9]{1,8}$/))
      .min(1)
      .max(5),
  }),
});

export const printerInfo = z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() });
