import { StripeHttpError } from './common.ts';
import type { Json } from './types.ts';

/** idempotency key -> the first request's endpoint, params and answer. */
export type IdempotencyStore = Map<string, { endpoint: string; params: string; status: number; body: Json }>;

/** Order-independent form of params, for comparing idempotent requests. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Json)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * The stored answer to replay for a key already used, or undefined for a new key. Like Stripe, a key
 * reused on another endpoint or with other params is refused rather than replayed.
 */
export function findReplay(
  store: IdempotencyStore,
  idempotencyKey: string,
  endpoint: string,
  fingerprint: string,
) {
  const seen = store.get(idempotencyKey);
  if (seen) {
    if (seen.endpoint !== endpoint) {
      throw new StripeHttpError(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${seen.endpoint}' vs '${endpoint}'). Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
      });
    }
    if (seen.params !== fingerprint) {
      throw new StripeHttpError(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
      });
    }
  }
  return seen;
}
