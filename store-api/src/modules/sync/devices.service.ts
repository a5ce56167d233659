import { randomBytes } from 'node:crypto';
import { forbidden, notFound, unauthenticated } from '@shoebox/shared';
import type {
  Device,
  DeviceListEntry,
  RegisterDeviceBody,
  RegisteredDevice,
} from '@shoebox/shared/contracts';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Store } from '../../db/client.ts';
import { sha256 } from '../../lib/hash.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { iso, isoOrNull } from '../../lib/time.ts';
import { recordAudit } from '../audit/index.ts';

/**
 * Desktop devices (docs/decisions/0029). A device is registered under a staff sign-in and gets a
 * random credential, shown once and kept as its SHA-256. Registering the same id again (another
 * member signs in on the same laptop) replaces the credential; a revoked id stays refused.
 */

type DeviceRow = typeof import('../../db/schema/mysql/sync.ts').devices.$inferSelect;

/** A device the request proved it is: the credential matched, and it is not revoked. */
export interface AuthenticatedDevice {
  id: string;
  staffId: string;
}

/** How often `lastSeenAt` is written at most (a sync every few seconds need not write each time). */
const LAST_SEEN_EVERY_MS = 60_000;

const view = (row: DeviceRow): Device => ({
  id: row.id,
  name: row.name,
  mode: row.mode as Device['mode'],
  appVersion: row.appVersion,
  staffId: row.staffId,
  createdAt: iso(row.createdAt),
  lastSeenAt: isoOrNull(row.lastSeenAt),
  revokedAt: isoOrNull(row.revokedAt),
});

const revoked = () =>
  forbidden(
    'DEVICE_REVOKED',
    'This device was revoked by an owner; it must be registered again as a new device.',
  );

const newCredential = (): string => randomBytes(32).toString('base64url');

export function createDevicesService(store: Store) {
  const d = store.t.devices;

  return {
    /** Registers (or re-registers) a device under the signed-in staff member; the credential is in the answer only. */
    async register(
      ctx: RequestContext,
      body: RegisterDeviceBody,
    ): Promise<RegisteredDevice & { created: boolean }> {
      if (ctx.actor.type !== 'staff')
        throw forbidden('STAFF_ONLY', 'Only a staff sign-in registers a device.');
      const staffId = ctx.actor.id;
      const credential = newCredential();
      const credentialHash = sha256(credential);
      return store.tx(async (tx) => {
        const [before] = await tx.select().from(d).where(eq(d.id, body.id)).limit(1);
        if (before?.revokedAt != null) throw revoked();
        const fields = {
          name: body.name,
          mode: body.mode,
          appVersion: body.appVersion,
          staffId,
          credentialHash,
        };
        if (before) {
          // Conditional on still not revoked: a revoke racing this registration wins.
          await tx
            .update(d)
            .set({ ...fields, lastSeenAt: ctx.now })
            .where(and(eq(d.id, body.id), isNull(d.revokedAt)));
        } else {
          await tx
            .insert(d)
            .values({ id: body.id, ...fields, createdAt: ctx.now, lastSeenAt: ctx.now, revokedAt: null });
        }
        const [row] = await tx.select().from(d).where(eq(d.id, body.id)).limit(1);
        if (!row || row.revokedAt != null || row.credentialHash !== credentialHash) throw revoked();
        await recordAudit(store, tx, ctx, {
          action: before ? 'device.reregister' : 'device.register',
          entity: 'device',
          entityId: body.id,
          before: before ? view(before) : undefined,
          after: view(row),
        });
        return { device: view(row), credential, created: !before };
      });
    },

    async list(): Promise<DeviceListEntry[]> {
      const s = store.t.staffUsers;
      const rows = await store.db
        .select({ device: d, staff: { id: s.id, name: s.name, email: s.email } })
        .from(d)
        .leftJoin(s, eq(s.id, d.staffId))
        .orderBy(desc(d.createdAt), d.id);
      return rows.map((r) => ({ ...view(r.device), staff: r.staff }));
    },

    /** Revokes a device for good: its next sync is refused with DEVICE_REVOKED and it wipes its cache. */
    async revoke(ctx: RequestContext, id: string): Promise<Device> {
      return store.tx(async (tx) => {
        const [before] = await tx.select().from(d).where(eq(d.id, id)).limit(1);
        if (!before) throw notFound('DEVICE_NOT_FOUND', 'There is no device with this id.', { id });
        if (before.revokedAt != null) return view(before);
        await tx
          .update(d)
          .set({ revokedAt: ctx.now })
          .where(and(eq(d.id, id), isNull(d.revokedAt)));
        const after = { ...before, revokedAt: ctx.now };
        await recordAudit(store, tx, ctx, {
          action: 'device.revoke',
          entity: 'device',
          entityId: id,
          before: view(before),
          after: view(after),
        });
        return view(after);
      });
    },

    /**
     * The device a /sync request comes from, by its credential: missing or unknown is 401
     * DEVICE_CREDENTIAL_INVALID, revoked is 403 DEVICE_REVOKED (checked on every request).
     */
    async authenticate(ctx: RequestContext, credential: unknown): Promise<AuthenticatedDevice> {
      if (typeof credential !== 'string' || credential.length === 0 || credential.length > 200) {
        throw unauthenticated(
          'DEVICE_CREDENTIAL_INVALID',
          "Send this device's credential in X-Device-Credential.",
        );
      }
      const [row] = await store.db
        .select({ id: d.id, staffId: d.staffId, revokedAt: d.revokedAt, lastSeenAt: d.lastSeenAt })
        .from(d)
        .where(eq(d.credentialHash, sha256(credential)))
        .limit(1);
      if (!row)
        throw unauthenticated(
          'DEVICE_CREDENTIAL_INVALID',
          'This device credential is not valid; register the device again.',
        );
      if (row.revokedAt != null) throw revoked();
      if (row.lastSeenAt == null || ctx.now - row.lastSeenAt >= LAST_SEEN_EVERY_MS) {
        await store.write((db) =>
          db
            .update(d)
            .set({ lastSeenAt: ctx.now })
            .where(and(eq(d.id, row.id), or(isNull(d.lastSeenAt), lt(d.lastSeenAt, ctx.now)))),
        );
      }
      return { id: row.id, staffId: row.staffId };
    },
  };
}

export type DevicesService = ReturnType<typeof createDevicesService>;
