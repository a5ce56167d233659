/**
 * TRUST_PROXY (issue 19) decides whether X-Forwarded-For names the client for the per-IP limits.
 * Each app allows 3 checkout attempts per client and minute (the sign-in budget is partly spent by
 * the harness signing its staff in); the test rotates the header.
 */
import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../config/trust-proxy.ts';
import { startTestApp, testDialect } from '../test-support/harness.ts';

/** Statuses of `forwardedFor.length` checkout attempts (no cart: 400), one per X-Forwarded-For value. */
async function attempts(trustProxy: string | undefined, forwardedFor: string[]): Promise<number[]> {
  const t = await startTestApp({
    CHECKOUT_RATE_LIMIT_PER_MINUTE: '3',
    ...(trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy }),
  });
  try {
    const statuses: number[] = [];
    for (const header of forwardedFor) {
      const res = await t.call('POST', '/store/checkout', { headers: { 'x-forwarded-for': header } });
      statuses.push(res.status);
    }
    return statuses;
  } finally {
    await t.close();
  }
}

const rotating = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i));
const limited = (statuses: number[]) => statuses.filter((s) => s === 429).length;

describe(`TRUST_PROXY and the per-IP limits (${testDialect})`, () => {
  it('off (the default): a spoofed X-Forwarded-For does not change the rate-limit key', async () => {
    const statuses = await attempts(
      undefined,
      rotating(6, (i) => `203.0.113.${i + 1}`),
    );
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
    expect(limited(statuses)).toBe(3);
  });

  it('a hop count: the client is the address the trusted hops saw, one budget per client', async () => {
    const statuses = await attempts(
      '1',
      rotating(6, (i) => `203.0.113.${i + 1}`),
    );
    expect(limited(statuses)).toBe(0);
  });

  it('a hop count believes the configured hops only: entries further left are the client’s word', async () => {
    // One proxy: only the last entry is what it saw; the rotating first entry was sent by the client.
    const statuses = await attempts(
      '1',
      rotating(6, (i) => `198.51.100.${i + 1}, 203.0.113.9`),
    );
    expect(limited(statuses)).toBe(3);
    const twoHops = await attempts(
      '2',
      rotating(6, (i) => `198.51.100.${i + 1}, 203.0.113.9`),
    );
    expect(limited(twoHops)).toBe(0);
  });

  it('a CIDR list: addresses of the listed proxies are skipped, the first other one is the client', async () => {
    // The peer (127.0.0.1) is a trusted proxy; 203.0.113.9 is not, so it is the client however
    // the entries to its left rotate.
    const statuses = await attempts(
      '127.0.0.0/8',
      rotating(6, (i) => `198.51.100.${i + 1}, 203.0.113.9`),
    );
    expect(limited(statuses)).toBe(3);
    const direct = await attempts(
      '127.0.0.0/8, 203.0.113.0/24',
      rotating(6, (i) => `198.51.100.${i + 1}, 203.0.113.9`),
    );
    expect(limited(direct)).toBe(0);
    // A list that does not include the peer believes nothing.
    const other = await attempts(
      '10.0.0.0/8',
      rotating(6, (i) => `203.0.113.${i + 1}`),
    );
    expect(limited(other)).toBe(3);
  });

  it('refuses a value it cannot use, with a readable message', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('off')).toBe(false);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('loopback, 10.0.0.0/8, ::1')).toEqual(['loopback', '10.0.0.0/8', '::1']);
    expect(parseTrustProxy('true')).toHaveProperty('error');
    expect(parseTrustProxy('10.0.0.0/33')).toHaveProperty('error');
    expect(parseTrustProxy('proxy.example.com')).toHaveProperty('error');
  });
});
