import { isRole, unauthenticated } from '@shoebox/shared';
import type { Actor } from '../../http/context.ts';
import type { SessionStates } from './session-state.ts';
import type { AccessClaims } from './tokens.ts';

/**
 * The actor a verified access token stands for, if its sign-in still holds: the session open,
 * the account there and active, and (staff) the role the account has now, not the one the token
 * was issued with. Every refusal is a 401 with its own code, so a client knows to sign in again.
 */
export async function sessionActor(sessions: SessionStates, claims: AccessClaims): Promise<Actor> {
  const state = await sessions.get(claims.sid, claims.aud, claims.sub);
  if (state.subjectType !== claims.aud || state.subjectId !== claims.sub)
    throw unauthenticated('TOKEN_INVALID', 'The access token is not valid.');
  if (!state.account)
    throw unauthenticated('ACCOUNT_DELETED', 'The account this session belongs to no longer exists.');
  if (!state.account.active) throw unauthenticated('ACCOUNT_DISABLED', 'This account is disabled.');
  if (!state.open) throw unauthenticated('SESSION_REVOKED', 'This session was signed out; sign in again.');
  if (claims.aud === 'customer') return { type: 'customer', id: claims.sub, sessionId: claims.sid };
  const role = state.account.role ?? '';
  if (!isRole(role)) throw unauthenticated('TOKEN_INVALID', 'The access token is not valid.');
  return { type: 'staff', id: claims.sub, role, sessionId: claims.sid };
}
