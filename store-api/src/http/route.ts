import type { Permission } from '@shoebox/shared';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { RequestContext } from './context.ts';

/** Named request budgets per client IP, configured in config/env.ts. */
export type RateLimitName = 'auth' | 'checkout';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call a route. A permission means staff (or an API key) holding it;
 * `staff` any signed-in staff member; `customer` a signed-in shopper.
 */
export type Access = 'public' | 'customer' | 'staff' | Permission;

/** How the body is read: JSON (validated by `body`), raw bytes (images), or CSV text. */
export type BodyKind = 'json' | 'raw' | 'csv';

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** Raw bytes for `bodyKind: 'raw' | 'csv'`. */
  raw: Buffer | undefined;
  req: Request;
  res: Response;
}

/** Returned by a handler that wrote the response itself (files, CSV, redirects). */
export const SENT = Symbol('sent');

export interface RouteSpec<
  B extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  P extends Schema | undefined = Schema | undefined,
> {
  method: HttpMethod;
  /** Express path, e.g. `/admin/products/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: B;
  query?: Q;
  params?: P;
  bodyKind?: BodyKind;
  /** Response body schema (documentation and contract tests). */
  response?: Schema;
  /** Success status, 200 unless said. */
  status?: number;
  /** Stable error codes this route can answer with (documentation). */
  errors?: readonly string[];
  /** A per-client-IP limit: `auth` (sign-in, refresh, registration, guest lookups) or `checkout`. */
  rateLimit?: RateLimitName;
  handler(ctx: RequestContext, input: RouteInput<Out<B>, Out<Q>, Out<P>>): Promise<unknown>;
}

/** Identity function that fixes the generic types so handlers see parsed input. */
export function defineRoute<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(spec: RouteSpec<B, Q, P>): RouteSpec {
  return spec as unknown as RouteSpec;
}
