import { createHash } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { fingerprintOf } from './reset-tokens.ts';
import { authErrors } from './auth.errors.ts';

/**
 * The short-lived proof that a staff member typed the right password, handed back with
 * `MFA_REQUIRED` (purpose `code`) or `MFA_ENROLMENT_REQUIRED` (purpose `enrol`). Like reset tokens
 * it is signed with its own key derived from JWT_SECRET and bound to the current password, so it
 * is worthless as an access token and dies with a password change. Nothing is stored.
 */
export type ChallengePurpose = 'code' | 'enrol';

export const CHALLENGE_TTL_SECONDS = 5 * 60;

const invalid = () => authErrors.mfaChallengeInvalid('invalid');

export function createChallengeTokens(secret: string) {
  const key = createHash('sha256').update(`${secret}:sign-in-challenge`).digest();
  const issuer = 'shoebox:sign-in-challenge';
  return {
    async sign(purpose: ChallengePurpose, staffId: string, passwordHash: string, now: number) {
      const iat = Math.floor(now / 1000);
      const exp = iat + CHALLENGE_TTL_SECONDS;
      const token = await new SignJWT({ fp: fingerprintOf(passwordHash), purpose })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(issuer)
        .setAudience('staff')
        .setSubject(staffId)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(key);
      return { challengeToken: token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    /** The staff id; throws MFA_CHALLENGE_INVALID for a bad, expired or other-purpose token. */
    async verify(token: string, purpose: ChallengePurpose, now: number) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer,
          audience: 'staff',
          algorithms: ['HS256'],
          requiredClaims: ['exp', 'iat', 'sub', 'fp'],
          currentDate: new Date(now),
        });
        if (payload.purpose !== purpose || typeof payload.sub !== 'string' || typeof payload.fp !== 'string')
          throw invalid();
        return { staffId: payload.sub, fingerprint: payload.fp };
      } catch {
        throw invalid();
      }
    },
  };
}
export type ChallengeTokens = ReturnType<typeof createChallengeTokens>;
