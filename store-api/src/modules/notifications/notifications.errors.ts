import { DomainError } from '@shoebox/shared';

/** Stable error codes of the admin mail listing. */
export const notificationErrors = {
  mailNotFound: () => new DomainError('not_found', 'MAIL_NOT_FOUND', 'No sent mail with this id.'),
};
