import { isRole } from '@shoebox/shared';
import type { Actor } from '../../lib/request-context.ts';
import type { SessionStates } from './session-state.ts';
import type { AccessClaims } from './tokens.ts';
import { authErrors } from './auth.errors.ts';

/**
 * The actor a verified access token stands for, if its sign-in still holds: the session open,
 * the account there and active, and (staff) the role the account has now, not the one the token
 * was issued with. Every refusal is a 401 with its own code, so a client knows to sign in again.
 */
export async function sessionActor(sessions: SessionStates, claims: AccessClaims): Promise<Actor> {
  const state = await sessions.get(claims.sid, claims.aud, claims.sub);
  if (state.subjectType !== claims.aud || state.subjectId !== claims.sub) throw authErrors.tokenInvalid();
  if (!state.account) throw authErrors.accountDeleted();
  if (!state.account.active) throw authErrors.accountDisabled();
  if (!state.open) throw authErrors.sessionRevoked();
  if (claims.aud === 'customer') return { type: 'customer', id: claims.sub, sessionId: claims.sid };
  const role = state.account.role ?? '';
  if (!isRole(role)) throw authErrors.tokenInvalid();
  return { type: 'staff', id: claims.sub, role, sessionId: claims.sid };
}
