import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * A staff member's authenticator (TOTP, decision 0034). The secret is sealed with a key derived
 * from JWT_SECRET and never shown again after enrolment; `lastStep` is the time step of the last
 * code accepted, so a code works once.
 */
export const staffTwoFactor = sqliteTable('staff_two_factor', {
  staffId: text('staff_id').primaryKey(),
  secretSealed: text('secret_sealed').notNull(),
  confirmedAt: integer('confirmed_at'),
  lastStep: integer('last_step'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** One-time recovery codes, stored as sha-256 of a high-entropy code; `usedAt` set on use. */
export const staffRecoveryCodes = sqliteTable(
  'staff_recovery_codes',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: integer('used_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('staff_recovery_codes_hash_uq').on(t.codeHash),
    index('staff_recovery_codes_staff_ix').on(t.staffId),
  ],
);

/** Every staff sign-in attempt against a known account: when, from where, and how it ended. */
export const staffSignIns = sqliteTable(
  'staff_sign_ins',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id').notNull(),
    at: integer('at').notNull(),
    ip: text('ip').notNull(),
    userAgent: text('user_agent').notNull(),
    /** `password` (first step), `code` (authenticator) or `recovery_code`. */
    step: text('step').notNull(),
    succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
    /** Why it failed (`wrong_password`, `wrong_code`, `code_reused`, `disabled`, ...); null on success. */
    reason: text('reason'),
  },
  (t) => [index('staff_sign_ins_staff_at_ix').on(t.staffId, t.at)],
);

/** Shop-wide security settings: one row, id `shop`. */
export const securitySettings = sqliteTable('security_settings', {
  id: text('id').primaryKey(),
  /** `off`, `owners` or `all_staff`: who must use two-factor sign-in. */
  twoFactorRequired: text('two_factor_required').notNull().default('off'),
  updatedAt: integer('updated_at').notNull(),
});
