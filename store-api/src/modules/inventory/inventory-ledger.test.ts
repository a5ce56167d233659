import { applyMovement, isDomainError, type MovementKind, type StockLevel } from '@shoebox/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../lib/request-context.ts';
import { createProductFixture } from '../../test-support/catalog-fixtures.ts';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';
import { createInventoryService, type InventoryService } from './inventory.service.ts';

type Op =
  | { op: 'receive'; v: number; l: number; q: number }
  | { op: 'adjust'; v: number; l: number; d: number }
  | { op: 'count'; v: number; l: number; counted: number; offset: number }
  | { op: 'transfer'; v: number; l: number; q: number }
  | { op: 'reserve' | 'release' | 'sell'; v: number; l: number; q: number };

const idx = fc.integer({ min: 0, max: 1 });
const qty = fc.integer({ min: 1, max: 5 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('receive' as const), v: idx, l: idx, q: qty }),
  fc.record({
    op: fc.constant('adjust' as const),
    v: idx,
    l: idx,
    d: fc.integer({ min: -5, max: 5 }).filter((d) => d !== 0),
  }),
  fc.record({
    op: fc.constant('count' as const),
    v: idx,
    l: idx,
    counted: fc.integer({ min: 0, max: 8 }),
    offset: fc.integer({ min: -2, max: 2 }),
  }),
  fc.record({ op: fc.constant('transfer' as const), v: idx, l: idx, q: qty }),
  fc.record({
    op: fc.constantFrom('reserve' as const, 'release' as const, 'sell' as const),
    v: idx,
    l: idx,
    q: qty,
  }),
);

