import type { DomainError, Role } from '@shoebox/shared';
import type { Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { dummyHash, verifyPassword } from '../../lib/passwords.ts';
import * as repo from './auth.repo.ts';
import type { AuthService } from './auth.service.ts';
import { type ChallengePurpose, createChallengeTokens } from './challenge-tokens.ts';
import { fingerprintOf } from './reset-tokens.ts';
import {
  failedCodeAttempts,
  recordSignIn,
  type SignInAttempt,
  type SignInClient,
  type SignInReason,
} from './sign-in-history.ts';
import type { TwoFactorService } from './two-factor.service.ts';
import { authErrors } from './auth.errors.ts';
import { httpErrors } from '../../http/http.errors.ts';

/** Wrong codes allowed per account in `CODE_WINDOW_MS` before further tries are refused. */
export const MAX_FAILED_CODES = 5;
const CODE_WINDOW_MS = 15 * 60_000;

type StaffRow = Store['t']['staffUsers']['$inferSelect'];

export interface StaffSignInDeps {
  store: Store;
  auth: Pick<AuthService, 'issueStaffSession'>;
  twoFactor: TwoFactorService;
  jwtSecret: string;
}

const badCredentials = authErrors.badCredentials;
const disabled = authErrors.staffAccountDisabled;
const wrongCode = () => authErrors.mfaCodeInvalid('sign_in');
function codeRefusal(reason: SignInReason): DomainError {
  if (reason === 'code_reused') return authErrors.mfaCodeUsed(false);
  if (reason === 'recovery_code_used') return authErrors.mfaCodeUsed(true);
  return wrongCode();
}

/**
 * Staff sign-in, in one or two steps (decision 0034): the password, then, when the account has
 * two-factor sign-in, a code. Every attempt against a known account is written to its sign-in
 * history; wrong codes are limited per account (and per IP by the route's limit).
 */
export function createStaffSignIn({ store, auth, twoFactor, jwtSecret }: StaffSignInDeps) {
  const challenges = createChallengeTokens(jwtSecret);
  const record = (client: SignInClient, attempt: SignInAttempt, now: number) =>
    recordSignIn(store.db, store, client, attempt, now);

  /** The account a challenge token names, if its password has not changed since. */
  async function accountOf(token: string, purpose: ChallengePurpose, now: number): Promise<StaffRow> {
    const claims = await challenges.verify(token, purpose, now);
    const user = await repo.findStaffById(store.db, store, claims.staffId);
    if (!user || fingerprintOf(user.passwordHash) !== claims.fingerprint)
      throw authErrors.mfaChallengeInvalid('stale');
    return user;
  }

  async function refuseWhenGuessing(staffId: string, now: number) {
    if ((await failedCodeAttempts(store, staffId, now - CODE_WINDOW_MS)) >= MAX_FAILED_CODES)
      throw httpErrors.rateLimited('Too many wrong codes for this account; wait 15 minutes and try again.');
  }

  return {
    challenges,

    /** The password step: a session, or `MFA_REQUIRED` / `MFA_ENROLMENT_REQUIRED` with a challenge. */
    async signIn(ctx: RequestContext, input: { email: string; password: string }, client: SignInClient) {
      const user = await repo.findStaffByEmail(store, input.email);
      const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash));
      if (!user) throw badCredentials();
      const attempt = { staffId: user.id, step: 'password' as const };
      if (!ok) {
        await record(client, { ...attempt, succeeded: false, reason: 'wrong_password' }, ctx.now);
        throw badCredentials();
      }
      if (!user.active) {
        await record(client, { ...attempt, succeeded: false, reason: 'disabled' }, ctx.now);
        throw disabled();
      }
      if (await twoFactor.isEnrolled(user.id)) {
        await record(client, { ...attempt, succeeded: true }, ctx.now);
        const details = await challenges.sign('code', user.id, user.passwordHash, ctx.now);
        throw authErrors.mfaRequired(details);
      }
      if (twoFactor.requiredForRole(await twoFactor.requirement(), user.role as Role)) {
        await record(client, { ...attempt, succeeded: false, reason: 'enrolment_required' }, ctx.now);
        const details = await challenges.sign('enrol', user.id, user.passwordHash, ctx.now);
        throw authErrors.mfaEnrolmentRequired(details);
      }
      return store.tx(async (tx) => {
        await recordSignIn(tx, store, client, { ...attempt, succeeded: true }, ctx.now);
        return auth.issueStaffSession(tx, user, ctx.now);
      });
    },

    /** The code step: an authenticator code or a recovery code, each accepted once. */
    async signInWithCode(
      ctx: RequestContext,
      input: { challengeToken: string; code: string },
      client: SignInClient,
    ) {
      const user = await accountOf(input.challengeToken, 'code', ctx.now);
      const code = input.code.replace(/\s/g, '');
      const attempt = { staffId: user.id, step: twoFactor.stepOf(code) };
      if (!user.active) {
        await record(client, { ...attempt, succeeded: false, reason: 'disabled' }, ctx.now);
        throw disabled();
      }
      await refuseWhenGuessing(user.id, ctx.now);
      const outcome = await store.tx(async (tx) => {
        const refused = await twoFactor.consumeCode(tx, user.id, code, ctx.now);
        // The refusal's history row commits with nothing else: a refused code changes nothing.
        await recordSignIn(
          tx,
          store,
          client,
          { ...attempt, succeeded: !refused, ...(refused ? { reason: refused } : {}) },
          ctx.now,
        );
        return refused ?? auth.issueStaffSession(tx, user, ctx.now);
      });
      if (typeof outcome === 'string') throw codeRefusal(outcome);
      return outcome;
    },

    /** Enrolment asked for by the shop's setting, before the first session: the QR code. */
    async startRequiredEnrolment(ctx: RequestContext, input: { challengeToken: string }) {
      const user = await accountOf(input.challengeToken, 'enrol', ctx.now);
      if (!user.active) throw disabled();
      return twoFactor.startEnrolment(user.id, user.email, ctx.now);
    },

    /** Confirms that enrolment with a code: the first session and the recovery codes. */
    async confirmRequiredEnrolment(
      ctx: RequestContext,
      input: { challengeToken: string; code: string },
      client: SignInClient,
    ) {
      const user = await accountOf(input.challengeToken, 'enrol', ctx.now);
      if (!user.active) throw disabled();
      await refuseWhenGuessing(user.id, ctx.now);
      const attempt = { staffId: user.id, step: 'code' as const };
      const outcome = await store.tx(async (tx) => {
        const asStaff = {
          ...ctx,
          actor: { type: 'staff' as const, id: user.id, role: user.role as Role, sessionId: 'enrolment' },
        };
        const codes = await twoFactor.confirmEnrolment(tx, asStaff, user.id, input.code);
        if (!codes) return null;
        const session = await auth.issueStaffSession(tx, user, ctx.now);
        await recordSignIn(tx, store, client, { ...attempt, succeeded: true }, ctx.now);
        return { ...session, recoveryCodes: codes };
      });
      if (!outcome) {
        await record(client, { ...attempt, succeeded: false, reason: 'wrong_code' }, ctx.now);
        throw wrongCode();
      }
      return outcome;
    },
  };
}
export type StaffSignIn = ReturnType<typeof createStaffSignIn>;
