import type { Handlers } from '../../ipc/index.ts';
import type { AdminApi, AdminEndpoints } from '../server-admin.ts';
import type { HandlerContext } from './context.ts';

type SettingsName =
  | 'staff.list'
  | 'staff.create'
  | 'staff.update'
  | 'staff.signIns'
  | 'staff.resetTwoFactor'
  | 'devices.list'
  | 'devices.revoke'
  | 'apiKeys.list'
  | 'apiKeys.create'
  | 'apiKeys.revoke'
  | 'audit.list'
  | 'locations.list'
  | 'locations.create'
  | 'locations.bins'
  | 'locations.createBin'
  | 'me.twoFactor'
  | 'me.twoFactorStart'
  | 'me.twoFactorConfirm';
export type SettingsHandlers = Pick<Handlers, SettingsName>;

export const settingsHandlers = (ctx: Pick<HandlerContext, 'server'>): SettingsHandlers => {
  const api = ctx.server.admin;
  const staff = <T>(call: (a: AdminEndpoints) => Promise<T>) => api.call('Managing staff', call);
  const keys = <T>(call: (a: AdminEndpoints) => Promise<T>) => api.call('Managing API keys', call);
  const places = <T>(call: (a: AdminEndpoints) => Promise<T>) => api.call('Managing stock locations', call);
  const twoFactor = <T>(call: (a: AdminEndpoints) => Promise<T>) =>
    api.call('Setting up two-factor sign-in', call);
  return {
    'staff.list': () => staffList(api),
    'staff.create': (body) => staff((a) => a.staff.create(body)),
    'staff.update': ({ id, ...body }) => staff((a) => a.staff.update(id, body)),
    'staff.signIns': ({ id, page, pageSize }) => staff((a) => a.signIns.of(id, { page, pageSize })),
    'staff.resetTwoFactor': async ({ id }) => {
      await staff((a) => a.twoFactor.reset(id));
      return null;
    },
    'devices.list': async () => ({
      items: await api.call('Managing devices', (a) => a.devices.list()),
    }),
    'devices.revoke': ({ id }) => api.call('Revoking a device', (a) => a.devices.revoke(id)),
    'apiKeys.list': async () => ({ items: await keys((a) => a.apiKeys.list()) }),
    'apiKeys.create': (body) => keys((a) => a.apiKeys.create(body)),
    'apiKeys.revoke': async ({ id }) => {
      await keys((a) => a.apiKeys.revoke(id));
      return null;
    },
    'audit.list': (query) => api.call('The audit log', (a) => a.auditLog(query)),
    'locations.list': async () => ({ items: await places((a) => a.stockLocations.list()) }),
    'locations.create': (body) => places((a) => a.stockLocations.create(body)),
    'locations.bins': async ({ locationId }) => ({
      items: await places((a) => a.stockLocations.bins(locationId)),
    }),
    'locations.createBin': ({ locationId, code }) =>
      places((a) => a.stockLocations.createBin(locationId, { code })),
    'me.twoFactor': () => twoFactor((a) => a.twoFactor.status()),
    'me.twoFactorStart': () => twoFactor((a) => a.twoFactor.start()),
    'me.twoFactorConfirm': (body) => twoFactor((a) => a.twoFactor.confirm(body)),
  };
};

/**
 * The staff list with each person's last successful sign-in, from their history (one short read
 * each: a shop has a handful of staff). Which step completed it says whether they use two-factor.
 */
async function staffList(api: AdminApi) {
  return api.call('Managing staff', async (a) => {
    const people = await a.staff.list();
    const items = await Promise.all(
      people.map(async (person) => {
        const history = await a.signIns.of(person.id, { page: 1, pageSize: 5 });
        const last = history.items.find((s) => s.succeeded);
        return { ...person, lastSignInAt: last?.at ?? null, lastSignInStep: last?.step ?? null };
      }),
    );
    return { items };
  });
}
