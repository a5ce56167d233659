/** Small helpers every part of the fake uses: Stripe-style errors, ids, time. */
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import type { Json } from './types.ts';

/** The SDK's pinned API version, so events look like the ones our endpoint would get. */
export const FAKE_STRIPE_API_VERSION: string = Stripe.API_VERSION;

export class StripeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Json,
  ) {
    super(String(body.message));
  }
}

export const invalid = (message: string, code?: string, param?: string, status = 400) =>
  new StripeHttpError(status, {
    type: 'invalid_request_error',
    message,
    ...(code ? { code } : {}),
    ...(param ? { param } : {}),
  });

export const randomId = (prefix: string, length = 24) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return `${prefix}_${out}`;
};

export const unix = () => Math.floor(Date.now() / 1000);
export const clone = <T>(v: T): T => structuredClone(v);

export const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;
