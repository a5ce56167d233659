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
  twoFactor: 'API keys have no staff sign-in.',
} as const;

/** Why a sign-in challenge token is refused: it expired or is forged, or the password changed since. */
const challengeMessages = {
  invalid: 'This sign-in has expired or is not valid; sign in with your password again.',
  stale: 'This sign-in is no longer valid; sign in again.',
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
  /** A two-factor code that is not right: 401 at sign-in, 422 when confirming an enrolment. */
  mfaCodeInvalid: (when: 'sign_in' | 'enrolment') =>
    new DomainError(
      when === 'sign_in' ? 'unauthenticated' : 'business_rule',
      'MFA_CODE_INVALID',
      'That code is not right; check the app and try again.',
    ),
  mfaCodeUsed: (recoveryCode: boolean) =>
    unauthenticated(
      'MFA_CODE_USED',
      recoveryCode
        ? 'That recovery code was used already.'
        : 'That code was used already; wait for the next one.',
    ),
  mfaChallengeInvalid: (why: keyof typeof challengeMessages) =>
    unauthenticated('MFA_CHALLENGE_INVALID', challengeMessages[why]),
  mfaRequired: (details: Record<string, unknown>) =>
    new DomainError(
      'unauthenticated',
      'MFA_REQUIRED',
      'Enter the 6-digit code from your authenticator app, or a recovery code.',
      { details },
    ),
  mfaEnrolmentRequired: (details: Record<string, unknown>) =>
    new DomainError(
      'forbidden',
      'MFA_ENROLMENT_REQUIRED',
      'This shop requires two-factor sign-in: set up an authenticator app to continue.',
      { details },
    ),
  mfaEnrolmentNotStarted: () =>
    new DomainError(
      'conflict',
      'MFA_ENROLMENT_NOT_STARTED',
      'Start setting up two-factor sign-in first: scan the QR code, then enter a code.',
    ),
  mfaAlreadyEnrolled: () =>
    new DomainError(
      'conflict',
      'MFA_ALREADY_ENROLLED',
      'Two-factor sign-in is already set up for this account; an owner can reset it.',
    ),
  staffNotFound: () => new DomainError('not_found', 'STAFF_NOT_FOUND', 'No staff member with this id.'),
  currentPasswordWrong: () =>
    new DomainError('business_rule', 'CURRENT_PASSWORD_WRONG', 'The current password is wrong.'),
};
