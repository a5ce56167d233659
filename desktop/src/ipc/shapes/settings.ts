/** Owners' settings (staff, devices, API keys, audit log, locations) and everyone's own two-factor. */
import {
  auditQuery,
  confirmTwoFactorBody,
  createApiKeyBody,
  createStaffBody,
  createStockBinBody,
  createStockLocationBody,
  deviceIdSchema,
  pageQuery,
  signInAttempt,
  staffUser,
  updateStaffBody,
} from '@shoebox/shared/contracts';
import { z } from 'zod';

const id = z.string().min(1).max(80);

/** A staff account with what its sign-in history says: when last in, and with which step. */
export const staffRow = staffUser.extend({
  lastSignInAt: z.string().nullable(),
  /**
   * The step that completed the last successful sign-in: `code` or `recovery_code` means the
   * person signs in with two-factor; `password` means a password alone let them in.
   */
  lastSignInStep: signInAttempt.shape.step.nullable(),
});
export type StaffRow = z.infer<typeof staffRow>;

export const staffCreateArgs = createStaffBody;
export const staffUpdateArgs = updateStaffBody.extend({ id });
export const staffIdArgs = z.strictObject({ id });
export const staffSignInsArgs = z.strictObject({ id, ...pageQuery });

export const deviceRevokeArgs = z.strictObject({ id: deviceIdSchema });
export const apiKeyCreateArgs = createApiKeyBody;
export const apiKeyRevokeArgs = z.strictObject({ id });
export const auditListArgs = auditQuery;

export const locationCreateArgs = createStockLocationBody;
export const locationBinsArgs = z.strictObject({ locationId: id });
export const binCreateArgs = createStockBinBody.extend({ locationId: id });

export const twoFactorConfirmArgs = confirmTwoFactorBody;
