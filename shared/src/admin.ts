/** `@shoebox/shared/admin`: the staff contracts and a client of `/admin/*` only. */
import { adminEndpoints } from './client/admin.ts';
import { createRequest, type ShoeboxClientOptions } from './client/transport.ts';

export type { AdminEndpoints } from './client/admin.ts';
export { isShoeboxApiError, kindOfStatus, type ProblemDocument, ShoeboxApiError } from './client/errors.ts';
export type { QueryOf, RequestOptions, ShoeboxClientOptions } from './client/transport.ts';
export * from './contracts/admin.ts';

export function createAdminClient(options: ShoeboxClientOptions) {
  const request = createRequest(options);
  return { request, admin: adminEndpoints(request) };
}

export type AdminClient = ReturnType<typeof createAdminClient>;
