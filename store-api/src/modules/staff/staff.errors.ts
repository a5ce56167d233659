import { DomainError } from '@shoebox/shared';

/** Stable error codes of the staff directory (EMAIL_TAKEN and STAFF_USER_ONLY are auth's: authErrors). */
export const staffErrors = {
  notFound: () => new DomainError('not_found', 'STAFF_NOT_FOUND', 'No staff member with this id.'),
  cannotDemoteSelf: () =>
    new DomainError('business_rule', 'CANNOT_DEMOTE_SELF', 'You cannot disable or demote your own account.'),
};
