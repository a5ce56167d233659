import { createHash } from 'node:crypto';

/** For high-entropy secrets (refresh tokens, API keys): a fast hash is enough, no salt needed. */
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
