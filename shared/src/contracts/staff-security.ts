import { z } from 'zod';
import { pageQuery } from './common.ts';
import { staffSession } from './auth.ts';

/**
 * Staff two-factor sign-in (decision 0034) and sign-in history. A sign-in whose password is right
 * but needs a code answers 401 `MFA_REQUIRED` with `details.challengeToken`; the client sends that
 * token with the code (or a recovery code) to `/admin/auth/sign-in/code`.
 */
export const mfaChallengeDetails = z.object({ challengeToken: z.string(), expiresAt: z.string() });

/** A 6-digit authenticator code or a recovery code (`xxxxx-xxxxx`); spaces are ignored. */
export const twoFactorCode = z
  .string()
  .trim()
  .min(6)
  .max(32)
  .regex(/^[0-9A-Za-z -]+$/, 'must be a 6-digit code or a recovery code');

export const challengeBody = z.strictObject({ challengeToken: z.string().min(20).max(2000) });
export const signInCodeBody = challengeBody.extend({ code: twoFactorCode });
export const confirmTwoFactorBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be 6 digits'),
});
export const challengeConfirmBody = challengeBody.extend({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be 6 digits'),
});

/** What an authenticator app needs; shown once, while enrolling. */
export const twoFactorEnrolment = z.object({
  otpauthUri: z.string(),
  /** The same URI as a QR code, an SVG image as a `data:` URL for an <img>. */
  qrCodeDataUrl: z.string(),
  /** The secret for typing in by hand (it is also inside the URI). */
  secret: z.string(),
});
/** Recovery codes, shown once: each signs in once when the phone is lost. */
export const recoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export const staffSessionWithRecoveryCodes = staffSession.extend({ recoveryCodes: z.array(z.string()) });

export const twoFactorStatus = z.object({
  enrolled: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  /** Whether the shop's setting requires it for this account's role. */
  required: z.boolean(),
});

export const twoFactorRequirements = ['off', 'owners', 'all_staff'] as const;
export type TwoFactorRequirement = (typeof twoFactorRequirements)[number];
export const securitySettings = z.object({ twoFactorRequired: z.enum(twoFactorRequirements) });
export const updateSecuritySettingsBody = z.strictObject({
  twoFactorRequired: z.enum(twoFactorRequirements),
});

export const signInHistoryQuery = z.strictObject(pageQuery);
export const signInReasons = [
  'wrong_password',
  'disabled',
  'wrong_code',
  'code_reused',
  'recovery_code_used',
  'enrolment_required',
] as const;
export const signInAttempt = z.object({
  id: z.string(),
  at: z.string(),
  ip: z.string(),
  userAgent: z.string(),
  /** `password`, `code` (authenticator) or `recovery_code`. */
  step: z.enum(['password', 'code', 'recovery_code']),
  succeeded: z.boolean(),
  reason: z.enum(signInReasons).nullable(),
});
