import { z } from 'zod';
import type { DemoPaymentProvider, DemoProviderOptions } from './demo-provider.ts';
import { createDemoProvider } from './demo-provider.ts';
import type { PaymentProvider } from './port.ts';
import type { StripePaymentProvider } from './stripe-provider.ts';
import { createStripeProvider } from './stripe-provider.ts';

export * from './port.ts';
export type { DemoPaymentProvider, DemoProviderOptions } from './demo-provider.ts';
export { createDemoProvider, DEMO_TEST_CARDS, demoCardOutcome, luhnValid } from './demo-provider.ts';
export type { StripePaymentProvider, StripeProviderOptions } from './stripe-provider.ts';
export { createStripeProvider, mapStripeError } from './stripe-provider.ts';
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  normaliseStripeEvent,
  parseStripeWebhook,
  verifyStripeWebhook,
} from './webhook-verify.ts';

/** An empty variable (`STRIPE_SECRET_KEY=` in a .env file) counts as unset. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/**
 * The payment part of the environment, to be merged into config/env.ts
 * (`envSchema.extend(paymentsConfigSchema.shape)`); the cross-field rules live in
 * `resolvePaymentsConfig`, since a merge does not carry refinements.
 */
export const paymentsConfigSchema = z.object({
  STRIPE_SECRET_KEY: optional(
    z.string().regex(/^(sk|rk)_(test|live)_\S+$/, 'must be a Stripe secret key (sk_test_..., sk_live_...)'),
  ),
  STRIPE_WEBHOOK_SECRET: optional(
    z.string().regex(/^whsec_\S+$/, 'must be a webhook signing secret (whsec_...)'),
  ),
  STRIPE_API_BASE: optional(
    z
      .string()
      .regex(
        /^https?:\/\/[^/?#]+\/?$/,
        'must be scheme://host[:port] with no path, e.g. http://127.0.0.1:12111',
      ),
  ),
});
export type PaymentsEnv = z.infer<typeof paymentsConfigSchema>;

export type PaymentsConfig =
  | { mode: 'demo' }
  | { mode: 'stripe'; secretKey: string; webhookSecret: string; apiBase?: string };

/**
 * Decides the payment mode from the parsed variables. Stripe needs both the secret key and the
 * webhook secret (without webhooks no order is ever marked paid); with neither, payments run in
 * the explicit demo mode, which production refuses (it would ship unpaid orders).
 * Throws one readable `Invalid configuration:` list, like `loadConfig`.
 */
export function resolvePaymentsConfig(
  env: PaymentsEnv,
  nodeEnv: 'development' | 'production' | 'test' = 'development',
): PaymentsConfig {
  const problems: string[] = [];
  const key = env.STRIPE_SECRET_KEY;
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (key && !secret) problems.push('STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set');
  if (secret && !key) problems.push('STRIPE_SECRET_KEY: required when STRIPE_WEBHOOK_SECRET is set');
  if (env.STRIPE_API_BASE && !key) problems.push('STRIPE_API_BASE: only used with STRIPE_SECRET_KEY');
  if (!key && !secret && nodeEnv === 'production') {
    problems.push('STRIPE_SECRET_KEY: required in production (demo payments take no money)');
  }
  if (key?.includes('_live_') && env.STRIPE_API_BASE) {
    problems.push('STRIPE_API_BASE: a live key must not be sent to another server');
  }
  if (problems.length > 0)
    throw new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  if (!key || !secret) return { mode: 'demo' };
  return {
    mode: 'stripe',
    secretKey: key,
    webhookSecret: secret,
    ...(env.STRIPE_API_BASE ? { apiBase: env.STRIPE_API_BASE } : {}),
  };
}

export interface CreatePaymentProviderOptions {
  /** Demo mode only. */
  demo?: DemoProviderOptions;
  /** Stripe mode only: per-request timeout (default 10 s) and SDK network retries (default 1). */
  timeoutMs?: number;
  maxNetworkRetries?: number;
}

/** The provider for the configured mode. Create one per process and share it. */
export function createPaymentProvider(
  config: PaymentsConfig,
  options: CreatePaymentProviderOptions = {},
): StripePaymentProvider | DemoPaymentProvider {
  if (config.mode === 'demo') return createDemoProvider(options.demo);
  return createStripeProvider({
    secretKey: config.secretKey,
    webhookSecret: config.webhookSecret,
    ...(config.apiBase ? { apiBase: config.apiBase } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxNetworkRetries !== undefined ? { maxNetworkRetries: options.maxNetworkRetries } : {}),
  });
}

/** Narrows a provider to the demo one (its `confirmDemoPayment` is what the demo card form calls). */
export const isDemoProvider = (p: PaymentProvider): p is DemoPaymentProvider => p.name === 'demo';
