import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { renderSVG } from 'uqr';
import { sha256 } from '../../lib/hash.ts';

/**
 * The authenticator side of staff two-factor sign-in (decision 0034): TOTP (RFC 6238, 6 digits,
 * 30 s, SHA-1, what every authenticator app reads) through otplib, the secret sealed at rest with
 * AES-256-GCM, and recovery codes that are stored only as a hash.
 */

const ISSUER = 'Shoebox';
/** One step either side of now: a phone clock a little off still works. */
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

/** What an authenticator app scans: the otpauth URI and the same as an SVG QR code data URL. */
export function enrolmentOf(secret: string, account: string) {
  const otpauthUri = generateURI({ issuer: ISSUER, label: account, secret });
  const svg = renderSVG(otpauthUri, { border: 2 });
  return {
    otpauthUri,
    qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    secret,
  };
}

/**
 * The time step a valid code belongs to, or null. Replay protection is the caller's: a step at
 * or before the account's last accepted step is a reused code.
 */
export function totpStep(secret: string, code: string, now: number): number | null {
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(now / 1000),
    epochTolerance: TOLERANCE_SECONDS,
  });
  if (!result.valid) return null;
  // TOTP results carry the step; the union type (TOTP or HOTP) hides it.
  return 'timeStep' in result ? result.timeStep : null;
}

export const isTotpCode = (code: string) => /^\d{6}$/.test(code);

/** Seals secrets with a key derived from JWT_SECRET for this purpose only. */
export function createSecretBox(jwtSecret: string) {
  const key = createHash('sha256').update(`${jwtSecret}:two-factor-secrets`).digest();
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed: string): string {
      const [, iv, tag, body] = sealed.split('.');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv!, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body!, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
export type SecretBox = ReturnType<typeof createSecretBox>;

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

/** Ten codes of 10 characters from a 31-letter alphabet (about 50 bits each): a fast hash is enough. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The stored form: the code without spaces, dashes or case, hashed. */
export const recoveryCodeHash = (code: string) => sha256(code.replace(/[\s-]/g, '').toLowerCase());
