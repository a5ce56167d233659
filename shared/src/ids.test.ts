import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdGenerator, idSchema, idTimestamp, isId, newId, newToken } from './ids.ts';

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('returns a lower-case hyphenated UUID with version 7 and the RFC variant', () => {
    for (let i = 0; i < 200; i++) expect(newId()).toMatch(uuidV7);
  });

  it('encodes the current time in the first 48 bits', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    // The generator may borrow the next millisecond under heavy load, hence the +1.
    expect(idTimestamp(id)).toBeGreaterThanOrEqual(before);
    expect(idTimestamp(id)).toBeLessThanOrEqual(after + 1);
  });

  it('returns strictly increasing ids across many calls in the same millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => newId());
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stays monotonic when the clock stands still past the counter capacity', () => {
    const next = createIdGenerator({ now: () => 1_700_000_000_000 });
    const ids = Array.from({ length: 9000 }, () => next());
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(ids.every((id) => uuidV7.test(id))).toBe(true);
  });

  it('stays monotonic when the clock steps backwards', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 2, maxLength: 200 }),
        (times) => {
          let i = 0;
          const next = createIdGenerator({ now: () => times[i++ % times.length]! });
          const ids = times.map(() => next());
          return ids.every((id, k) => k === 0 || id > ids[k - 1]!);
        },
      ),
    );
  });

  it('uses the injected time as the timestamp when time moves forward', () => {
    const next = createIdGenerator({ now: () => 0x0123456789ab, random: (n) => new Uint8Array(n) });
    expect(next()).toBe('01234567-89ab-7000-8000-000000000000');
  });
});

describe('isId and idSchema', () => {
  it('accept generated ids and other RFC UUIDs', () => {
    expect(isId(newId())).toBe(true);
    expect(isId('f47ac10b-58cc-4372-a567-0e02b2c3d479')).toBe(true);
    expect(idSchema.safeParse(newId()).success).toBe(true);
  });

  it('reject strings that are not canonical UUIDs', () => {
    for (const s of [
      '',
      'abc',
      'f47ac10b58cc4372a5670e02b2c3d479',
      'f47ac10b-58cc-4372-c567-0e02b2c3d479',
      `${newId()} `,
    ]) {
      expect(isId(s)).toBe(false);
      expect(idSchema.safeParse(s).success).toBe(false);
    }
  });
});

describe('newToken', () => {
  it('returns base64url without padding encoding the requested number of bytes', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken(48)).toHaveLength(64);
  });

  it('returns a different token every time', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newToken()));
    expect(tokens.size).toBe(1000);
  });

  it('refuses sizes that are not a positive whole number of bytes', () => {
    expect(() => newToken(0)).toThrow(RangeError);
    expect(() => newToken(16.5)).toThrow(RangeError);
  });
});
