/**
 * The staff access token sync sends. Access tokens are short-lived: one about to expire is
 * renewed with the refresh token first; after an offline sign-in there is none, and the saved
 * session's refresh token gets one as soon as the API answers. A refresh rotates the refresh
 * token, so the saved session is updated too.
 */
import { createShoeboxClient, isShoeboxApiError } from '@shoebox/shared/client';
import type { BackendConfig } from '../config.ts';
import type { SavedSessions } from '../saved-sessions.ts';
import type { SessionService } from '../session.ts';

const RENEW_BEFORE_MS = 30_000;

export interface SyncAuth {
  /** A usable access token, or null when nobody is signed in or no refresh token works. */
  accessToken(): Promise<string | null>;
  /** The server refused the token: renew it now; null when it cannot be renewed. */
  renew(): Promise<string | null>;
}

export function createSyncAuth(
  config: Pick<BackendConfig, 'apiUrl' | 'requestTimeoutMs' | 'log'>,
  sessions: SessionService,
  saved: SavedSessions,
): SyncAuth {
  const api = createShoeboxClient({
    baseUrl: config.apiUrl,
    fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(config.requestTimeoutMs) }),
  });
  let renewing: Promise<string | null> | null = null;

  async function refreshTokenNow(): Promise<string | null> {
    const session = sessions.current();
    if (!session) return null;
    const refreshToken =
      sessions.tokens()?.refreshToken ?? (await saved.load(session.user.email))?.refreshToken;
    if (!refreshToken) return null;
    try {
      const pair = await api.admin.auth.refresh({ refreshToken });
      if (sessions.current()?.user.id !== session.user.id) return null; // signed out meanwhile
      sessions.setTokens(pair);
      await saved.updateRefreshToken(session.user.email, pair.refreshToken, pair.refreshTokenExpiresAt);
      return pair.accessToken;
    } catch (e) {
      // Unreachable: try again on the next round. Refused: the sign-in is over on the server.
      if (isShoeboxApiError(e) && e.status !== 0)
        config.log('warn', 'the API refused to renew the sign-in; sync waits for a new sign-in', {
          code: e.code,
        });
      return null;
    }
  }

  const renew = (): Promise<string | null> => {
    renewing ??= refreshTokenNow().finally(() => {
      renewing = null;
    });
    return renewing;
  };

  return {
    async accessToken() {
      const tokens = sessions.tokens();
      if (tokens && Date.parse(tokens.accessTokenExpiresAt) - Date.now() > RENEW_BEFORE_MS)
        return tokens.accessToken;
      return renew();
    },
    renew,
  };
}
