import { DomainError } from '@shoebox/shared';

/**
 * Codes that several modules raise, built here once (scripts/error-builders.mjs checks that each
 * code is built in one file). A module's own codes stay in its `*.errors.ts`.
 */
export const commonErrors = {
  /**
   * A conditional write found the row moved on since the caller read it (optimistic concurrency):
   * `message` names what changed and what to do; `details.currentVersion` when it is known.
   */
  versionConflict: (message: string, details?: Record<string, unknown>) =>
    new DomainError('conflict', 'VERSION_CONFLICT', message, details ? { details } : {}),
};
