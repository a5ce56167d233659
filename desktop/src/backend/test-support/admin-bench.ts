/**
 * The online admin handlers' bench: their handler maps over the fake API (fake-api.ts), reached
 * through the real dispatcher (access, argument schemas, error mapping) as a given role.
 */
import { newId, permissionsOf, type Role } from '@shoebox/shared';
import {
  type Backend,
  dispatch,
  type HandlerName,
  type Handlers,
  handlerSpecs,
  type ResultOf,
  type Session,
} from '../../ipc/index.ts';
import { type FakeApi, fakeApi } from './fake-api.ts';

export function adminBench(build: (api: FakeApi, session: () => Session | null) => Partial<Handlers>) {
  const api = fakeApi();
  let session: Session | null = null;
  const backend: Backend = {
    handlers: build(api, () => session),
    currentSession: () => session,
    subscribe: () => () => {},
    close: async () => {},
  };
  return {
    api,
    as(role: Role) {
      session = {
        user: { id: newId(), email: `${role}@shop.test`, name: role, role },
        permissions: permissionsOf(role),
        shopName: 'Test shop',
        signedInAt: new Date().toISOString(),
        offline: false,
      };
    },
    async value<N extends HandlerName>(name: N, args: unknown = {}): Promise<ResultOf<N>> {
      const envelope = await dispatch(backend, name, args, (e) => console.error(e));
      if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
      return handlerSpecs[name].result.parse(envelope.value) as ResultOf<N>;
    },
    async refusal(name: HandlerName, args: unknown = {}) {
      const envelope = await dispatch(backend, name, args);
      if (envelope.ok) throw new Error(`${name} should have been refused`);
      return envelope.error;
    },
  };
}
