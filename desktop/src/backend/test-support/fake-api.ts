/**
 * A stand-in for store-api at the fetch level, for the online admin handlers: routes answer
 * canned JSON (or problem+json), every request is recorded, and the "network" can go down. The
 * real typed client sits on top, so paths, bodies and answer parsing are the production ones.
 */
import { createShoeboxClient } from '@shoebox/shared/client';
import { type AdminApi, createAdminApi } from '../server-admin.ts';

export interface FakeApiRequest {
  method: string;
  path: string;
  body: unknown;
}

type Answer =
  | { status?: number; json?: unknown }
  | ((req: FakeApiRequest) => { status?: number; json?: unknown });

export function fakeApi() {
  const routes = new Map<string, Answer>();
  const requests: FakeApiRequest[] = [];
  const state = { online: true, reachable: true, token: true as boolean };

  const fetchImpl: typeof fetch = async (input, init) => {
    if (!state.reachable) throw new TypeError('fetch failed');
    const url = new URL(String(input));
    const req: FakeApiRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname + url.search,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    requests.push(req);
    const route = routes.get(`${req.method} ${url.pathname}`);
    if (!route) return problem(404, 'NOT_FOUND', 'No such route in the fake API.');
    const answer = typeof route === 'function' ? route(req) : route;
    const status = answer.status ?? 200;
    if (status === 204) return new Response(null, { status });
    return new Response(JSON.stringify(answer.json ?? null), {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  };

  const client = createShoeboxClient({
    baseUrl: 'http://api.test',
    fetch: fetchImpl,
    getToken: () => 'token',
  });
  const admin: AdminApi = createAdminApi({
    api: client.admin,
    online: () => state.online,
    hasToken: async () => state.token,
  });
  return {
    admin,
    requests,
    state,
    on(method: string, path: string, answer: Answer) {
      routes.set(`${method} ${path}`, answer);
    },
  };
}

/** A problem answer for `on(...)`, shaped as store-api renders them (RFC 9457 plus code and request id). */
export const problemAnswer = (status: number, code: string, detail: string) => ({
  status,
  json: { type: 'about:blank', title: code, status, code, detail, instance: '/fake', requestId: 'req-1' },
});

const problem = (status: number, code: string, detail: string) =>
  new Response(JSON.stringify(problemAnswer(status, code, detail).json), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
export type FakeApi = ReturnType<typeof fakeApi>;
