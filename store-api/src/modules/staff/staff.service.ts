import { newId } from '@shoebox/shared';
import { recordWhatHappened, writeUnique } from '../../lib/what-happened.ts';
import { eq } from 'drizzle-orm';
import type { Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { iso } from '../../lib/time.ts';
import { type AuthService, authErrors } from '../auth/index.ts';
import { staffErrors } from './staff.errors.ts';

type StaffRow = Store['t']['staffUsers']['$inferSelect'];
type Role = 'owner' | 'manager' | 'warehouse';

export function createStaffService(
  store: Store,
  auth: Pick<AuthService, 'revokeSubject' | 'recordAccountChange' | 'accountChanged'>,
) {
  const t = store.t.staffUsers;
  const view = (u: StaffRow) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    active: u.active,
    createdAt: iso(u.createdAt),
  });
  const notFound = staffErrors.notFound;

  return {
    async list() {
      const rows = await store.db.select().from(t).orderBy(t.email);
      return rows.map(view);
    },

    async get(id: string) {
      const [row] = await store.db.select().from(t).where(eq(t.id, id)).limit(1);
      if (!row) throw notFound();
      return view(row);
    },

    async create(ctx: RequestContext, input: { email: string; name: string; role: Role; password: string }) {
      const row = {
        id: newId(),
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: await hashPassword(input.password),
        active: true,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      await writeUnique(
        store,
        ctx,
        (tx) => tx.insert(t).values(row),
        { audit: { action: 'staff.create', entity: 'staff', entityId: row.id, after: view(row) } },
        authErrors.staffEmailTaken,
      );
      return view(row);
    },

    /**
     * Disabling an account or changing its password signs it out everywhere. A role change keeps
     * its sessions: every request uses the account's current role, so it takes effect at once.
     */
    async update(
      ctx: RequestContext,
      id: string,
      input: {
        name?: string | undefined;
        role?: Role | undefined;
        active?: boolean | undefined;
        password?: string | undefined;
      },
    ) {
      if (
        ctx.actor.type === 'staff' &&
        ctx.actor.id === id &&
        (input.active === false || (input.role && input.role !== 'owner'))
      ) {
        throw staffErrors.cannotDemoteSelf();
      }
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      const updated = await store.tx(async (tx) => {
        const [before] = await tx.select().from(t).where(eq(t.id, id)).limit(1);
        if (!before) throw notFound();
        const changes = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.role !== undefined ? { role: input.role } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
          ...(passwordHash ? { passwordHash } : {}),
          updatedAt: ctx.now,
        };
        await tx.update(t).set(changes).where(eq(t.id, id));
        const after = { ...before, ...changes };
        if (input.active === false || passwordHash) await auth.revokeSubject(tx, id, ctx.now);
        else await auth.recordAccountChange(tx, id, ctx.now);
        await recordWhatHappened(store, tx, ctx, {
          audit: {
            action: 'staff.update',
            entity: 'staff',
            entityId: id,
            before: view(before),
            after: { ...view(after), passwordChanged: Boolean(passwordHash) },
          },
        });
        return view(after);
      });
      auth.accountChanged(id);
      return updated;
    },
  };
}
export type StaffService = ReturnType<typeof createStaffService>;

/** Creates a staff account without an acting user: the seed and first-run bootstrap use it. */
export async function insertStaffDirect(
  store: Store,
  input: { email: string; name: string; role: Role; password: string },
  now = Date.now(),
) {
  const row = {
    id: newId(),
    email: input.email.trim().toLowerCase(),
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    active: true,
    createdAt: now,
    updatedAt: now,
  };
  await store.tx((tx) => tx.insert(store.t.staffUsers).values(row));
  return row;
}
