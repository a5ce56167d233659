import { z } from 'zod';
import { permissions, roles } from '../permissions.ts';
import { tokenPair } from './auth-customer.ts';
import { email, password } from './common.ts';

export * from './auth-customer.ts';

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
