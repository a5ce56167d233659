import type { Permission } from '@shoebox/shared';
import type { ErrorCode } from '@shoebox/shared/contracts';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { RequestContext } from '../lib/request-context.ts';

/** Named request budgets per client IP, configured in config/env.ts. */
export type RateLimitName = 'auth' | 'checkout' | 'sync';

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

/**
 * An error code a route can answer with: the catalogue's usual status (shared/src/contracts/
 * error-codes.ts), or another one stated here (a catalog id from a body is 422, not 404).
 */
export type RouteError = ErrorCode | { code: ErrorCode; status: number };

/** The codes of ids a request body refers to: well-formed, pointing at nothing, so 422. */
export const referenced = (...codes: ErrorCode[]): RouteError[] =>
  codes.map((code) => ({ code, status: 422 }));

/** A success answer besides the route's `status`: 304 and 204 carry no body, others the `response` body. */
export interface OtherAnswer {
  status: number;
  description: string;
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
  /** Other success answers the handler gives (a repeated checkout's 200, a revalidated 304). */
  otherAnswers?: readonly OtherAnswer[];
  /** Request headers the handler reads (documentation: the handler checks them itself). */
  headers?: z.ZodObject;
  /** Stable error codes this route can answer with, beyond those its access and body imply (documentation). */
  errors?: readonly RouteError[];
  /** A per-client-IP limit: `auth` (sign-in, refresh, registration, guest lookups), `checkout`, or `sync` (desktops). */
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
