/**
 * Checkout test helpers: stock through the inventory API, carts through the store cart API (the
 * typed client; `shopper().call` and `checkout()` stay on the wire, where tests assert statuses),
 * and the flow dependencies of a test app (for calling flows and jobs directly).
 */
import { inArray, sql } from 'drizzle-orm';
import pino from 'pino';
import { createScheduler } from '../jobs/scheduler.ts';
import { createServices } from '../services.ts';
import type { TestApp } from './harness.ts';
import { flowDeps, type FlowDeps } from '../flows/deps.ts';

const locations = new WeakMap<TestApp, Map<string, Promise<string>>>();

/** A stock location (made once per app and code). */
export function location(t: TestApp, code = 'MAIN'): Promise<string> {
  let byCode = locations.get(t);
  if (!byCode) {
    byCode = new Map();
    locations.set(t, byCode);
  }
  let id = byCode.get(code);
  if (!id) {
    id = t
      .client(t.tokens.owner)
      .admin.stockLocations.create({ code, name: `Warehouse ${code}` })
      .then((created) => created.id);
    byCode.set(code, id);
  }
  return id;
}

export async function receive(t: TestApp, variantId: string, quantity: number, code = 'MAIN'): Promise<void> {
  await t.client(t.tokens.owner).admin.inventory.receive({
    locationId: await location(t, code),
    lines: [{ variantId, quantity }],
  });
}

export const address = {
  name: 'Aoife Byrne',
  line1: '12 Harbour Road',
  city: 'Dublin',
  postalCode: 'D02 X285',
  country: 'IE',
};

export interface ShopperOptions {
  email?: string | null;
  shipping?: boolean;
  couponCode?: string;
}

/** A guest cart with lines, contact and shipping; returns its token and a caller sending it. */
export async function shopper(
  t: TestApp,
  lines: Array<{ variantId: string; quantity: number }>,
  opts: ShopperOptions = {},
) {
  const { token } = await t.client().store.cart.create();
  const cart = t.client(undefined, token).store.cart;
  for (const line of lines) await cart.addLine(line);
  const email = opts.email === undefined ? 'aoife@example.ie' : opts.email;
  if (email) await cart.setContact({ email });
  if (opts.shipping !== false) await cart.setShipping({ address, methodId: 'house-standard' });
  if (opts.couponCode) await cart.setCoupon({ code: opts.couponCode });
  const call = (method: string, path: string, body?: unknown) =>
    t.call(method, path, { headers: { 'x-cart-token': token }, ...(body === undefined ? {} : { body }) });
  return { token, call, checkout: () => call('POST', '/store/checkout') };
}

/** The app's flows wired to a second set of services on the same database (as another instance would be). */
export function flowsOf(t: TestApp) {
  const services = createServices(t.store, t.config);
  const deps: FlowDeps = flowDeps(services, pino({ level: 'silent' }));
  const scheduler = (jobs: Parameters<typeof createScheduler>[0]['jobs']) =>
    createScheduler({ store: t.store, jobs, log: pino({ level: 'silent' }) });
  return { services, deps, scheduler, close: () => services.notifications.close() };
}

export async function levels(t: TestApp, variantIds: readonly string[]) {
  const l = t.store.t.stockLevels;
  return t.store.db
    .select({ variantId: l.variantId, locationId: l.locationId, onHand: l.onHand, reserved: l.reserved })
    .from(l)
    .where(inArray(l.variantId, [...variantIds]));
}

export async function sumLevels(t: TestApp, variantIds: readonly string[]) {
  const rows = await levels(t, variantIds);
  return {
    onHand: rows.reduce((n, r) => n + r.onHand, 0),
    reserved: rows.reduce((n, r) => n + r.reserved, 0),
    negative: rows.filter((r) => r.onHand < 0 || r.reserved < 0 || r.onHand < r.reserved).length,
  };
}

export async function orderByNumber(t: TestApp, number: string) {
  const o = t.store.t.orders;
  const [row] = await t.store.db.select().from(o).where(sql`${o.number} = ${number}`);
  if (!row) throw new Error(`no order ${number}`);
  return row;
}

export async function eventsOf(t: TestApp, orderId: string): Promise<string[]> {
  const e = t.store.t.orderEvents;
  const rows = await t.store.db
    .select({ type: e.type })
    .from(e)
    .where(sql`${e.orderId} = ${orderId}`)
    .orderBy(e.id);
  return rows.map((r) => r.type);
}

export async function rowsWhere<T>(t: TestApp, query: ReturnType<typeof sql>): Promise<T[]> {
  return t.store.rows<T>(query);
}
