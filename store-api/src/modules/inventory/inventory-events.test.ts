import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductFixture, type ProductFixture } from '../../test-support/catalog-fixtures.ts';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';

describe(`inventory.updated domain events (${testDialect})`, () => {
  let t: TestApp;
  let location: { id: string };
  let product: ProductFixture;
  const inventoryEvents = () =>
    t.store.db
      .select()
      .from(t.store.t.domainEvents)
      .where(eq(t.store.t.domainEvents.type, 'inventory.updated'));

  beforeAll(async () => {
    t = await startTestApp();
    location = (
      await t.call('POST', '/admin/stock-locations', {
        token: t.tokens.owner,
        body: { code: 'WH', name: 'Warehouse' },
      })
    ).body;
    product = await createProductFixture(t, { colours: ['RED'], sizes: [38, 39] });
  });
  afterAll(() => t.close());

  it('records one event per movement, in the same transaction, with the deltas', async () => {
    const [a, b] = [product.variant('RED', 38).id, product.variant('RED', 39).id];
    const received = await t.call('POST', '/admin/inventory/receive', {
      token: t.tokens.warehouse,
      body: {
        locationId: location.id,
        lines: [
          { variantId: a, quantity: 5 },
          { variantId: b, quantity: 3 },
        ],
      },
    });
    expect(received.status).toBe(201);
    const adjusted = await t.call('POST', '/admin/inventory/adjust', {
      token: t.tokens.warehouse,
      body: { locationId: location.id, variantId: a, delta: -1, reason: 'damage' },
    });
    expect(adjusted.status).toBe(201);

    const events = await inventoryEvents();
    expect(events).toHaveLength(3);
    const forA = events.filter((e) => e.aggregateId === a).map((e) => e.data);
    expect(forA).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'receive', onHandDelta: 5, locationId: location.id }),
        expect.objectContaining({ kind: 'adjust', onHandDelta: -1 }),
      ]),
    );
  });

  it('records nothing when the movement is refused', async () => {
    const before = (await inventoryEvents()).length;
    const refused = await t.call('POST', '/admin/inventory/adjust', {
      token: t.tokens.warehouse,
      body: { locationId: location.id, variantId: product.variant('RED', 39).id, delta: -99, reason: 'loss' },
    });
    expect(refused.status).toBe(422);
    expect((await inventoryEvents()).length).toBe(before);
  });
});
