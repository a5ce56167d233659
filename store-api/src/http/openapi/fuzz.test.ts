/**
 * The fuzz pass over every documented operation (issue 10): a fixed number of cases per operation
 * from a fixed seed, inputs generated from the document's schemas (which come from the zod
 * contracts) mixed with deliberately broken ones, sent by a rotating caller. Every answer must be
 * a documented success status or a problem+json 4xx whose code the operation documents under that
 * status, never a 5xx; a 4xx to a write leaves every table's row count as it was.
 */
import { newId } from '@shoebox/shared';
import { problem } from '@shoebox/shared/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductFixture } from '../../test-support/catalog-fixtures.ts';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { createCustomer, createOrderFixture } from '../../test-support/order-fixtures.ts';
import {
  BODY_LIMIT,
  CASES_PER_OPERATION,
  type Caller,
  callers,
  caseArbitrary,
  documentedUnder,
  type Fixtures,
  invalidOnly,
  operationsOf,
  SEED,
  urlOf,
} from './fuzz-cases.ts';
import { seedOf } from './fuzz-inputs.ts';
import { buildOpenApi, type Json, type OpenApiDocument } from './generate.ts';

describe(`fuzz pass over every documented operation (${testDialect})`, () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  const fx: Fixtures = {};
  const tokens: Partial<Record<Caller, string>> = {};
  /** A registered desktop per staff caller, so /sync cases reach the protocol, not just the device check. */
  const devices: Partial<Record<Caller, string>> = {};

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: String(BODY_LIMIT), IMAGE_MAX_BYTES: String(BODY_LIMIT) });
    doc = buildOpenApi(t.routes);
    const owner = t.tokens.owner;
    const post = async (path: string, body: unknown) => {
      const res = await t.call('POST', path, { token: owner, body });
      if (res.status >= 300) throw new Error(`fixture ${path}: ${res.status} ${res.text}`);
      return res.body;
    };
    const product = await createProductFixture(t, { colours: ['NUDE', 'BLACK'], sizes: [37, 38, 39] });
    const detail = (await t.call('GET', `/admin/products/${product.id}`, { token: owner })).body;
    const location = await post('/admin/stock-locations', { code: 'FUZZ', name: 'Fuzz warehouse' });
    const second = await post('/admin/stock-locations', { code: 'FUZZ-2', name: 'Fuzz shop floor' });
    const bin = await post(`/admin/stock-locations/${location.id}/bins`, { code: 'A-01' });
    await post('/admin/inventory/receive', {
      locationId: location.id,
      lines: product.variants.map((v) => ({ variantId: v.id, quantity: 5 })),
    });
    const order = await createOrderFixture(t, { lines: [{ variant: product.variants[0]!, quantity: 1 }] });
    const cart = (await t.call('POST', '/store/cart')).body;
    await t.call('POST', '/store/cart/lines', {
      headers: { 'x-cart-token': cart.token },
      body: { variantId: product.variants[1]!.id, quantity: 1 },
    });
    const coupon = await post('/admin/coupons', {
      code: 'FUZZ10',
      kind: 'percentage',
      percentBasisPoints: 1000,
    });
    const staff = await post('/admin/staff', {
      email: 'fuzz-target@test.shop',
      name: 'Fuzz target',
      role: 'warehouse',
      password: 'fuzz-target-pass-1',
    });
    const apiKey = await post('/admin/api-keys', { name: 'Fuzz key', permissions: ['catalog:read'] });
    const customer = await createCustomer(t);
    const mail = (await t.call('GET', '/admin/mail', { token: owner })).body;
    const items = (Array.isArray(mail?.items) ? mail.items : []) as { id: string }[];

    Object.assign(fx, {
      productId: [product.id],
      slug: [detail.slug],
      variantId: product.variants.map((v) => v.id),
      colourId: [...new Set(product.variants.map((v) => v.colourId))],
      brandId: [detail.brandId],
      categoryId: [detail.categoryId],
      locationId: [location.id, second.id],
      binId: [bin.id],
      orderId: [order.id],
      orderNumber: [order.number],
      cartToken: [cart.token],
      couponId: [coupon.id],
      staffId: [staff.id],
      apiKeyId: [apiKey.id],
      mailId: items.slice(0, 1).map((m) => m.id),
    } satisfies Fixtures);
    Object.assign(tokens, {
      owner,
      manager: t.tokens.manager,
      warehouse: t.tokens.warehouse,
      customer: customer.token,
    });
    for (const role of ['owner', 'manager', 'warehouse'] as const) {
      const id = newId();
      const res = await t.call('POST', '/admin/devices', {
        token: t.tokens[role],
        body: { id, name: `Fuzz ${role}`, mode: 'electron', appVersion: '1.0.0' },
      });
      devices[role] = res.body.credential;
    }
  });
  afterAll(() => t?.close());

  /** Signing out everywhere would end the shared callers' sessions: it runs as a fresh account. */
  async function throwawayToken(caller: Caller): Promise<string | undefined> {
    if (caller === 'anonymous') return undefined;
    const email = `fuzz-${caller}-${Math.random().toString(36).slice(2)}@test.shop`;
    const password = 'throwaway-pass-1';
    if (caller === 'customer') {
      const res = await t.call('POST', '/store/auth/register', { body: { email, password, name: 'F' } });
      return res.body.accessToken;
    }
    await t.call('POST', '/admin/staff', {
      token: t.tokens.owner,
      body: { email, name: 'Throwaway', role: caller, password },
    });
    return (await t.call('POST', '/admin/auth/sign-in', { body: { email, password } })).body.accessToken;
  }

  it('answers every generated case with a documented status and code, and a refused write changes no table', async () => {
    const started = Date.now();
    const failures: string[] = [];
    const operations = operationsOf(doc);
    let cases = 0;
    let serverErrors = 0;
    let successes = 0;
    let refusals = 0;
    let counts: Record<string, number> | undefined;

    for (const [index, o] of operations.entries()) {
      const operationId = String(o.op.operationId);
      const samples = fc.sample(caseArbitrary(o, doc, fx), {
        seed: seedOf(operationId, SEED),
        numRuns: CASES_PER_OPERATION,
      });
      for (const [i, c] of samples.entries()) {
        const caller = callers[(index + i) % callers.length]!;
        const url = urlOf(o, c);
        const headers: Record<string, string> = {};
        if (c.cartToken) headers['x-cart-token'] = c.cartToken;
        // Not on /sync/events: with a credential it streams until the client leaves (tested on its own).
        const credential = devices[caller];
        if (credential && url.startsWith('/sync/') && !url.startsWith('/sync/events'))
          headers['x-device-credential'] = credential;
        let rawBody: string | Buffer | undefined;
        if (c.json) {
          rawBody = JSON.stringify(c.json.value) ?? 'null';
          headers['content-type'] = 'application/json';
        } else if (c.raw && o.method !== 'get') {
          rawBody = typeof c.raw.data === 'string' ? c.raw.data : Buffer.from(c.raw.data);
          if (c.raw.contentType) headers['content-type'] = c.raw.contentType;
          if (c.raw.encoding) headers['content-encoding'] = c.raw.encoding;
        }
        const writes = o.method !== 'get';
        const throwaway = url.endsWith('/sign-out-everywhere');
        const token = throwaway ? await throwawayToken(caller) : tokens[caller];
        if (throwaway) counts = undefined;
        if (writes && !counts) counts = await tableCounts(t.store);
        const res = await t.call(o.method.toUpperCase(), url, {
          token,
          headers,
          ...(rawBody === undefined ? {} : { rawBody }),
        });
        cases++;
        if (res.status < 400) successes++;
        else if (res.status < 500) refusals++;
        const input = rawBody === undefined ? '' : ` body ${String(rawBody).slice(0, 160)}`;
        const label = `${o.method.toUpperCase()} ${url.slice(0, 300)} as ${caller} (${c.fault}${
          c.raw?.contentType !== undefined ? `, ${c.raw.contentType}` : ''
        }${c.raw?.encoding ? `, ${c.raw.encoding}` : ''})${input} -> ${res.status} ${res.text.slice(0, 300)}`;
        const fail = (why: string) => failures.push(`${why}: ${label}`);

        if (res.status >= 500) {
          serverErrors++;
          fail('5xx');
        } else if (res.status < 400) {
          if (!(String(res.status) in (o.op.responses as Json))) fail('undocumented success status');
          // A success may have written (GET /store/cart/mine makes a cart): recount before the next write.
          counts = undefined;
        } else {
          const type = res.headers.get('content-type') ?? '';
          const code = (res.body as { code?: unknown } | undefined)?.code;
          if (!type.startsWith('application/problem+json')) fail('4xx not problem+json');
          else if (!problem.safeParse(res.body).success) fail('4xx body is not a Problem');
          else {
            const under = documentedUnder(o.op, String(code));
            if (!under.length) fail(`undocumented code ${String(code)}`);
            else if (!under.includes(String(res.status)))
              fail(`code ${String(code)} documented under ${under.join(', ')}, not ${res.status}`);
          }
          if (writes) {
            const after = await tableCounts(t.store);
            const changed = Object.keys(after).filter((k) => after[k] !== counts?.[k]);
            if (changed.length) fail(`4xx changed row counts of ${changed.join(', ')}`);
            counts = after;
          }
        }
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz: ${operations.length} routes, ${cases} cases, ${serverErrors} 5xx (${testDialect}: ${successes} 2xx/3xx, ${refusals} 4xx, ${seconds} s; invalid input only: ${Object.keys(invalidOnly).join(', ')})`,
    );
    expect(cases).toBe(operations.length * CASES_PER_OPERATION);
    expect(failures).toEqual([]);
  }, 120_000);
});
