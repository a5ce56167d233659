import { DomainError, forbidden, unauthenticated } from '@shoebox/shared';

const refreshMessages = {
  REFRESH_TOKEN_INVALID: 'The refresh token is not valid.',
  REFRESH_TOKEN_REVOKED: 'This session was signed out.',
  REFRESH_TOKEN_REUSED: 'This refresh token was used already; the session has been revoked for safety.',
  REFRESH_TOKEN_EXPIRED: 'The session has expired; sign in again.',
  ACCOUNT_DISABLED: 'This account is disabled.',
} as const;

/** Why API keys cannot do a staff user's thing, by what was asked. */
const apiKeyCannot = {
  password: 'API keys have no password.',
  sessions: 'API keys have no sessions; revoke the key instead.',
  profile: 'API keys have no staff profile.',
} as const;

/** Stable error codes of sign-in, sessions, tokens, API keys and passwords (staff use some too). */
export const authErrors = {
  tokenInvalid: () => unauthenticated('TOKEN_INVALID', 'The access token is not valid.'),
  bearerMissing: () => unauthenticated('TOKEN_INVALID', 'Use "Authorization: Bearer <token>".'),
  tokenExpired: () =>
    new DomainError('unauthenticated', 'TOKEN_EXPIRED', 'The access token has expired; refresh it.'),
  badCredentials: () => unauthenticated('INVALID_CREDENTIALS', 'Email or password is wrong.'),
  accountDeleted: () =>
    unauthenticated('ACCOUNT_DELETED', 'The account this session belongs to no longer exists.'),
  accountDisabled: () => unauthenticated('ACCOUNT_DISABLED', 'This account is disabled.'),
  staffAccountDisabled: () => unauthenticated('ACCOUNT_DISABLED', 'This staff account is disabled.'),
  sessionRevoked: () => unauthenticated('SESSION_REVOKED', 'This session was signed out; sign in again.'),
  refreshRefused: (outcome: keyof typeof refreshMessages) =>
    unauthenticated(outcome, refreshMessages[outcome]),
  staffUserOnly: (what: keyof typeof apiKeyCannot) => forbidden('STAFF_USER_ONLY', apiKeyCannot[what]),
  emailTaken: () => new DomainError('conflict', 'EMAIL_TAKEN', 'An account with this email exists already.'),
  staffEmailTaken: () => new DomainError('conflict', 'EMAIL_TAKEN', 'A staff member with this email exists.'),
  apiKeyNotFound: () => new DomainError('not_found', 'API_KEY_NOT_FOUND', 'No API key with this id.'),
  apiKeyInvalid: () => unauthenticated('API_KEY_INVALID', 'The API key is not valid.'),
  apiKeyRevoked: () => unauthenticated('API_KEY_REVOKED', 'The API key has been revoked.'),
  resetTokenInvalid: () =>
    new DomainError('validation', 'RESET_TOKEN_INVALID', 'This password reset link is not valid.'),
  resetTokenUsed: () =>
    new DomainError(
      'validation',
      'RESET_TOKEN_USED',
      'This link was used already, or the password has changed since it was sent; ask for a new one.',
    ),
  resetTokenExpired: () =>
    new DomainError(
      'validation',
      'RESET_TOKEN_EXPIRED',
      'This password reset link has expired; ask for a new one.',
    ),
  currentPasswordWrong: () =>
    new DomainError('business_rule', 'CURRENT_PASSWORD_WRONG', 'The current password is wrong.'),
};
