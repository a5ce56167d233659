import { z } from 'zod';

/**
 * Ids are UUIDv7 (RFC 9562): the leading 48-bit millisecond timestamp makes them sort by
 * creation time, which keeps B-tree inserts local and lets offline clients mint ids that
 * never collide with the server's.
 */

// Any RFC 9562 UUID in canonical hyphenated form; ids minted elsewhere (v4 from older data,
// imports) stay valid, and upper-case hex is accepted because some tools print it that way.
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const idSchema = z.string().regex(uuidPattern, 'Must be a UUID');

export const isId = (s: string): boolean => uuidPattern.test(s);

// Random bytes are drawn from the OS in 4 KiB blocks: one system call per few hundred ids
// instead of two per id (ids are minted on every request and every written row).
const POOL_SIZE = 4096;
let pool = new Uint8Array(0);
let poolOffset = 0;
const randomBytes = (length: number): Uint8Array => {
  if (length > POOL_SIZE) return globalThis.crypto.getRandomValues(new Uint8Array(length));
  if (poolOffset + length > pool.length) {
    pool = globalThis.crypto.getRandomValues(new Uint8Array(POOL_SIZE));
    poolOffset = 0;
  }
  poolOffset += length;
  return pool.subarray(poolOffset - length, poolOffset);
};

const hexOfByte = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const toHex = (bytes: Uint8Array): string => {
  let hex = '';
  for (const b of bytes) hex += hexOfByte[b];
  return hex;
};

const formatUuid = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

// The 12-bit rand_a field holds a counter (RFC 9562 §6.2, method 1). It starts at a random
// value below 2048 so that many ids in one millisecond still have headroom before it overflows.
const COUNTER_MAX = 0xfff;
const randomCounterStart = (random: (n: number) => Uint8Array): number => {
  const [hi = 0, lo = 0] = random(2);
  return ((hi << 8) | lo) & 0x7ff;
};

const writeTimestamp = (bytes: Uint8Array, ms: number): void => {
  let rest = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
};

export interface IdGeneratorOptions {
  /** Milliseconds since the epoch; injectable so tests can freeze or rewind time. */
  now?: () => number;
  /** Source of random bytes; injectable so tests can be deterministic. */
  random?: (length: number) => Uint8Array;
}

/**
 * Builds a UUIDv7 generator whose ids strictly increase, even when the clock stands still
 * or steps backwards (NTP corrections): it then reuses the last timestamp and bumps the counter.
 */
export const createIdGenerator = (options: IdGeneratorOptions = {}): (() => string) => {
  const now = options.now ?? Date.now;
  const random = options.random ?? randomBytes;
  let lastMs = -1;
  let counter = 0;

  return () => {
    const ms = now();
    if (ms > lastMs) {
      lastMs = ms;
      counter = randomCounterStart(random);
    } else if (counter < COUNTER_MAX) {
      counter += 1;
    } else {
      // 4096 ids in one millisecond: borrow the next millisecond rather than lose ordering.
      lastMs += 1;
      counter = randomCounterStart(random);
    }
    const bytes = new Uint8Array(16);
    writeTimestamp(bytes, lastMs);
    bytes[6] = 0x70 | (counter >> 8);
    bytes[7] = counter & 0xff;
    bytes.set(random(8), 8);
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
    return formatUuid(toHex(bytes));
  };
};

/** A new lower-case UUIDv7, monotonic within this process. */
export const newId: () => string = createIdGenerator();

/** The creation time (ms since epoch) encoded in a UUIDv7. */
export const idTimestamp = (id: string): number => Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);

const toBase64Url = (bytes: Uint8Array): string => {
  // btoa exists in browsers and Node >= 16, so shared stays free of node:buffer.
  const binary = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/**
 * A random base64url string (no padding) of `bytes` random bytes. The default 32 bytes suits
 * session tokens, API keys and reset links; secrets should never use fewer than 16.
 */
export const newToken = (bytes = 32): string => {
  // getRandomValues refuses more than 65536 bytes at once.
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > 65536) {
    throw new RangeError(`newToken: bytes must be an integer from 1 to 65536, got ${bytes}`);
  }
  return toBase64Url(randomBytes(bytes));
};
