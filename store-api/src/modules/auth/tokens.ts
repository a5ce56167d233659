import type { Role } from '@shoebox/shared';
import { DomainError } from '@shoebox/shared';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { authErrors } from './auth.errors.ts';

export type AccessClaims =
  | { aud: 'staff'; sub: string; role: Role; sid: string }
  | { aud: 'customer'; sub: string; sid: string };

const issuer = 'shoebox';
const audiences = ['staff', 'customer'];
/** Clock difference tolerated between the instance that signed a token and the one checking it. */
const clockToleranceSeconds = 30;

const invalid = authErrors.tokenInvalid;

export function createTokenSigner(secret: string, ttlSeconds: number) {
  const key = new TextEncoder().encode(secret);
  return {
    ttlSeconds,
    async sign(claims: AccessClaims, now: number): Promise<{ token: string; expiresAt: number }> {
      const iat = Math.floor(now / 1000);
      const exp = iat + ttlSeconds;
      // The role claim is informative only (clients show it); requests use the account's current role.
      const payload = claims.aud === 'staff' ? { role: claims.role, sid: claims.sid } : { sid: claims.sid };
      const token = await new SignJWT(payload)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(claims.aud)
        .setSubject(claims.sub)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(key);
      return { token, expiresAt: exp * 1000 };
    },
    /**
     * Checks signature (HS256 with our key only, so `alg: none` and other keys fail), issuer, one
     * audience of ours, and that `exp`, `iat`, `sub` and `sid` are present and sane: issued in the
     * past, living no longer than a token we sign. Whether the session is still open is the
     * caller's second step (session-state.ts).
     */
    async verify(token: string): Promise<AccessClaims> {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer,
          audience: audiences,
          algorithms: ['HS256'],
          requiredClaims: ['exp', 'iat', 'sub', 'sid'],
          clockTolerance: clockToleranceSeconds,
        });
        const { aud, sub, sid, iat, exp } = payload;
        if (typeof aud !== 'string' || typeof sub !== 'string' || typeof sid !== 'string') throw invalid();
        if (!sub || !sid || typeof iat !== 'number' || typeof exp !== 'number') throw invalid();
        if (iat > Date.now() / 1000 + clockToleranceSeconds || exp - iat > ttlSeconds) throw invalid();
        if (aud === 'staff') return { aud, sub, role: payload.role as Role, sid };
        if (aud === 'customer') return { aud, sub, sid };
        throw invalid();
      } catch (e) {
        if (e instanceof joseErrors.JWTExpired) {
          throw authErrors.tokenExpired();
        }
        if (e instanceof DomainError) throw e;
        throw invalid();
      }
    },
  };
}
export type TokenSigner = ReturnType<typeof createTokenSigner>;
