/**
 * `@shoebox/shared/store`: the store contracts and a client of `/store/*` only. What the
 * storefront imports; it never reaches staff shapes, and its client builds no schema until it is
 * asked to check an answer.
 */
import { storeEndpoints } from './client/store.ts';
import { createRequest, type ShoeboxClientOptions } from './client/transport.ts';

export { isShoeboxApiError, kindOfStatus, type ProblemDocument, ShoeboxApiError } from './client/errors.ts';
export type { StoreEndpoints, StoreSchemaKey } from './client/store.ts';
export type { QueryOf, RequestOptions, ShoeboxClientOptions } from './client/transport.ts';
export * from './contracts/store.ts';

export function createStoreClient(options: ShoeboxClientOptions) {
  const request = createRequest(options);
  return { request, store: storeEndpoints(request) };
}

export type StoreClient = ReturnType<typeof createStoreClient>;
