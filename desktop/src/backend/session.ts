/**
 * Who is signed in. Online: the API's staff sign-in; the tokens stay here and the renderer gets
 * the user and their permissions. When the API cannot be reached, the same form signs in offline
 * against the session this device saved at that user's last online sign-in.
 */
import { isPermission, type Permission, type SerializedError } from '@shoebox/shared';
import { createShoeboxClient, isShoeboxApiError } from '@shoebox/shared/client';
import type { ArgsOf, Session } from '../ipc/index.ts';
import { ipcError } from '../ipc/index.ts';
import type { BackendConfig } from './config.ts';
import type { SavedSessions } from './saved-sessions.ts';

export interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
}

export interface SessionState {
  session: Session;
  /** null after an offline sign-in: sync renews them once the API answers again. */
  tokens: Tokens | null;
}

export function createSessionService(
  config: BackendConfig,
  saved: SavedSessions,
  onChange: (session: Session | null) => void,
) {
  const api = createShoeboxClient({ baseUrl: config.apiUrl, fetch: withTimeout(config.requestTimeoutMs) });
  let current: SessionState | null = null;

  const set = (next: SessionState | null) => {
    current = next;
    onChange(next?.session ?? null);
  };

  async function signInOnline(args: ArgsOf<'session.signIn'>): Promise<SessionState> {
    const answer = await api.admin.auth.signIn(args);
    const granted = answer.permissions.filter(isPermission) as Permission[];
    const user = {
      id: answer.user.id,
      email: answer.user.email,
      name: answer.user.name,
      role: answer.user.role,
    };
    await saved.save(args.email, args.password, {
      user,
      permissions: granted,
      refreshToken: answer.refreshToken,
      refreshTokenExpiresAt: answer.refreshTokenExpiresAt,
    });
    return {
      session: sessionOf(user, granted, false),
      tokens: {
        accessToken: answer.accessToken,
        accessTokenExpiresAt: answer.accessTokenExpiresAt,
        refreshToken: answer.refreshToken,
      },
    };
  }

  async function signInOffline(args: ArgsOf<'session.signIn'>): Promise<SessionState> {
    const entry = await saved.load(args.email);
    if (!entry)
      throw ipcError(
        'OFFLINE_NO_SAVED_SESSION',
        'The shop server cannot be reached, and this device has no saved sign-in for that email. Sign in once while online.',
      );
    if (!(await saved.passwordMatches(entry, args.password)))
      throw ipcError(
        'OFFLINE_PASSWORD_MISMATCH',
        'The shop server cannot be reached, and that password is not the one this device knows for you.',
      );
    return { session: sessionOf(entry.user, entry.permissions, true), tokens: null };
  }

  function sessionOf(user: Session['user'], granted: Permission[], offline: boolean): Session {
    return {
      user,
      permissions: granted,
      shopName: config.shopName,
      signedInAt: new Date().toISOString(),
      offline,
    };
  }

  return {
    current: (): Session | null => current?.session ?? null,
    /** The live tokens for the API (sync uses them); null when signed out or signed in offline. */
    tokens: (): Tokens | null => current?.tokens ?? null,
    /** Sync renewed the tokens (a refresh, or the first one after an offline sign-in). */
    setTokens(tokens: Tokens): void {
      if (current) current = { ...current, tokens };
    },

    async signIn(args: ArgsOf<'session.signIn'>): Promise<Session> {
      let next: SessionState;
      try {
        next = await signInOnline(args);
      } catch (e) {
        if (!isUnreachable(e)) throw e;
        config.log('warn', 'API unreachable at sign-in: trying the saved session', { email: args.email });
        next = await signInOffline(args);
      }
      set(next);
      return next.session;
    },

    /** Ends the session here and on the server (when reachable); the saved session is wiped. */
    async signOut(): Promise<null> {
      const ending = current;
      if (!ending) return null;
      set(null);
      await saved.wipe(ending.session.user.email);
      if (ending.tokens) {
        await api.admin.auth.signOut({ refreshToken: ending.tokens.refreshToken }).catch((e: unknown) => {
          config.log('warn', 'could not revoke the refresh token on the server', errorSummary(e));
        });
      }
      return null;
    },
  };
}
export type SessionService = ReturnType<typeof createSessionService>;

/** The API did not answer at all (refused, reset, timed out), as opposed to answering no. */
export function isUnreachable(e: unknown): boolean {
  if (isShoeboxApiError(e)) return e.status === 0;
  return e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
}

function withTimeout(ms: number): typeof fetch {
  return (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(ms) });
}

const errorSummary = (e: unknown): Partial<SerializedError> | string =>
  isShoeboxApiError(e) ? { code: e.code, message: e.message } : String(e);
