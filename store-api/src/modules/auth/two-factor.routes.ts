import {
  challengeBody,
  challengeConfirmBody,
  confirmTwoFactorBody,
  idParam,
  pageOf,
  recoveryCodes,
  securitySettings,
  signInAttempt,
  signInBody,
  signInCodeBody,
  signInHistoryQuery,
  staffSession,
  staffSessionWithRecoveryCodes,
  twoFactorEnrolment,
  twoFactorStatus,
  updateSecuritySettingsBody,
} from '@shoebox/shared/contracts';
import type { Request } from 'express';
import type { Store } from '../../db/client.ts';
import { defineRoute } from '../../http/route.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import * as repo from './auth.repo.ts';
import { listSignIns, type SignInClient } from './sign-in-history.ts';
import type { StaffSignIn } from './staff-sign-in.service.ts';
import type { TwoFactorService } from './two-factor.service.ts';
import { authErrors } from './auth.errors.ts';

const clientOf = (req: Request): SignInClient => ({
  ip: req.ip ?? 'unknown',
  userAgent: req.get('user-agent') ?? '',
});

const staffActor = (ctx: RequestContext) => {
  if (ctx.actor.type !== 'staff') throw authErrors.staffUserOnly('twoFactor');
  return ctx.actor;
};

const codeStepErrors = [
  'MFA_CHALLENGE_INVALID',
  'MFA_CODE_INVALID',
  'MFA_CODE_USED',
  'ACCOUNT_DISABLED',
  'RATE_LIMITED',
] as const;

export interface TwoFactorRouteDeps {
  store: Store;
  signIn: StaffSignIn;
  twoFactor: TwoFactorService;
}

