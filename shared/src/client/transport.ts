/** One HTTP call of the client: headers, tokens, body, query string, errors, answer checks. */
import type { z } from 'zod';
import { CART_TOKEN_HEADER } from '../contracts/constants.ts';
import { errorOf, ShoeboxApiError } from './errors.ts';

type MaybeToken = string | null | undefined;
type TokenSource = MaybeToken | (() => MaybeToken | Promise<MaybeToken>);

export interface ShoeboxClientOptions {
  /** e.g. `http://localhost:4000` (no trailing slash needed). */
  baseUrl: string;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** The bearer token to send: a staff or customer access token, or an API key (`sbk_...`). */
  getToken?: () => MaybeToken | Promise<MaybeToken>;
  /** The guest cart token (X-Cart-Token) for cart and checkout calls. */
  cartToken?: TokenSource;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Check every JSON answer against its contract and throw RESPONSE_INVALID when it differs. */
  validateResponses?: boolean;
}

/** Query strings: the parsed form of the query contract, every field optional. */
export type QueryOf<S extends z.ZodType> = { [K in keyof z.output<S>]?: z.output<S>[K] };

/**
 * An answer's contract, or a function that loads it: the store client passes loaders so that a
 * shop that never checks answers never builds (or downloads) a schema.
 */
export type SchemaSource = z.ZodType | (() => Promise<z.ZodType>) | null;

export interface RequestOptions {
  query?: Record<string, unknown> | undefined;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as-is with `contentType` (CSV text, image bytes). */
  rawBody?: string | Blob | ArrayBuffer | Uint8Array | undefined;
  contentType?: string;
  /** Send the cart token header. */
  cart?: boolean;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** The `request` function of a client with these options. */
export function createRequest(options: ShoeboxClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function resolve(source: TokenSource): Promise<MaybeToken> {
    return typeof source === 'function' ? source() : source;
  }

  /**
   * One call: `schema` is the answer's contract (checked when `validateResponses` is on); without
   * one the answer is returned as text (CSV) or JSON as it came. 204 answers resolve to undefined.
   */
  async function request<T>(
    method: string,
    path: string,
    schema: SchemaSource,
    opts: RequestOptions = {},
  ): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...options.headers,
      ...opts.headers,
    };
    const token = await options.getToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.cart) {
      const cartToken = await resolve(options.cartToken);
      if (cartToken) headers[CART_TOKEN_HEADER] = cartToken;
    }
    let body: RequestInit['body'];
    if (opts.rawBody !== undefined) {
      body = opts.rawBody as RequestInit['body'];
      headers['content-type'] = opts.contentType ?? 'application/octet-stream';
    } else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    let res: Response;
    try {
      res = await doFetch(baseUrl + path + queryString(opts.query), {
        method,
        headers,
        body,
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
    } catch (error) {
      // fetch rejects with a TypeError when the server cannot be reached; anything else (an abort,
      // an error thrown by a wrapping fetch such as the test harness's answer check) goes to the
      // caller as it is instead of passing for a network failure.
      if (!(error instanceof TypeError)) throw error;
      throw new ShoeboxApiError(0, 'NETWORK_ERROR', `Could not reach ${baseUrl}: ${String(error)}`);
    }
    const requestId = res.headers.get('x-request-id') ?? undefined;
    if (!res.ok) throw await errorOf(res, requestId);
    if (res.status === 204) return undefined as T;
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('json')) return (await res.text()) as T;
    const json: unknown = await res.json();
    if (schema && options.validateResponses) {
      const contract = typeof schema === 'function' ? await schema() : schema;
      const checked = contract.safeParse(json);
      if (!checked.success) {
        throw new ShoeboxApiError(
          res.status,
          'RESPONSE_INVALID',
          `${method} ${path}: the answer does not match its contract`,
          {
            requestId,
            errors: checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          },
        );
      }
    }
    return json as T;
  }

  return request;
}

/** Lists go comma-separated (`size=38,38.5`), as the list filters read them; undefined is left out. */
function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.set(key, Array.isArray(value) ? value.map(String).join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
