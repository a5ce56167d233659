/**
 * Tells "the database cannot be reached right now" from every other failure: the server refused
 * or dropped the connection, timed out, shut down, or (SQLite) the file cannot be opened or read.
 * Those answer 503 DATABASE_UNAVAILABLE with Retry-After (http/problem.ts) instead of a 500: the
 * request may be repeated once the database is back, and nothing was half-written (a transaction
 * the connection was lost in is rolled back by the server; SQLite's journal does the same).
 */

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

const mysqlCodes = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_CON_COUNT_ERROR',
  'ER_NET_READ_ERROR',
  'ER_NET_READ_INTERRUPTED',
  'ER_NET_WRITE_INTERRUPTED',
  'ER_NET_ERROR_ON_WRITE',
]);

// SQLite: the file is gone, unreadable or locked by another process beyond the busy timeout.
const sqlitePrefixes = [
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_BUSY',
  'SQLITE_NOTADB',
  'SQLITE_PERM',
  'SQLITE_AUTH',
];

interface ErrorLike {
  code?: unknown;
  fatal?: unknown;
  cause?: unknown;
  errors?: unknown;
  message?: unknown;
}

/** True when `error` (or what it wraps: drizzle's query error, an AggregateError) is one of those. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 6) return false;
  const e = error as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  if (networkCodes.has(code) || mysqlCodes.has(code)) return true;
  if (sqlitePrefixes.some((prefix) => code.startsWith(prefix))) return true;
  // mysql2 marks errors that end the connection as fatal (a closed connection, a broken packet).
  if (e.fatal === true) return true;
  if (typeof e.message === 'string' && /Pool is closed|connection is in closed state/i.test(e.message))
    return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
    return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** A short, safe reason for /readyz and logs (no host names or credentials). */
export function unavailableReason(error: unknown, depth = 0): string {
  if (!error || typeof error !== 'object' || depth > 6) return 'unknown';
  const e = error as ErrorLike;
  if (typeof e.code === 'string' && e.code) return e.code;
  if (Array.isArray(e.errors) && e.errors.length > 0) return unavailableReason(e.errors[0], depth + 1);
  return unavailableReason(e.cause, depth + 1);
}

/** Seconds a client should wait before repeating a request refused for this reason. */
export const RETRY_AFTER_SECONDS = 5;
