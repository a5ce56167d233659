import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  type PaymentsConfig,
  paymentsConfigSchema,
  resolvePaymentsConfig,
} from '../integrations/payments/index.ts';
import { notificationsConfigSchema, notificationsOptionsFrom } from '../modules/notifications/index.ts';
import { reviewsConfigSchema } from '../modules/reviews/index.ts';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  ...notificationsConfigSchema.shape,
  ...reviewsConfigSchema.shape,
  ...paymentsConfigSchema.shape,
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATA_DIR: z.string().default(join(repoRoot, '.data')),
  STOREFRONT_DIR: z.string().default(join(repoRoot, 'storefront', 'dist')),
  DATABASE_URL: z
    .string()
    .regex(/^(mysql|file):/, 'must start with mysql:// or file:')
    .optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  CORS_ORIGINS: z.string().default('http://localhost:5173,http://127.0.0.1:5173'),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  IMAGE_MAX_BYTES: z.coerce.number().int().min(1024).default(10_000_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: boolish.default(true),
  SHOP_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO country code like IE')
    .default('IE'),
  SHOP_CURRENCY: z.enum(['EUR', 'USD', 'GBP']).default('EUR'),
  // The sender printed on labels and packing slips (the country is SHOP_COUNTRY).
  SHIP_FROM_NAME: z.string().trim().min(1).max(80).default('Shoebox Warehouse'),
  SHIP_FROM_LINE1: z.string().trim().min(1).max(120).default('Unit 4, Ballymount Road'),
  SHIP_FROM_POSTAL_CODE: z.string().trim().min(1).max(16).default('D12 X9Y8'),
  SHIP_FROM_CITY: z.string().trim().min(1).max(80).default('Dublin'),
  // A real carrier through the ParcelHub-style aggregator (integrations/carriers/parcelhub.ts).
  PARCELHUB_API_KEY: z.string().min(8).optional(),
  PARCELHUB_API_BASE: z.url({ protocol: /^https?$/ }).default('https://api.parcelhub.example'),

  /** Days after delivery (or shipment, when delivery is not recorded) in which a return is accepted. */
  RETURN_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  RESERVATION_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  CHECKOUT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  // Desktops behind one shop IP: each pulls, pushes and keeps an event stream (a few a minute each).
  SYNC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  API_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  PASSWORD_RESET_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  STOREFRONT_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:5173'),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const parsed = parseTrustProxy(raw);
      if (typeof parsed === 'object' && !Array.isArray(parsed)) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed;
    }),
});

export type Env = z.infer<typeof envSchema>;

export interface ShippingConfig {
  shipFrom: { name: string; line1: string; postalCode: string; city: string; country: string };
  /** Null when no key is configured: only the house carrier is offered. */
  parcelhub: { apiKey: string; apiBase: string } | null;
}

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  dataDir: string;
  /** The built storefront served at `/` (skipped when the folder holds no index.html). */
  storefrontDir: string;
  databaseUrl: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  corsOrigins: string[];
  authRateLimitPerMinute: number;
  bodyLimitBytes: number;
  imageMaxBytes: number;
  logLevel: Env['LOG_LEVEL'];
  seedDemo: boolean;
  notifications: ReturnType<typeof notificationsOptionsFrom>;
  payments: PaymentsConfig;
  shopCountry: string;
  shopCurrency: Env['SHOP_CURRENCY'];
  shipping: ShippingConfig;
  reservationTtlMs: number;
  returnWindowDays: number;
  checkoutRateLimitPerMinute: number;
  /** Per client IP and minute on /sync/* and device registration. */
  syncRateLimitPerMinute: number;
  /** API processes sharing the port (node:cluster); more than one needs MySQL. */
  apiWorkers: number;
  /** How long a password reset e-mail's link works. */
  passwordResetTtlMinutes: number;
  /** The shop's public address; reset links point at its /account/reset-password page. */
  storefrontUrl: string;
  /** Whose X-Forwarded-For is believed for rate limits and logs (off unless configured). */
  trustProxy: TrustProxy;
  /** Words that hold a review for a moderator (REVIEW_BANNED_WORDS). */
  reviewBannedWords: string[];
}

/** Parses the environment; on bad input throws one readable list of every problem. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const databaseUrl = e.DATABASE_URL ?? `file:${join(e.DATA_DIR, 'shoebox.db')}`;
  if (e.API_WORKERS > 1 && !databaseUrl.startsWith('mysql:'))
    throw new Error(
      'Invalid configuration:\n  API_WORKERS: more than one API process needs MySQL (SQLite takes one writer process)',
    );
  mkdirSync(e.DATA_DIR, { recursive: true });
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    storefrontDir: resolve(e.STOREFRONT_DIR),
    databaseUrl,
    jwtSecret: e.JWT_SECRET ?? persistedSecret(e.DATA_DIR, e.NODE_ENV),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    imageMaxBytes: e.IMAGE_MAX_BYTES,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    notifications: notificationsOptionsFrom(e),
    payments: resolvePaymentsConfig(e, e.NODE_ENV),
    shopCountry: e.SHOP_COUNTRY,
    shopCurrency: e.SHOP_CURRENCY,
    shipping: {
      shipFrom: {
        name: e.SHIP_FROM_NAME,
        line1: e.SHIP_FROM_LINE1,
        postalCode: e.SHIP_FROM_POSTAL_CODE,
        city: e.SHIP_FROM_CITY,
        country: e.SHOP_COUNTRY,
      },
      parcelhub: e.PARCELHUB_API_KEY ? { apiKey: e.PARCELHUB_API_KEY, apiBase: e.PARCELHUB_API_BASE } : null,
    },
    reservationTtlMs: e.RESERVATION_TTL_MINUTES * 60_000,
    returnWindowDays: e.RETURN_WINDOW_DAYS,
    checkoutRateLimitPerMinute: e.CHECKOUT_RATE_LIMIT_PER_MINUTE,
    syncRateLimitPerMinute: e.SYNC_RATE_LIMIT_PER_MINUTE,
    apiWorkers: e.API_WORKERS,
    trustProxy: e.TRUST_PROXY,
    passwordResetTtlMinutes: e.PASSWORD_RESET_TTL_MINUTES,
    storefrontUrl: e.STOREFRONT_URL.replace(/\/+$/, ''),
    reviewBannedWords: e.REVIEW_BANNED_WORDS,
  };
}

/**
 * Without JWT_SECRET, a random secret is kept in the data folder so sessions survive a restart
 * on the one-command setup. Production must set it explicitly (several instances share it).
 */
function persistedSecret(dataDir: string, nodeEnv: Env['NODE_ENV']): string {
  if (nodeEnv === 'production')
    throw new Error('Invalid configuration:\n  JWT_SECRET: required in production');
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
