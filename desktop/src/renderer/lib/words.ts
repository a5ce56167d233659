/**
 * Errors in the words of someone working the shop floor. The API's and the backend's messages
 * are already written for people; these replace the few that are about plumbing, and say what to
 * do next. The code is always shown too, in small type, for whoever fixes it.
 */
import type { DomainError } from '@shoebox/shared';

export interface ErrorWords {
  title: string;
  next?: string;
  code: string;
}

const serverUnreachable = {
  title: 'The shop server cannot be reached.',
  next: 'Check the network; the app keeps working offline.',
};

const byCode: Record<string, Omit<ErrorWords, 'code'>> = {
  INVALID_CREDENTIALS: { title: 'That email and password do not match.', next: 'Check both and try again.' },
  ACCOUNT_DISABLED: { title: 'This account is switched off.', next: 'Ask the shop owner to switch it on.' },
  RATE_LIMITED: { title: 'Too many tries in a short time.', next: 'Wait a minute, then try again.' },
  NETWORK_ERROR: serverUnreachable,
  API_UNREACHABLE: serverUnreachable,
  HOST_UNREACHABLE: {
    title: 'The back office app is not running.',
    next: 'Start it again, then reload this page.',
  },
  IPC_SIGN_IN_REQUIRED: { title: 'You are signed out.', next: 'Sign in again.' },
  IPC_PERMISSION_DENIED: { title: 'Your role cannot do this.', next: 'Ask a manager or the owner.' },
  IPC_ARGS_INVALID: {
    title: 'Something in the form is not filled in correctly.',
    next: 'Check the marked fields.',
  },
  IPC_INTERNAL: {
    title: 'Something went wrong inside the app.',
    next: 'Try again; if it keeps happening, restart the app and tell the owner the code below.',
  },
};

export function errorWords(error: Pick<DomainError, 'code' | 'message'>): ErrorWords {
  // The backend says what needed the server and what still works: keep its words as the advice.
  if (error.code === 'API_UNREACHABLE')
    return { ...serverUnreachable, next: error.message, code: error.code };
  const known = byCode[error.code];
  return known ? { ...known, code: error.code } : { title: error.message, code: error.code };
}
