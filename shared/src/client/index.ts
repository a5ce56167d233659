/**
 * A small fetch-based client for the Shoebox API, typed from the zod contracts: request bodies
 * are the contracts' input types, answers their output types. Errors come back as RFC 9457
 * problem+json and are thrown as `ShoeboxApiError` (a `DomainError` with the HTTP status and the
 * request id), so callers branch on `error.code` exactly as the server's code does.
 *
 * Runs anywhere `fetch` does (browsers, Electron, Node 20): no node:* imports. This entry point
 * has both surfaces; `@shoebox/shared/store` and `@shoebox/shared/admin` have one each.
 */
import { adminEndpoints } from './admin.ts';
import { storeEndpoints } from './store.ts';
import { createRequest, type ShoeboxClientOptions } from './transport.ts';

export { isShoeboxApiError, kindOfStatus, type ProblemDocument, ShoeboxApiError } from './errors.ts';
export type { QueryOf, RequestOptions, SchemaSource, ShoeboxClientOptions } from './transport.ts';

export function createShoeboxClient(options: ShoeboxClientOptions) {
  const request = createRequest(options);
  return { request, admin: adminEndpoints(request), store: storeEndpoints(request) };
}

export type ShoeboxClient = ReturnType<typeof createShoeboxClient>;
