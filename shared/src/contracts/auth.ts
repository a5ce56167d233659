import { z } from 'zod';
import { permissions, roles } from '../permissions.ts';
import { email, password } from './common.ts';

export const signInBody = z.strictObject({ email, password: z.string().min(1).max(200) });
export const refreshBody = z.strictObject({ refreshToken: z.string().min(20).max(200) });

export const tokenPair = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: z.string(),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.string(),
});
export type TokenPair = z.infer<typeof tokenPair>;

export const staffUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  active: z.boolean(),
  createdAt: z.string(),
});
export type StaffUser = z.infer<typeof staffUser>;

export const staffSession = tokenPair.extend({ user: staffUser, permissions: z.array(z.enum(permissions)) });

export const createStaffBody = z.strictObject({
  email,
  name: z.string().trim().min(1).max(120),
  role: z.enum(roles),
  password,
});
export const updateStaffBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  role: z.enum(roles).optional(),
  active: z.boolean().optional(),
  password: password.optional(),
});

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

export const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  permissions: z.array(z.enum(permissions)).min(1),
});
export const apiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  permissions: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const createdApiKey = apiKey.extend({ key: z.string() });

export const auditQuery = z.strictObject({
  entity: z.string().max(32).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditEntry = z.object({
  id: z.string(),
  actorType: z.string(),
  actorId: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  createdAt: z.string(),
});

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
