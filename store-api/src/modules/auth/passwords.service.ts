import { eq } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { iso } from '../../lib/time.ts';
import { recordWhatHappened } from '../../lib/what-happened.ts';
import * as repo from './auth.repo.ts';
import type { AuthService } from './auth.service.ts';
import { createResetTokens, fingerprintOf } from './reset-tokens.ts';
import { authErrors } from './auth.errors.ts';

export interface PasswordsDeps {
  store: Store;
  auth: Pick<AuthService, 'accountChanged'>;
  jwtSecret: string;
  resetTtlMinutes: number;
  /** The storefront page that takes `?token=` (shoppers' reset link). */
  storeResetUrl: string;
}

type Account = { id: string; email: string; name: string; passwordHash: string; active: boolean };

export const resetRequestedMessage =
  'If an account exists for this address, we have sent it a link to choose a new password.';

/**
 * Forgotten and changed passwords, for shoppers and staff. A reset goes by e-mail through the
 * outbox and the answer never says whether the address has an account; a new password ends every
 * session of the account (a reset) or every other one (a change made while signed in).
 */
export function createPasswordsService({
  store,
  auth,
  jwtSecret,
  resetTtlMinutes,
  storeResetUrl,
}: PasswordsDeps) {
  const tokens = createResetTokens(jwtSecret, resetTtlMinutes);

  async function findAccount(db: Db, audience: repo.SubjectType, by: { email?: string; id?: string }) {
    const row =
      audience === 'staff'
        ? by.email
          ? await repo.findStaffByEmail(store, by.email)
          : await repo.findStaffById(db, store, by.id!)
        : by.email
          ? await repo.findCustomerByEmail(store, by.email)
          : await repo.findCustomerById(db, store, by.id!);
    if (!row) return undefined;
    return { active: true, ...row } as Account;
  }

  async function setPassword(
    tx: Db,
    audience: repo.SubjectType,
    id: string,
    passwordHash: string,
    now: number,
  ) {
    const table = audience === 'staff' ? store.t.staffUsers : store.t.customers;
    await tx.update(table).set({ passwordHash, updatedAt: now }).where(eq(table.id, id));
  }

  const staffAudit = (tx: Db, ctx: RequestContext, action: string, id: string) =>
    recordWhatHappened(store, tx, ctx, {
      audit: { action, entity: 'staff', entityId: id, after: { passwordChanged: true } },
    });

  return {
    tokens,

    /** Sends a reset e-mail when the address has an (active) account; answers the same either way. */
    async requestReset(ctx: RequestContext, audience: repo.SubjectType, email: string) {
      const account = await findAccount(store.db, audience, { email });
      if (account?.active) {
        const { token, expiresAt } = await tokens.sign(
          { audience, subjectId: account.id, fingerprint: fingerprintOf(account.passwordHash) },
          ctx.now,
        );
        const link = audience === 'customer' ? `${storeResetUrl}?token=${encodeURIComponent(token)}` : null;
        await store.tx((tx) =>
          recordWhatHappened(store, tx, ctx, {
            messages: [
              {
                topic: 'mail.password_reset',
                payload: { to: account.email, name: account.name, token, link, expiresAt: iso(expiresAt) },
              },
            ],
          }),
        );
      }
      return { message: resetRequestedMessage };
    },

    /** Sets the new password if the token is valid and its password still current; signs out everywhere. */
    async confirmReset(ctx: RequestContext, audience: repo.SubjectType, token: string, password: string) {
      const claims = await tokens.verify(token, audience);
      const passwordHash = await hashPassword(password);
      await store.tx(async (tx) => {
        const account = await findAccount(tx, audience, { id: claims.subjectId });
        if (!account?.active) throw authErrors.resetTokenInvalid();
        if (fingerprintOf(account.passwordHash) !== claims.fingerprint) throw authErrors.resetTokenUsed();
        await setPassword(tx, audience, account.id, passwordHash, ctx.now);
        await repo.revokeSubject(tx, store, account.id, ctx.now);
        if (audience === 'staff') await staffAudit(tx, ctx, 'staff.password_reset', account.id);
      });
      auth.accountChanged(claims.subjectId);
    },

    /** A signed-in change: needs the current password; every other session of the account ends. */
    async change(ctx: RequestContext, input: { currentPassword: string; newPassword: string }) {
      const actor = ctx.actor;
      if (actor.type !== 'staff' && actor.type !== 'customer') throw authErrors.staffUserOnly('password');
      const account = await findAccount(store.db, actor.type, { id: actor.id });
      const ok = await verifyPassword(input.currentPassword, account?.passwordHash ?? (await dummyHash));
      // 422, not 401: the session is fine, only the password typed to confirm the change is not.
      if (!account || !ok) throw authErrors.currentPasswordWrong();
      const passwordHash = await hashPassword(input.newPassword);
      await store.tx(async (tx) => {
        await setPassword(tx, actor.type as repo.SubjectType, actor.id, passwordHash, ctx.now);
        await repo.revokeOtherSessions(tx, store, actor.id, actor.sessionId, ctx.now);
        if (actor.type === 'staff') await staffAudit(tx, ctx, 'staff.password_change', actor.id);
      });
      auth.accountChanged(actor.id);
    },
  };
}
export type PasswordsService = ReturnType<typeof createPasswordsService>;
