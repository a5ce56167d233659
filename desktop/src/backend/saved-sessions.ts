/**
 * The sessions this device keeps for offline sign-in, one file per user. A file holds who the
 * user is, what they may do, the refresh token (so sync can renew access once back online) and a
 * scrypt verifier of the password typed at the last online sign-in: an offline sign-in must know
 * the same password, and is possible only while that refresh token would still be accepted.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { permissions } from '@shoebox/shared';
import { z } from 'zod';
import { sessionUser } from '../ipc/index.ts';
import { readJson, removeFile, writeJsonPrivate } from './files.ts';

const savedSession = z.object({
  version: z.literal(1),
  user: sessionUser,
  permissions: z.array(z.enum(permissions)),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.string(),
  verifier: z.object({ salt: z.string(), hash: z.string() }),
  savedAt: z.string(),
});
export type SavedSession = z.infer<typeof savedSession>;

const KEY_BYTES = 32;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export function createSavedSessions(dataDir: string) {
  const fileOf = (email: string) =>
    join(
      dataDir,
      'sessions',
      `${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)}.json`,
    );

  return {
    async save(
      email: string,
      password: string,
      entry: Omit<SavedSession, 'version' | 'verifier' | 'savedAt'>,
    ): Promise<void> {
      const salt = randomBytes(16);
      const hash = await derive(password, salt);
      const value: SavedSession = {
        version: 1,
        ...entry,
        verifier: { salt: salt.toString('base64'), hash: hash.toString('base64') },
        savedAt: new Date().toISOString(),
      };
      await writeJsonPrivate(fileOf(email), value);
    },

    /** The saved session when it exists and is still usable; a broken file counts as none. */
    async load(email: string, now = Date.now()): Promise<SavedSession | undefined> {
      const parsed = savedSession.safeParse(await readJson(fileOf(email)));
      if (!parsed.success) return undefined;
      if (Date.parse(parsed.data.refreshTokenExpiresAt) <= now) return undefined;
      return parsed.data;
    },

    async passwordMatches(saved: SavedSession, password: string): Promise<boolean> {
      const expected = Buffer.from(saved.verifier.hash, 'base64');
      const actual = await derive(password, Buffer.from(saved.verifier.salt, 'base64'));
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },

    /** A refresh rotated the token: keep the new one, or the next offline sign-in would hold a dead one. */
    async updateRefreshToken(
      email: string,
      refreshToken: string,
      refreshTokenExpiresAt: string,
    ): Promise<void> {
      const parsed = savedSession.safeParse(await readJson(fileOf(email)));
      if (!parsed.success) return;
      await writeJsonPrivate(fileOf(email), { ...parsed.data, refreshToken, refreshTokenExpiresAt });
    },

    wipe: (email: string): Promise<void> => removeFile(fileOf(email)),

    /** Every saved session on this device (a revoked device keeps none). */
    wipeAll: (): Promise<void> => rm(join(dataDir, 'sessions'), { recursive: true, force: true }),
  };
}
export type SavedSessions = ReturnType<typeof createSavedSessions>;
