import type { Role } from '@shoebox/shared';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { DomainError } from '@shoebox/shared';

export type AccessClaims =
  | { aud: 'staff'; sub: string; role: Role; sid: string }
  | { aud: 'customer'; sub: string; sid: string };

const issuer = 'shoebox';

export function createTokenSigner(secret: string, ttlSeconds: number) {
  const key = new TextEncoder().encode(secret);
  return {
    ttlSeconds,
    async sign(claims: AccessClaims, now: number): Promise<{ token: string; expiresAt: number }> {
      const iat = Math.floor(now / 1000);
      const exp = iat + ttlSeconds;
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
    async verify(token: string): Promise<AccessClaims> {
      try {
        const { payload } = await jwtVerify(token, key, { issuer, algorithms: ['HS256'] });
        const aud = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
        if (aud === 'staff') {
          return { aud, sub: String(payload.sub), role: payload.role as Role, sid: String(payload.sid) };
        }
        if (aud === 'customer') return { aud, sub: String(payload.sub), sid: String(payload.sid) };
        throw new DomainError('unauthenticated', 'TOKEN_INVALID', 'The access token is not valid.');
      } catch (e) {
        if (e instanceof joseErrors.JWTExpired) {
          throw new DomainError(
            'unauthenticated',
            'TOKEN_EXPIRED',
            'The access token has expired; refresh it.',
          );
        }
        if (e instanceof DomainError) throw e;
        throw new DomainError('unauthenticated', 'TOKEN_INVALID', 'The access token is not valid.');
      }
    },
  };
}
export type TokenSigner = ReturnType<typeof createTokenSigner>;
