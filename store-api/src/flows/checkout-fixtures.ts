/**
 * Checkout test helpers: stock through the inventory API, carts through the store cart API,
 * and the flow dependencies of a test app (for calling flows and jobs directly).
 */
import { inArray, sql } from 'drizzle-orm';
import pino from 'pino';
import { createScheduler } from '../jobs/scheduler.ts';
import { createServices } from '../services.ts';
import type { TestApp } from '../test-support/harness.ts';
import { checkoutDeps, type FlowDeps } from './deps.ts';

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
      .call('POST', '/admin/stock-locations', {
        token: t.tokens.owner,
        body: { code, name: `Warehouse ${code}` },
      })
      .then((res) => {
        if (res.status !== 201) throw new Error(`fixture: location ${res.status} ${res.text}`);
        return res.body.id as string;
      });
    byCode.set(code, id);
  }
  return id;
}

export async function receive(t: TestApp, variantId: string, quantity: number, code = 'MAIN'): Promise<void> {
  const res = await t.call('POST', '/admin/inventory/receive', {
    token: t.tokens.owner,
    body: { locationId: await location(t, code), lines: [{ variantId, quantity }] },
  });
  if (res.status >= 300) throw new Error(`fixture: receive ${res.status} ${res.text}`);
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
  const created = await t.call('POST', '/store/cart');
  if (created.status !== 201) throw new Error(`fixture: cart ${created.status} ${created.text}`);
  const token: string = created.body.token;
  const call = (method: string, path: string, body?: unknown) =>
    t.call(method, path, { headers: { 'x-cart-token': token }, ...(body === undefined ? {} : { body }) });
  const must = async (what: string, p: ReturnType<typeof call>) => {
    const res = await p;
    if (res.status >= 300) throw new Error(`fixture: ${what} ${res.status} ${res.text}`);
    return res;
  };
  for (const line of lines) await must('add line', call('POST', '/store/cart/lines', line));
  const email = opts.email === undefined ? 'aoife@example.ie' : opts.email;
  if (email) await must('contact', call('PUT', '/store/cart/contact', { email }));
  if (opts.shipping !== false)
    await must('shipping', call('PUT', '/store/cart/shipping', { address, methodId: 'house-standard' }));
  if (opts.couponCode) await must('coupon', call('PUT', '/store/cart/coupon', { code: opts.couponCode }));
  return { token, call, checkout: () => call('POST', '/store/checkout') };
}

/** The app's flows wired to a second set of services on the same database (as another instance would be). */
export function flowsOf(t: TestApp) {
  const services = createServices(t.store, t.config);
  const deps: FlowDeps = checkoutDeps(services, pino({ level: 'silent' }));
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
