import { bigint, boolean, index, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';

/**
 * A staff member's authenticator (TOTP, decision 0034). The secret is sealed with a key derived
 * from JWT_SECRET and never shown again after enrolment; `lastStep` is the time step of the last
 * code accepted, so a code works once.
 */
export const staffTwoFactor = mysqlTable('staff_two_factor', {
  staffId: varchar('staff_id', { length: 36 }).primaryKey(),
  secretSealed: varchar('secret_sealed', { length: 255 }).notNull(),
  confirmedAt: bigint('confirmed_at', { mode: 'number' }),
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
});

/** One-time recovery codes, stored as sha-256 of a high-entropy code; `usedAt` set on use. */
export const staffRecoveryCodes = mysqlTable(
  'staff_recovery_codes',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    staffId: varchar('staff_id', { length: 36 }).notNull(),
    codeHash: varchar('code_hash', { length: 64 }).notNull(),
    usedAt: bigint('used_at', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('staff_recovery_codes_hash_uq').on(t.codeHash),
    index('staff_recovery_codes_staff_ix').on(t.staffId),
  ],
);

/** Every staff sign-in attempt against a known account: when, from where, and how it ended. */
export const staffSignIns = mysqlTable(
  'staff_sign_ins',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    staffId: varchar('staff_id', { length: 36 }).notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
    ip: varchar('ip', { length: 64 }).notNull(),
    userAgent: varchar('user_agent', { length: 255 }).notNull(),
    /** `password` (first step), `code` (authenticator) or `recovery_code`. */
    step: varchar('step', { length: 16 }).notNull(),
    succeeded: boolean('succeeded').notNull(),
    /** Why it failed (`wrong_password`, `wrong_code`, `code_reused`, `disabled`, ...); null on success. */
    reason: varchar('reason', { length: 32 }),
  },
  (t) => [index('staff_sign_ins_staff_at_ix').on(t.staffId, t.at)],
);

/** Shop-wide security settings: one row, id `shop`. */
export const securitySettings = mysqlTable('security_settings', {
  id: varchar('id', { length: 16 }).primaryKey(),
  /** `off`, `owners` or `all_staff`: who must use two-factor sign-in. */
  twoFactorRequired: varchar('two_factor_required', { length: 16 }).notNull().default('off'),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
});
