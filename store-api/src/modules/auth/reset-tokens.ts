import { createHash } from 'node:crypto';
import { DomainError } from '@shoebox/shared';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { SubjectType } from './auth.repo.ts';
import { authErrors } from './auth.errors.ts';

/**
 * Password reset tokens: signed, short-lived, and bound to the password they replace. The token
 * carries a fingerprint of the account's current password hash, so it stops working the moment
 * the password changes: after it was used once, and after any other change since it was sent.
 * Nothing is stored; the key is derived from JWT_SECRET for this purpose only, so a reset token
 * can never pass as an access token or the other way round.
 */
export interface ResetClaims {
  audience: SubjectType;
  subjectId: string;
  fingerprint: string;
}

export const fingerprintOf = (passwordHash: string): string =>
  createHash('sha256').update(passwordHash).digest('base64url').slice(0, 22);

const invalid = authErrors.resetTokenInvalid;

export function createResetTokens(secret: string, ttlMinutes: number) {
  const key = createHash('sha256').update(`${secret}:password-reset`).digest();
  const issuer = 'shoebox:password-reset';
  return {
    ttlMinutes,
    async sign(claims: ResetClaims, now: number): Promise<{ token: string; expiresAt: number }> {
      const iat = Math.floor(now / 1000);
      const exp = iat + ttlMinutes * 60;
      const token = await new SignJWT({ fp: claims.fingerprint })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(issuer)
        .setAudience(claims.audience)
        .setSubject(claims.subjectId)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(key);
      return { token, expiresAt: exp * 1000 };
    },
    async verify(token: string, audience: SubjectType): Promise<ResetClaims> {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer,
          audience,
          algorithms: ['HS256'],
          requiredClaims: ['exp', 'iat', 'sub', 'fp'],
        });
        if (typeof payload.sub !== 'string' || typeof payload.fp !== 'string') throw invalid();
        return { audience, subjectId: payload.sub, fingerprint: payload.fp };
      } catch (e) {
        if (e instanceof joseErrors.JWTExpired) throw authErrors.resetTokenExpired();
        if (e instanceof DomainError) throw e;
        throw invalid();
      }
    },
  };
}
export type ResetTokens = ReturnType<typeof createResetTokens>;
