import { DomainError } from '@shoebox/shared';
import { authErrors } from '../auth/index.ts';

/** Stable error codes of the staff directory (EMAIL_TAKEN and STAFF_USER_ONLY are auth's: authErrors). */
export const staffErrors = {
  notFound: () => authErrors.staffNotFound(),
  cannotDemoteSelf: () =>
    new DomainError('business_rule', 'CANNOT_DEMOTE_SELF', 'You cannot disable or demote your own account.'),
};
