import { DomainError } from '@shoebox/shared';

/**
 * A per-client fixed one-minute window, in memory (per API instance, like the sign-in limit).
 * Small on purpose: checkout is the only caller, and it must not touch the database when refusing.
 */
export function createMinuteLimiter(limit: number, clock: () => number = Date.now) {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return {
    /** Counts one call for `key`; throws 429 RATE_LIMITED past the limit. */
    hit(key: string): void {
      const now = clock();
      if (now - windowStart >= 60_000) {
        windowStart = now - (now % 60_000);
        counts = new Map();
      }
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      if (n > limit)
        throw new DomainError(
          'rate_limited',
          'RATE_LIMITED',
          'Too many checkouts from here; wait a minute and try again.',
          {
            details: { retryAfterSeconds: Math.ceil((windowStart + 60_000 - now) / 1000) },
          },
        );
    },
  };
}
