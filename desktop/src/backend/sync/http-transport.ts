import { DomainError } from '@shoebox/shared';
import { kindOfStatus } from '@shoebox/shared/client';
import type { Transport } from '@shoebox/sync/client';
import { type PullRequest, type PushRequest, pullQuery } from '@shoebox/sync/protocol';
import { z } from 'zod';

/**
 * sync's Transport over HTTP to store-api: `GET /sync/pull?v=&cursor=&limit=` and
 * `POST /sync/push`. An answer in problem+json is the server refusing (thrown as the DomainError
 * it was); anything else that goes wrong (no connection, a timeout, a proxy's HTML page, a body
 * that is not JSON) is thrown as SyncUnreachable, which the engine counts as being offline.
 * A 200 body is returned unparsed: the engine validates it.
 */

export interface HttpTransportOptions {
  /** store-api's origin, e.g. `https://api.shop.example` (a path prefix is kept). */
  baseUrl: string;
  /** Extra headers per request, e.g. the device's `authorization` (asked each time: tokens rotate). */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Give up on an answer after this long (default 20 s): a hung server counts as unreachable. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The server could not be reached, or what came back was not an answer of store-api. */
export class SyncUnreachable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SyncUnreachable';
  }
}

const problemBody = z.object({
  code: z.string().min(1),
  detail: z.string().optional(),
  title: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
    .optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export class HttpTransport implements Transport {
  private readonly base: string;

  constructor(private readonly options: HttpTransportOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  pull(request: PullRequest): Promise<unknown> {
    const query = new URLSearchParams(pullQuery(request));
    return this.exchange(`${this.base}/sync/pull?${query}`, { method: 'GET' });
  }

  push(request: PushRequest): Promise<unknown> {
    return this.exchange(`${this.base}/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  private async exchange(url: string, init: RequestInit): Promise<unknown> {
    const doFetch = this.options.fetch ?? fetch;
    const headers = {
      accept: 'application/json, application/problem+json',
      ...(init.headers as Record<string, string> | undefined),
      ...(await this.options.headers?.()),
    };
    const what = `${init.method} ${url}`;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        ...init,
        headers,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 20_000),
      });
      text = await response.text();
    } catch (cause) {
      throw new SyncUnreachable(`${what}: no answer (${String(cause)})`, { cause });
    }
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || type.startsWith('application/problem+json')) throw problemOf(response, text, what);
    if (!type.startsWith('application/json'))
      throw new SyncUnreachable(`${what}: answered ${type || 'no content type'}, not JSON`);
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw new SyncUnreachable(`${what}: the answer is not valid JSON`, { cause });
    }
  }
}

/**
 * What a refusal means: a problem+json is the server's DomainError, rebuilt; any other failed
 * answer (a proxy's error page) counts as not reaching the server.
 */
export function problemOf(response: Response, text: string, what: string): Error {
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith('application/problem+json')) return refusal(response.status, text, what);
  return new SyncUnreachable(`${what}: answered ${response.status} without a problem`);
}

/** Rebuilds the server's DomainError from its problem+json (the kind comes from the status). */
function refusal(status: number, text: string, what: string): Error {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new SyncUnreachable(`${what}: answered ${status} with a problem that is not JSON`);
  }
  const problem = problemBody.safeParse(body);
  if (!problem.success) return new SyncUnreachable(`${what}: answered ${status} with a malformed problem`);
  const { code, detail, title, details, errors } = problem.data;
  return DomainError.from({
    kind: kindOfStatus(status),
    code,
    message: detail ?? title ?? code,
    ...(details ? { details } : {}),
    ...(errors ? { errors } : {}),
  });
}
