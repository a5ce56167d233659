import { z } from 'zod';
import { email, password } from './common.ts';

/** Sign-in, tokens and passwords (shared by shoppers and staff), and the shopper's account. */

export const signInBody = z.strictObject({ email, password: z.string().min(1).max(200) });
export const refreshBody = z.strictObject({ refreshToken: z.string().min(20).max(200) });

export const tokenPair = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: z.string(),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.string(),
});
export type TokenPair = z.infer<typeof tokenPair>;

export const customerRegisterBody = z.strictObject({
  email,
  password,
  name: z.string().trim().min(1).max(120),
});
export const customer = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export const customerSession = tokenPair.extend({ customer });

/** Forgotten password: the same 202 whether or not the address has an account. */
export const passwordResetRequestBody = z.strictObject({ email });
export const passwordResetRequested = z.object({ message: z.string() });
/** The token from the reset e-mail and the new password. */
export const passwordResetConfirmBody = z.strictObject({ token: z.string().min(20).max(2000), password });
/** A signed-in change: the current password proves it is the account's owner at the keyboard. */
export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});
