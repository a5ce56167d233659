import { isCommonPassword } from '../common-passwords.ts';
import { z } from 'zod';

export const idParam = z.strictObject({ id: z.uuid() });

/** Query strings arrive as text; numbers are coerced and bounded. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const email = z
  .email()
  .max(254)
  .transform((s) => s.trim().toLowerCase());

/**
 * A new password: at least 10 characters, and not one of the passwords attackers try first
 * (common-passwords.ts), with a field code a client can show (`PASSWORD_TOO_COMMON`).
 */
export const password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200)
  .refine((p) => !isCommonPassword(p), {
    message: 'is one of the most common passwords; choose one that is harder to guess',
    params: { code: 'PASSWORD_TOO_COMMON' },
  });

/** A quantity of shoes: a positive whole number, never fractional, never absurd. */
export const quantity = z.number().int().min(1).max(100_000);

export const isoTime = z.string();

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  instance: z.string(),
  requestId: z.string(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
    .optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
