/**
 * A fake backend for renderer tests: implements the handler map in memory and is reached through
 * the real dispatcher (argument schemas, permissions, error mapping), exactly like the real one.
 */
import { DomainError, permissionsOf, type Role } from '@shoebox/shared';
import {
  type AttentionItem,
  type Backend,
  createIpcClient,
  dispatch,
  type EventListener,
  type EventName,
  type EventOf,
  type Handlers,
  type IpcClient,
  type Session,
  type SyncStatus,
} from '../../ipc/index.ts';
import {
  createWarehouse,
  type FakeWarehouse,
  type FakeWarehouseOptions,
  warehouseHandlers,
} from './fake-fulfillment.ts';
import { createFakeCatalog, type FakeCatalog, productFakes } from './fake-products.ts';
import { withAdminFakes } from './fake-admin.ts';
import { createFakeShop, type FakeShop, receipt, shopHandlers } from './fake-shop.ts';

const people: Record<string, { password: string; name: string; role: Role; code?: string }> = {
  'owner@shoebox.test': { password: 'owner-pw', name: 'Olivia Owner', role: 'owner' },
  /** Signs in with two-factor: the API answers MFA_REQUIRED until `fakeTwoFactorCode` comes too. */
  'secure@shoebox.test': { password: 'secure-pw', name: 'Sara Secure', role: 'owner', code: '246810' },
  'manager@shoebox.test': { password: 'manager-pw', name: 'Marta Manager', role: 'manager' },
  'warehouse@shoebox.test': { password: 'warehouse-pw', name: 'Wim Warehouse', role: 'warehouse' },
};
export const fakePassword = (role: Role) => `${role}-pw`;
export const fakeTwoFactorCode = '246810';

export interface FakeBackend extends Backend {
  client: IpcClient;
  calls: string[];
  /** The in-memory shop behind the catalog, inventory and orders handlers. */
  shop: FakeShop;
  /** Pick batches, shipments, returns, printer settings and the tracking block. */
  warehouse: FakeWarehouse;
  /** The catalogue editor's state (edits, added variants, images, imports): fake-products.ts. */
  catalog: FakeCatalog;
  setSync(change: Partial<SyncStatus>): void;
  /** Puts refused changes in "Needs attention" (and the count in the sync state). */
  setAttention(items: AttentionItem[]): void;
  signInAs(role: Role): Session;
}

export function createFakeBackend(options: { orders?: number } & FakeWarehouseOptions = {}): FakeBackend {
  const shop = createFakeShop(options.orders);
  const warehouse = createWarehouse(shop, options);
  const listeners = new Set<EventListener>();
  const emit = <E extends EventName>(event: E, payload: EventOf<E>) => {
    for (const l of listeners) l(event, payload);
  };
  let session: Session | null = null;
  let sync: SyncStatus = {
    state: 'online',
    pending: 0,
    needsAttention: 0,
    lastContactAt: new Date().toISOString(),
    apiUrl: 'http://api.test',
  };
  const calls: string[] = [];
  let attention: AttentionItem[] = [];
  const setSync = (change: Partial<SyncStatus>) => {
    sync = { ...sync, ...change };
    emit('sync.status', sync);
  };

  const sessionFor = (email: string): Session => {
    const person = people[email]!;
    return {
      user: { id: `id-${person.role}`, email, name: person.name, role: person.role },
      permissions: permissionsOf(person.role),
      shopName: 'Test Shoes',
      signedInAt: new Date().toISOString(),
      offline: sync.state === 'offline',
    };
  };

  const catalog = createFakeCatalog();
  const shopped = shopHandlers(shop, () => session);
  const handlers: Partial<Handlers> = {
    ...withAdminFakes(shopped, shop, () => session),
    ...warehouseHandlers(shop, warehouse, () => session, options),
    ...productFakes(shop, catalog, shopped),
    'session.signIn': async ({ email, password, code }) => {
      const person = people[email];
      if (!person || person.password !== password)
        throw new DomainError('unauthenticated', 'INVALID_CREDENTIALS', 'Email or password is wrong.');
      if (person.code && !code)
        throw new DomainError(
          'unauthenticated',
          'MFA_REQUIRED',
          'Enter the 6-digit code from your authenticator app.',
        );
      if (person.code && code !== person.code)
        throw new DomainError(
          'unauthenticated',
          'MFA_CODE_INVALID',
          'That code is not right; check the app and try again.',
        );
      session = sessionFor(email);
      return session;
    },
    'session.signOut': async () => {
      session = null;
      return null;
    },
    'session.current': async () => session,
    'sync.status': async () => sync,
    'sync.now': async () => sync,
    'sync.needsAttention': async () => attention,
    'sync.dismiss': async ({ mutationId }) => {
      attention = attention.filter((a) => a.mutationId !== mutationId);
      setSync({ needsAttention: attention.length });
      return null;
    },
    'sync.retry': async ({ mutationId }) => {
      attention = attention.filter((a) => a.mutationId !== mutationId);
      setSync({ needsAttention: attention.length, pending: sync.pending + 1 });
      return receipt();
    },
    'products.resolveConflict': async (args) => {
      shop.writes.push({ name: 'products.resolveConflict', args });
      attention = attention.filter((a) => a.mutationId !== args.mutationId);
      setSync({ needsAttention: attention.length, pending: sync.pending + 1 });
      return receipt();
    },
    'dashboard.summary': async () => {
      const count = (status: string) => shop.orders.filter((o) => o.status === status).length;
      const levels = await shopHandlers(shop, () => session)['inventory.levels']!({ limit: 1 });
      return {
        toPick: count('paid'),
        toPack: count('picking'),
        toShip: count('packed'),
        shippedToday: 4,
        flagged: shop.orders.filter((o) => o.flagged && ['paid', 'picking', 'packed'].includes(o.status))
          .length,
        lowStock: levels.lowStockTotal,
        brokenSizeRuns: levels.brokenSizeRunTotal,
        sync,
      };
    },
    'devices.current': async () => ({
      id: '01234567-89ab-7def-8123-456789abcdef',
      name: 'bench-1',
      mode: 'browser',
      appVersion: '0.1.0',
      createdAt: '2026-12-01T09:00:00.000Z',
      apiUrl: sync.apiUrl,
    }),
  };

  const backend: Backend = {
    handlers,
    currentSession: () => session,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {},
  };

  const client = createIpcClient({
    invoke: (name, args) => {
      calls.push(name);
      return dispatch(backend, name, args);
    },
    on: (event, listener) =>
      backend.subscribe((name, payload) => {
        if (name === event) listener(payload);
      }),
  });

  return {
    ...backend,
    client,
    calls,
    shop,
    warehouse,
    catalog,
    setSync,
    setAttention(items) {
      attention = items;
      setSync({ needsAttention: items.length });
    },
    signInAs(role) {
      session = sessionFor(`${role}@shoebox.test`);
      return session;
    },
  };
}