/** Staff sign-in (password, then a code when needed), two-factor enrolment and sign-in history. */
export const staffSignInRoutes = ({ store, signIn, twoFactor }: TwoFactorRouteDeps) => [
  defineRoute({
    method: 'post',
    path: '/admin/auth/sign-in',
    summary:
      'Staff sign-in with email and password; with two-factor sign-in, answers 401 MFA_REQUIRED and a challenge token for /admin/auth/sign-in/code',
    tag: 'Staff auth',
    access: 'public',
    rateLimit: 'auth',
    body: signInBody,
    response: staffSession,
    errors: [
      'INVALID_CREDENTIALS',
      'ACCOUNT_DISABLED',
      'MFA_REQUIRED',
      'MFA_ENROLMENT_REQUIRED',
      'RATE_LIMITED',
      'VALIDATION_FAILED',
    ],
    handler: (ctx, { body, req }) => signIn.signIn(ctx, body, clientOf(req)),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/auth/sign-in/code',
    summary: 'Second sign-in step: the challenge token and a 6-digit authenticator code or a recovery code',
    tag: 'Staff auth',
    access: 'public',
    rateLimit: 'auth',
    body: signInCodeBody,
    response: staffSession,
    errors: codeStepErrors,
    handler: (ctx, { body, req }) => signIn.signInWithCode(ctx, body, clientOf(req)),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/auth/two-factor/enrol',
    summary:
      'Two-factor set-up the shop requires before the first session: the QR code for the challenge token',
    tag: 'Staff auth',
    access: 'public',
    rateLimit: 'auth',
    body: challengeBody,
    response: twoFactorEnrolment,
    errors: ['MFA_CHALLENGE_INVALID', 'MFA_ALREADY_ENROLLED', 'ACCOUNT_DISABLED', 'RATE_LIMITED'],
    handler: (ctx, { body }) => signIn.startRequiredEnrolment(ctx, body),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/auth/two-factor/enrol/confirm',
    summary: 'Confirms the required set-up with a code: the session and the recovery codes (shown once)',
    tag: 'Staff auth',
    access: 'public',
    rateLimit: 'auth',
    body: challengeConfirmBody,
    response: staffSessionWithRecoveryCodes,
    errors: [...codeStepErrors, 'MFA_ENROLMENT_NOT_STARTED', 'MFA_ALREADY_ENROLLED'],
    handler: (ctx, { body, req }) => signIn.confirmRequiredEnrolment(ctx, body, clientOf(req)),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/me/two-factor',
    summary: 'Whether the signed-in staff member uses two-factor sign-in, and whether the shop requires it',
    tag: 'Staff two-factor',
    access: 'staff',
    response: twoFactorStatus,
    errors: ['STAFF_USER_ONLY'],
    handler: (ctx) => {
      const me = staffActor(ctx);
      return twoFactor.status(me.id, me.role);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/admin/me/two-factor',
    summary:
      'Starts setting up two-factor sign-in: the QR code and secret for an authenticator app (shown once)',
    tag: 'Staff two-factor',
    access: 'staff',
    response: twoFactorEnrolment,
    errors: ['STAFF_USER_ONLY', 'MFA_ALREADY_ENROLLED'],
    handler: async (ctx) => {
      const me = staffActor(ctx);
      const user = await repo.findStaffById(store.db, store, me.id);
      return twoFactor.startEnrolment(me.id, user?.email ?? me.id, ctx.now);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/admin/me/two-factor/confirm',
    summary: 'Turns two-factor sign-in on with a code from the app; answers the recovery codes (shown once)',
    tag: 'Staff two-factor',
    access: 'staff',
    body: confirmTwoFactorBody,
    response: recoveryCodes,
    errors: [
      'STAFF_USER_ONLY',
      'MFA_ENROLMENT_NOT_STARTED',
      'MFA_ALREADY_ENROLLED',
      // 422, not 401: the session is fine, only the code typed to confirm is not.
      { code: 'MFA_CODE_INVALID', status: 422 },
    ],
    handler: async (ctx, { body }) => {
      const me = staffActor(ctx);
      const codes = await store.tx((tx) => twoFactor.confirmEnrolment(tx, ctx, me.id, body.code));
      if (!codes) throw authErrors.mfaCodeInvalid('enrolment');
      return { recoveryCodes: codes };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/admin/staff/:id/two-factor',
    summary:
      "Resets a staff member's two-factor sign-in (a lost phone): they sign in with the password and set it up again",
    tag: 'Staff two-factor',
    access: 'staff:manage',
    params: idParam,
    status: 204,
    errors: ['STAFF_NOT_FOUND'],
    handler: (ctx, { params }) => twoFactor.reset(ctx, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/settings/security',
    summary: 'Who must use two-factor sign-in: off, owners or all_staff',
    tag: 'Staff two-factor',
    access: 'settings:manage',
    response: securitySettings,
    handler: async () => ({ twoFactorRequired: await twoFactor.requirement() }),
  }),
  defineRoute({
    method: 'put',
    path: '/admin/settings/security',
    summary: 'Changes who must use two-factor sign-in (audited; applies from their next sign-in)',
    tag: 'Staff two-factor',
    access: 'settings:manage',
    body: updateSecuritySettingsBody,
    response: securitySettings,
    handler: (ctx, { body }) => twoFactor.setRequirement(ctx, body.twoFactorRequired),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/me/sign-ins',
    summary: "The signed-in staff member's own sign-in history, newest first",
    tag: 'Staff two-factor',
    access: 'staff',
    query: signInHistoryQuery,
    response: pageOf(signInAttempt),
    errors: ['STAFF_USER_ONLY'],
    handler: (ctx, { query }) => listSignIns(store, staffActor(ctx).id, query),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/staff/:id/sign-ins',
    summary: "A staff member's sign-in history (time, IP, device, success or why it failed), newest first",
    tag: 'Staff two-factor',
    access: 'staff:manage',
    params: idParam,
    query: signInHistoryQuery,
    response: pageOf(signInAttempt),
    errors: ['STAFF_NOT_FOUND'],
    handler: async (_ctx, { params, query }) => {
      if (!(await repo.findStaffById(store.db, store, params.id))) throw authErrors.staffNotFound();
      return listSignIns(store, params.id, query);
    },
  }),
];