describe(`inventory ledger: projection, races and refusals (${testDialect})`, () => {
  let t: TestApp;
  let inv: InventoryService;
  let staffId: string;
  let locations: string[];
  let variants: string[];

  const ctx = (): RequestContext => ({
    requestId: 'ledger-test',
    log: pino({ level: 'silent' }),
    actor: { type: 'staff', id: staffId, role: 'owner', sessionId: 'test' },
    now: Date.now(),
  });
  const key = (v: string, l: string) => `${v}|${l}`;

  /** Levels of the given variants as a map; a missing row reads as zeros. */
  const readLevels = async (variantIds: string[]) => {
    const l = t.store.t.stockLevels;
    const rows = await t.store.db.select().from(l).where(inArray(l.variantId, variantIds));
    const out = new Map<string, StockLevel>();
    for (const v of variantIds) for (const loc of locations) out.set(key(v, loc), { onHand: 0, reserved: 0 });
    for (const r of rows) out.set(key(r.variantId, r.locationId), { onHand: r.onHand, reserved: r.reserved });
    return out;
  };
  /** The ledger summed per (variant, location). */
  const ledgerSums = async (variantIds: string[]) => {
    const m = t.store.t.stockMovements;
    const rows = await t.store.db
      .select({
        variantId: m.variantId,
        locationId: m.locationId,
        onHand: sql<number>`sum(${m.onHandDelta})`.mapWith(Number),
        reserved: sql<number>`sum(${m.reservedDelta})`.mapWith(Number),
      })
      .from(m)
      .where(inArray(m.variantId, variantIds))
      .groupBy(m.variantId, m.locationId);
    const out = new Map<string, StockLevel>();
    for (const v of variantIds) for (const loc of locations) out.set(key(v, loc), { onHand: 0, reserved: 0 });
    for (const r of rows) out.set(key(r.variantId, r.locationId), { onHand: r.onHand, reserved: r.reserved });
    return out;
  };
  const outcome = async (run: () => Promise<unknown>): Promise<string> => {
    try {
      await run();
      return 'ok';
    } catch (e) {
      if (isDomainError(e)) return e.code;
      throw e;
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    inv = createInventoryService(t.store);
    staffId = (await t.call('GET', '/admin/me', { token: t.tokens.owner })).body.id;
    locations = [];
    for (const code of ['L1', 'L2'])
      locations.push(
        (
          await t.call('POST', '/admin/stock-locations', {
            token: t.tokens.owner,
            body: { code, name: code },
          })
        ).body.id,
      );
    const product = await createProductFixture(t, { styleCode: 'LEDGER', colours: ['RED'], sizes: [37, 38] });
    variants = product.variants.map((v) => v.id);
  });
  afterAll(() => t.close());

  it('keeps each level equal to the sum of its movements, never negative, refusing exactly what the domain rule refuses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
        const model = await readLevels(variants);
        for (const o of ops) {
          const v = variants[o.v]!;
          const l = locations[o.l]!;
          const here = model.get(key(v, l))!;
          // What the pure domain rule says should happen, step by step.
          const steps: Array<[string, MovementKind, number]> = [];
          let run: () => Promise<unknown>;
          switch (o.op) {
            case 'receive':
              steps.push([l, 'receive', o.q]);
              run = () => inv.receive(ctx(), { locationId: l, lines: [{ variantId: v, quantity: o.q }] });
              break;
            case 'adjust':
              steps.push([l, 'adjust', o.d]);
              run = () =>
                inv.adjust(ctx(), { locationId: l, variantId: v, delta: o.d, reason: 'correction' });
              break;
            case 'count': {
              const expectedOnHand = Math.max(0, here.onHand + o.offset);
              steps.push([l, 'count', o.counted - expectedOnHand]);
              run = () =>
                inv.count(ctx(), {
                  locationId: l,
                  lines: [{ variantId: v, counted: o.counted, expectedOnHand }],
                });
              break;
            }
            case 'transfer': {
              const to = locations[1 - o.l]!;
              steps.push([l, 'transfer_out', o.q], [to, 'transfer_in', o.q]);
              run = () =>
                inv.transfer(ctx(), { fromLocationId: l, toLocationId: to, variantId: v, quantity: o.q });
              break;
            }
            default: {
              steps.push([l, o.op, o.q]);
              const fn = inv[o.op];
              run = () =>
                t.store.tx((tx) =>
                  fn(tx, ctx(), { variantId: v, locationId: l, quantity: o.q, reference: 'prop' }),
                );
            }
          }
          const next = new Map(model);
          let expected = 'ok';
          for (const [loc, kind, quantity] of steps) {
            const r = applyMovement(next.get(key(v, loc))!, { kind, quantity });
            if (!r.ok) {
              expected = r.error.code;
              break;
            }
            next.set(key(v, loc), r.value);
          }
          expect(await outcome(run), JSON.stringify(o)).toBe(expected);
          if (expected === 'ok') for (const [k, level] of next) model.set(k, level);
        }
        const levels = await readLevels(variants);
        expect(levels).toEqual(model);
        expect(await ledgerSums(variants)).toEqual(levels);
        for (const level of levels.values()) {
          expect(level.reserved).toBeGreaterThanOrEqual(0);
          expect(level.onHand).toBeGreaterThanOrEqual(level.reserved);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('lets exactly 20 of 50 concurrent -1 adjustments through when 20 are on hand', async () => {
    const product = await createProductFixture(t, { styleCode: 'RACE', colours: ['RED'], sizes: [38, 39] });
    const v = product.variants[0]!.id;
    const l = locations[0]!;
    await t.call('POST', '/admin/inventory/receive', {
      token: t.tokens.warehouse,
      body: { locationId: l, lines: [{ variantId: v, quantity: 20 }] },
    });
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.call('POST', '/admin/inventory/adjust', {
          token: t.tokens.warehouse,
          body: { locationId: l, variantId: v, delta: -1, reason: 'loss' },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 422)).toHaveLength(30);
    expect(results.filter((r) => r.status === 422).every((r) => r.body.code === 'INSUFFICIENT_STOCK')).toBe(
      true,
    );
    const level = (await readLevels([v])).get(key(v, l))!;
    expect(level).toEqual({ onHand: 0, reserved: 0 });
    expect((await ledgerSums([v])).get(key(v, l))).toEqual(level);
    const m = t.store.t.stockMovements;
    expect(await t.store.db.$count(m, eq(m.variantId, v))).toBe(21);
  });

  it('loses no update among 40 concurrent mixed +1/-1 adjustments', async () => {
    const product = await createProductFixture(t, { styleCode: 'MIX', colours: ['RED'], sizes: [38] });
    const v = product.variants[0]!.id;
    const l = locations[1]!;
    await inv.receive(ctx(), { locationId: l, lines: [{ variantId: v, quantity: 20 }] });
    const deltas = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? -1 : 1));
    const results = await Promise.all(
      deltas.map((delta) =>
        t.call('POST', '/admin/inventory/adjust', {
          token: t.tokens.warehouse,
          body: { locationId: l, variantId: v, delta, reason: delta > 0 ? 'found' : 'loss' },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(deltas.map(() => 201));
    const level = (await readLevels([v])).get(key(v, l))!;
    expect(level.onHand).toBe(20 + deltas.reduce((a, b) => a + b, 0));
    expect((await ledgerSums([v])).get(key(v, l))).toEqual(level);
  });

  it('creates a level once when 30 first receipts for it race', async () => {
    const product = await createProductFixture(t, { styleCode: 'FIRST', colours: ['RED'], sizes: [38] });
    const v = product.variants[0]!.id;
    const l = locations[0]!;
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        t.call('POST', '/admin/inventory/receive', {
          token: t.tokens.warehouse,
          body: { locationId: l, lines: [{ variantId: v, quantity: 2 }] },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    expect((await readLevels([v])).get(key(v, l))).toEqual({ onHand: 60, reserved: 0 });
  });

  it('reserves each unit once when 50 checkouts race for 20 units', async () => {
    const product = await createProductFixture(t, { styleCode: 'RUSH', colours: ['RED'], sizes: [38] });
    const v = product.variants[0]!.id;
    const l = locations[0]!;
    await inv.receive(ctx(), { locationId: l, lines: [{ variantId: v, quantity: 20 }] });
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        outcome(() =>
          t.store.tx((tx) =>
            inv.reserve(tx, ctx(), { variantId: v, locationId: l, quantity: 1, reference: `order-${i}` }),
          ),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(20);
    expect(outcomes.filter((o) => o === 'INSUFFICIENT_STOCK')).toHaveLength(30);
    expect((await readLevels([v])).get(key(v, l))).toEqual({ onHand: 20, reserved: 20 });
  });

  it('writes nothing for a refused reserve, even when the caller catches the error and commits', async () => {
    const product = await createProductFixture(t, { styleCode: 'NONE', colours: ['RED'], sizes: [38] });
    const v = product.variants[0]!.id;
    const l = locations[0]!;
    const code = await t.store.tx(async (tx) =>
      outcome(() =>
        inv.reserve(tx, ctx(), { variantId: v, locationId: l, quantity: 1, reference: 'order-x' }),
      ),
    );
    expect(code).toBe('INSUFFICIENT_STOCK');
    const lv = t.store.t.stockLevels;
    const m = t.store.t.stockMovements;
    expect(await t.store.db.$count(lv, eq(lv.variantId, v))).toBe(0);
    expect(await t.store.db.$count(m, eq(m.variantId, v))).toBe(0);
  });

  it('sells only reserved units and refuses invalid quantities from flows', async () => {
    const product = await createProductFixture(t, { styleCode: 'FLOW', colours: ['RED'], sizes: [38] });
    const v = product.variants[0]!.id;
    const l = locations[0]!;
    await inv.receive(ctx(), { locationId: l, lines: [{ variantId: v, quantity: 3 }] });
    const line = { variantId: v, locationId: l, reference: 'order-1' };
    await t.store.tx((tx) => inv.reserve(tx, ctx(), { ...line, quantity: 2 }));
    expect(await outcome(() => t.store.tx((tx) => inv.sell(tx, ctx(), { ...line, quantity: 3 })))).toBe(
      'INSUFFICIENT_RESERVED',
    );
    await t.store.tx((tx) => inv.sell(tx, ctx(), { ...line, quantity: 2 }));
    expect((await readLevels([v])).get(key(v, l))).toEqual({ onHand: 1, reserved: 0 });
    for (const quantity of [0, -1, 1.5])
      expect(await outcome(() => t.store.tx((tx) => inv.reserve(tx, ctx(), { ...line, quantity })))).toBe(
        'INVALID_QUANTITY',
      );
    const changes = t.store.t.changeLog;
    expect(
      await t.store.db.$count(changes, sql`${changes.entity} = 'stock' and ${changes.entityId} = ${v}`),
    ).toBe(3);
  });
});
