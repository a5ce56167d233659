import { newId } from '@shoebox/shared';
import { createShoeboxClient, isShoeboxApiError, type ShoeboxApiError } from '@shoebox/shared/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  staffPasswords,
  startTestApp,
  type TestApp,
  tableCounts,
  testDialect,
} from '../../test-support/harness.ts';

/** The rejection of `promise`, which must be a ShoeboxApiError. */
async function apiError(promise: Promise<unknown>): Promise<ShoeboxApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(isShoeboxApiError(error), String(error)).toBe(true);
  return error as ShoeboxApiError;
}

describe(`typed client against the real app (${testDialect})`, () => {
  let t: TestApp;
  let token: string | undefined;
  let cartToken: string | undefined;
  let client: ReturnType<typeof createShoeboxClient>;

  beforeAll(async () => {
    t = await startTestApp();
    client = createShoeboxClient({
      baseUrl: `${t.baseUrl}/`,
      fetch: t.fetch,
      getToken: () => token,
      cartToken: () => cartToken,
      validateResponses: true,
    });
  });
  afterAll(() => t.close());

  it('signs in and sends the token on later calls', async () => {
    const session = await client.admin.auth.signIn({
      email: 'OWNER@test.shop',
      password: staffPasswords.owner,
    });
    expect(session.user.role).toBe('owner');
    expect(session.permissions).toContain('catalog:write');
    token = session.accessToken;
    const me = await client.admin.me();
    expect(me.email).toBe('owner@test.shop');
    expect(me.permissions).toContain('staff:manage');
  });

  it('creates and lists the catalog with typed bodies and answers', async () => {
    const brand = await client.admin.brands.create({ name: 'Bellamy' });
    const category = await client.admin.categories.create({ name: 'Pumps & heels' });
    const colour = await client.admin.colours.create({ name: 'Nude', family: 'nude', swatchHex: '#e3bc9a' });
    expect(colour.swatchHex).toBe('#E3BC9A');
    const product = await client.admin.products.create({
      name: 'Mila pointed-toe pump',
      styleCode: 'mila',
      brandId: brand.id,
      categoryId: category.id,
      material: 'Nappa leather',
      heelHeightMm: 75,
      basePriceMinor: 8900,
      currency: 'EUR',
    });
    expect(product.status).toBe('draft');
    const { created } = await client.admin.variants.generate(product.id, {
      colourIds: [colour.id],
      sizes: [38, 39],
    });
    expect(created.map((v) => v.sku)).toEqual(['MILA-NUDE-38', 'MILA-NUDE-39']);
    await client.admin.products.update(product.id, { status: 'active', baseVersion: product.version });
    const location = await client.admin.stockLocations.create({ code: 'main', name: 'Main' });
    await client.admin.inventory.receive({
      locationId: location.id,
      lines: created.map((v) => ({ variantId: v.id, quantity: 5 })),
    });
    const adjusted = await client.admin.inventory.adjust({
      locationId: location.id,
      variantId: created[0]!.id,
      delta: -1,
      reason: 'damage',
    });
    expect(adjusted.level.onHand).toBe(4);

    const page = await client.admin.products.list({ q: 'mila', pageSize: 5 });
    expect(page.total).toBe(1);
    expect(page.items[0]!.id).toBe(product.id);
    const levels = await client.admin.inventory.levels({ locationId: location.id });
    expect(levels.items.map((l) => l.available).sort()).toEqual([4, 5]);
    expect((await client.admin.variants.lookup({ sku: 'mila-nude-39' })).id).toBe(created[1]!.id);

    const listing = await client.store.products.list({ size: [38, 38.5], colour: ['nude'], inStock: true });
    expect(listing.items.map((p) => p.slug)).toEqual([product.slug]);
    const detail = await client.store.products.get(product.slug);
    expect(detail.colours[0]!.variants.map((v) => v.available)).toEqual([4, 5]);
    expect((await client.store.categories()).map((c) => c.slug)).toEqual(['pumps-heels']);
  });

  it('turns problem+json answers into ShoeboxApiError with code, status and request id', async () => {
    const missing = await apiError(client.admin.products.get(newId()));
    expect(missing).toMatchObject({ status: 404, kind: 'not_found', code: 'PRODUCT_NOT_FOUND' });
    expect(missing.requestId).toMatch(/.+/);
    expect(missing.problem?.requestId).toBe(missing.requestId);

    const before = await tableCounts(t.store);
    const invalid = await apiError(
      client.admin.brands.create({ name: '', sizeChart: null } as unknown as { name: string }),
    );
    expect(invalid).toMatchObject({ status: 400, kind: 'validation', code: 'VALIDATION_FAILED' });
    expect(invalid.errors?.map((e) => e.path)).toEqual(['name']);
    expect(await tableCounts(t.store)).toEqual(before);

    const anonymous = createShoeboxClient({ baseUrl: t.baseUrl, fetch: t.fetch });
    const signedOut = await apiError(anonymous.admin.products.list());
    expect(signedOut).toMatchObject({ status: 401, kind: 'unauthenticated', code: 'SIGN_IN_REQUIRED' });

    const warehouse = createShoeboxClient({
      baseUrl: t.baseUrl,
      fetch: t.fetch,
      getToken: () => t.tokens.warehouse,
    });
    const denied = await apiError(warehouse.admin.brands.create({ name: 'Nope' }));
    expect(denied).toMatchObject({ status: 403, kind: 'forbidden', code: 'PERMISSION_DENIED' });

    const wrongPassword = await apiError(
      anonymous.admin.auth.signIn({ email: 'owner@test.shop', password: 'not-the-password' }),
    );
    expect(wrongPassword).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect(wrongPassword).toBeInstanceOf(Error);
  });

  it('sends the cart token from its option', async () => {
    const missing = await apiError(client.store.cart.get());
    expect(missing.code).toBe('CART_TOKEN_REQUIRED');
    const created = await client.store.cart.create();
    cartToken = created.token;
    const cart = await client.store.cart.get();
    expect(cart.id).toBe(created.cart.id);
    expect(cart.lines).toEqual([]);
  });

  it('reports an unreachable server as NETWORK_ERROR with status 0', async () => {
    const offline = createShoeboxClient({ baseUrl: 'http://127.0.0.1:9' });
    const error = await apiError(offline.store.brands());
    expect(error).toMatchObject({ status: 0, kind: 'external', code: 'NETWORK_ERROR' });
  });

  it('refuses an answer that does not match its contract when validating', async () => {
    const lying = createShoeboxClient({
      baseUrl: t.baseUrl,
      validateResponses: true,
      fetch: async () =>
        new Response(JSON.stringify([{ slug: 'x' }]), { headers: { 'content-type': 'application/json' } }),
    });
    const error = await apiError(lying.store.brands());
    expect(error.code).toBe('RESPONSE_INVALID');
    expect(error.errors?.length).toBeGreaterThan(0);
  });
});
