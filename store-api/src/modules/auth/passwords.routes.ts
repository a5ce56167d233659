import {
  passwordChangeBody,
  passwordResetConfirmBody,
  passwordResetRequestBody,
  passwordResetRequested,
} from '@shoebox/shared/contracts';
import { defineRoute } from '../../http/route.ts';
import type { PasswordsService } from './passwords.service.ts';

const confirmErrors = [
  'RESET_TOKEN_INVALID',
  'RESET_TOKEN_EXPIRED',
  'RESET_TOKEN_USED',
  'RATE_LIMITED',
] as const;

/** Forgotten passwords (by e-mail) and signed-in changes, for shoppers (/store) and staff (/admin). */
export const passwordsRoutes = (passwords: PasswordsService) =>
  (
    [
      { prefix: '/store', audience: 'customer', tag: 'Customer auth', who: 'shopper' },
      { prefix: '/admin', audience: 'staff', tag: 'Staff auth', who: 'staff member' },
    ] as const
  ).flatMap(({ prefix, audience, tag, who }) => [
    defineRoute({
      method: 'post',
      path: `${prefix}/auth/password-reset`,
      summary: `Forgotten password: e-mails the ${who} a one-time reset link; the same answer for any address`,
      tag,
      access: 'public',
      rateLimit: 'auth',
      body: passwordResetRequestBody,
      response: passwordResetRequested,
      status: 202,
      handler: (ctx, { body }) => passwords.requestReset(ctx, audience, body.email),
    }),
    defineRoute({
      method: 'post',
      path: `${prefix}/auth/password-reset/confirm`,
      summary: `Sets a new password with the token from the reset e-mail; ends every session of the ${who}`,
      tag,
      access: 'public',
      rateLimit: 'auth',
      body: passwordResetConfirmBody,
      status: 204,
      errors: confirmErrors,
      handler: (ctx, { body }) => passwords.confirmReset(ctx, audience, body.token, body.password),
    }),
    defineRoute({
      method: 'post',
      path: `${prefix}/auth/password`,
      summary: `Changes the signed-in ${who}'s password; every other session of the account ends`,
      tag,
      access: audience === 'staff' ? 'staff' : 'customer',
      rateLimit: 'auth',
      body: passwordChangeBody,
      status: 204,
      errors:
        audience === 'staff' ? ['CURRENT_PASSWORD_WRONG', 'STAFF_USER_ONLY'] : ['CURRENT_PASSWORD_WRONG'],
      handler: (ctx, { body }) => passwords.change(ctx, body),
    }),
  ]);
