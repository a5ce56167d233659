import { newId, type Role } from '@shoebox/shared';
import { recordWhatHappened } from '../../lib/what-happened.ts';
import type { TwoFactorRequirement } from '@shoebox/shared/contracts';
import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import { affectedRows, type Db, type Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import * as repo from './auth.repo.ts';
import type { SignInReason, SignInStep } from './sign-in-history.ts';
import {
  createSecretBox,
  enrolmentOf,
  isTotpCode,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  totpStep,
} from './totp.ts';
import { authErrors } from './auth.errors.ts';

const SETTINGS_ID = 'shop';

const staffNotFound = authErrors.staffNotFound;

/**
 * Staff two-factor sign-in (decision 0034): enrolment with an authenticator app, codes that work
 * once, recovery codes, the shop's setting of who must use it, and an owner's reset.
 */
export function createTwoFactorService(store: Store, jwtSecret: string) {
  const box = createSecretBox(jwtSecret);
  const t = store.t.staffTwoFactor;
  const rc = store.t.staffRecoveryCodes;

  /** Null when the secret cannot be opened (JWT_SECRET rotated since): only an owner's reset helps. */
  const openSecret = (sealed: string): string | null => {
    try {
      return box.open(sealed);
    } catch {
      return null;
    }
  };
  const stepOf = (sealed: string, code: string, now: number) => {
    const secret = openSecret(sealed);
    return secret === null ? null : totpStep(secret, code, now);
  };

  const enrolmentRow = async (db: Db, staffId: string) =>
    (await db.select().from(t).where(eq(t.staffId, staffId)).limit(1))[0];

  async function requirement(db: Db = store.db): Promise<TwoFactorRequirement> {
    const s = store.t.securitySettings;
    const [row] = await db.select().from(s).where(eq(s.id, SETTINGS_ID)).limit(1);
    return (row?.twoFactorRequired as TwoFactorRequirement | undefined) ?? 'off';
  }

  const requiredForRole = (req: TwoFactorRequirement, role: Role) =>
    req === 'all_staff' || (req === 'owners' && role === 'owner');

  async function replaceRecoveryCodes(tx: Db, staffId: string, now: number): Promise<string[]> {
    const codes = newRecoveryCodes();
    await tx.delete(rc).where(eq(rc.staffId, staffId));
    await tx.insert(rc).values(
      codes.map((c) => ({
        id: newId(),
        staffId,
        codeHash: recoveryCodeHash(c),
        usedAt: null,
        createdAt: now,
      })),
    );
    return codes;
  }

  /** Accepts a TOTP code whose step is later than the last accepted one, in one conditional write. */
  async function consumeTotp(
    tx: Db,
    staffId: string,
    code: string,
    now: number,
  ): Promise<SignInReason | null> {
    const row = await enrolmentRow(tx, staffId);
    if (!row || row.confirmedAt === null) return 'wrong_code';
    const step = stepOf(row.secretSealed, code, now);
    if (step === null) return 'wrong_code';
    const taken = await tx
      .update(t)
      .set({ lastStep: step, updatedAt: now })
      .where(and(eq(t.staffId, staffId), or(isNull(t.lastStep), lt(t.lastStep, step))));
    return affectedRows(taken) === 1 ? null : 'code_reused';
  }

  async function consumeRecoveryCode(
    tx: Db,
    staffId: string,
    code: string,
    now: number,
  ): Promise<SignInReason | null> {
    const hash = recoveryCodeHash(code);
    const taken = await tx
      .update(rc)
      .set({ usedAt: now })
      .where(and(eq(rc.staffId, staffId), eq(rc.codeHash, hash), isNull(rc.usedAt)));
    if (affectedRows(taken) === 1) return null;
    const [used] = await tx
      .select({ id: rc.id })
      .from(rc)
      .where(and(eq(rc.staffId, staffId), eq(rc.codeHash, hash)))
      .limit(1);
    return used ? 'recovery_code_used' : 'wrong_code';
  }

  return {
    requirement,
    requiredForRole,

    async isEnrolled(staffId: string): Promise<boolean> {
      const row = await enrolmentRow(store.db, staffId);
      return Boolean(row && row.confirmedAt !== null);
    },

    async status(staffId: string, role: Role) {
      const row = await enrolmentRow(store.db, staffId);
      const [left] = await store.db
        .select({ n: count() })
        .from(rc)
        .where(and(eq(rc.staffId, staffId), isNull(rc.usedAt)));
      return {
        enrolled: Boolean(row && row.confirmedAt !== null),
        recoveryCodesLeft: Number(left?.n ?? 0),
        required: requiredForRole(await requirement(), role),
      };
    },

    /** A new secret, not yet in force: it counts once a code from it is confirmed. */
    async startEnrolment(staffId: string, email: string, now: number) {
      const secret = newTotpSecret();
      await store.tx(async (tx) => {
        const row = await enrolmentRow(tx, staffId);
        if (row?.confirmedAt != null) throw alreadyEnrolled();
        const sealed = { secretSealed: box.seal(secret), lastStep: null, updatedAt: now };
        if (row) await tx.update(t).set(sealed).where(eq(t.staffId, staffId));
        else await tx.insert(t).values({ staffId, confirmedAt: null, createdAt: now, ...sealed });
      });
      return enrolmentOf(secret, email);
    },

    /**
     * Puts the pending secret in force when `code` comes from it, and returns fresh recovery codes
     * (shown once); audited as the staff member's own action. Null when the code is wrong.
     */
    async confirmEnrolment(
      tx: Db,
      ctx: RequestContext,
      staffId: string,
      code: string,
    ): Promise<string[] | null> {
      const row = await enrolmentRow(tx, staffId);
      if (!row) throw authErrors.mfaEnrolmentNotStarted();
      if (row.confirmedAt !== null) throw alreadyEnrolled();
      const step = stepOf(row.secretSealed, code, ctx.now);
      if (step === null) return null;
      await tx
        .update(t)
        .set({ confirmedAt: ctx.now, lastStep: step, updatedAt: ctx.now })
        .where(eq(t.staffId, staffId));
      const codes = await replaceRecoveryCodes(tx, staffId, ctx.now);
      await recordWhatHappened(store, tx, ctx, {
        audit: {
          action: 'staff.two_factor_enrol',
          entity: 'staff',
          entityId: staffId,
          after: { twoFactor: true, recoveryCodes: codes.length },
        },
      });
      return codes;
    },

    /** Checks and uses up a sign-in code: the failure's reason, or null when it was accepted. */
    consumeCode(tx: Db, staffId: string, code: string, now: number): Promise<SignInReason | null> {
      return isTotpCode(code)
        ? consumeTotp(tx, staffId, code, now)
        : consumeRecoveryCode(tx, staffId, code, now);
    },

    stepOf: (code: string): SignInStep => (isTotpCode(code) ? 'code' : 'recovery_code'),

    /** An owner turns off a staff member's two-factor sign-in (a lost phone); audited. */
    async reset(ctx: RequestContext, staffId: string): Promise<void> {
      await store.tx(async (tx) => {
        if (!(await repo.findStaffById(tx, store, staffId))) throw staffNotFound();
        const row = await enrolmentRow(tx, staffId);
        await tx.delete(t).where(eq(t.staffId, staffId));
        await tx.delete(rc).where(eq(rc.staffId, staffId));
        await recordWhatHappened(store, tx, ctx, {
          audit: {
            action: 'staff.two_factor_reset',
            entity: 'staff',
            entityId: staffId,
            before: { twoFactor: Boolean(row && row.confirmedAt !== null) },
            after: { twoFactor: false },
          },
        });
      });
    },

    /** Who must use two-factor sign-in (owner only, audited); takes effect at their next sign-in. */
    async setRequirement(ctx: RequestContext, value: TwoFactorRequirement) {
      const s = store.t.securitySettings;
      await store.tx(async (tx) => {
        const before = await requirement(tx);
        const changed = await tx
          .update(s)
          .set({ twoFactorRequired: value, updatedAt: ctx.now })
          .where(eq(s.id, SETTINGS_ID));
        if (affectedRows(changed) === 0)
          await tx.insert(s).values({ id: SETTINGS_ID, twoFactorRequired: value, updatedAt: ctx.now });
        await recordWhatHappened(store, tx, ctx, {
          audit: {
            action: 'settings.update',
            entity: 'settings',
            entityId: 'security',
            before: { twoFactorRequired: before },
            after: { twoFactorRequired: value },
          },
        });
      });
      return { twoFactorRequired: value };
    },
  };
}
export type TwoFactorService = ReturnType<typeof createTwoFactorService>;

const alreadyEnrolled = authErrors.mfaAlreadyEnrolled;
