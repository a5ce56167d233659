import { coreSizes, heelBandOf, isValidGtin } from '@shoebox/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { demoCustomers, demoStaff } from './data.ts';
import { isEmpty, type SeedSummary, seedDemo } from './demo.ts';
import { buildFrame, generateStyles } from './generate.ts';

describe(`demo seed (${testDialect})`, () => {
  let t: TestApp;
  let summary: SeedSummary;
  beforeAll(async () => {
    t = await startTestApp();
    summary = await seedDemo(t.store);
  }, 180_000);
  afterAll(() => t.close());

  const all = async () => {
    const { products, variants, stockLevels, stockMovements } = t.store.t;
    return {
      products: await t.store.db.select().from(products),
      variants: await t.store.db.select().from(variants),
      levels: await t.store.db.select().from(stockLevels),
      movements: await t.store.db
        .select({
          variantId: stockMovements.variantId,
          locationId: stockMovements.locationId,
          kind: stockMovements.kind,
          onHand: sql<string | number>`sum(${stockMovements.onHandDelta})`,
          reserved: sql<string | number>`sum(${stockMovements.reservedDelta})`,
        })
        .from(stockMovements)
        .groupBy(stockMovements.variantId, stockMovements.locationId, stockMovements.kind),
    };
  };

  it('builds a shop of about 120 styles and 4,000 variants, mostly active', async () => {
    const { products, variants } = await all();
    expect(summary).toMatchObject({ staff: 3, customers: demoCustomers.length, categories: 7 });
    expect(summary.brands).toBeGreaterThanOrEqual(8);
    expect(summary.colours).toBeGreaterThanOrEqual(14);
    expect(products).toHaveLength(summary.products);
    expect(products.length).toBeGreaterThanOrEqual(110);
    expect(products.length).toBeLessThanOrEqual(130);
    expect(variants).toHaveLength(summary.variants);
    expect(variants.length).toBeGreaterThanOrEqual(3500);
    expect(variants.length).toBeLessThanOrEqual(4500);
    const status = (s: string) => products.filter((p) => p.status === s).length;
    expect(status('active')).toBeGreaterThanOrEqual(100);
    expect(status('draft')).toBeGreaterThan(0);
    expect(status('archived')).toBeGreaterThan(0);
    expect(await isEmpty(t.store)).toBe(false);
  });

  it('gives every variant a unique upper-case SKU and a valid in-store GTIN', async () => {
    const { variants } = await all();
    const skus = variants.map((v) => v.sku);
    expect(new Set(skus).size).toBe(skus.length);
    for (const sku of skus) expect(sku).toMatch(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/);
    const gtins = variants.map((v) => v.gtin ?? '');
    expect(new Set(gtins).size).toBe(gtins.length);
    for (const gtin of gtins) {
      expect(gtin).toMatch(/^200\d{10}$/);
      expect(isValidGtin(gtin)).toBe(true);
    }
  });

  it('keeps prices, heels, sizes and weights inside the shop rules', async () => {
    const { products, variants } = await all();
    for (const p of products) {
      expect(p.basePriceMinor).toBeGreaterThanOrEqual(4_900);
      expect(p.basePriceMinor).toBeLessThanOrEqual(28_900);
      expect([0, 95]).toContain(p.basePriceMinor % 100);
      expect(p.currency).toBe('EUR');
      expect(p.tags.length).toBeGreaterThan(0);
      if (/ballerina|flat$/.test(p.name)) expect(heelBandOf(p.heelHeightMm)).toBe('flat');
      if (p.name.endsWith(' pump')) expect(p.heelHeightMm).toBeGreaterThanOrEqual(70);
    }
    expect(new Set(products.map((p) => p.slug)).size).toBe(products.length);
    const sale = variants.filter((v) => v.compareAtMinor !== null);
    expect(sale.length).toBeGreaterThan(0);
    for (const v of sale) expect(v.priceMinor!).toBeLessThan(v.compareAtMinor!);
    for (const v of variants) {
      expect(v.sizeEuTenths).toBeGreaterThanOrEqual(350);
      expect(v.sizeEuTenths).toBeLessThanOrEqual(420);
      expect(v.weightGrams).toBeGreaterThanOrEqual(500);
      expect(v.weightGrams).toBeLessThanOrEqual(1_200);
      expect([2, 3]).toContain(v.lowStockThreshold);
    }
    expect(variants.some((v) => v.sizeEuTenths % 10 === 5)).toBe(true);
    expect(variants.some((v) => v.width === 'wide')).toBe(true);
  });

  it('lets each demo staff member and shopper sign in with the documented password', async () => {
    for (const s of demoStaff) {
      const res = await t.call('POST', '/admin/auth/sign-in', {
        body: { email: s.email, password: s.password },
      });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ email: s.email, role: s.role });
    }
    const ana = demoCustomers[0];
    const res = await t.call('POST', '/store/auth/sign-in', {
      body: { email: ana.email, password: ana.password },
    });
    expect(res.status).toBe(200);
  });

  it('keeps every stock level equal to the sum of its receive movements', async () => {
    const { variants, levels, movements } = await all();
    const ledger = new Map(movements.map((m) => [`${m.variantId}/${m.locationId}`, m]));
    expect(new Set(movements.map((m) => m.kind))).toEqual(new Set(['receive']));
    expect(ledger.size).toBe(movements.length);
    const levelKeys = new Set(levels.map((l) => `${l.variantId}/${l.locationId}`));
    for (const key of ledger.keys()) expect(levelKeys.has(key)).toBe(true);
    for (const level of levels) {
      const m = ledger.get(`${level.variantId}/${level.locationId}`);
      expect(level.onHand).toBe(Number(m?.onHand ?? 0));
      expect(level.reserved).toBe(0);
      expect(Number(m?.reserved ?? 0)).toBe(0);
      expect(level.onHand).toBeGreaterThanOrEqual(0);
      expect(level.onHand).toBeLessThanOrEqual(12);
    }
    // Every variant sits in a warehouse bin.
    const [warehouse] = await t.store.db
      .select()
      .from(t.store.t.stockLocations)
      .where(sql`${t.store.t.stockLocations.code} = 'WH1'`);
    const binned = levels.filter((l) => l.locationId === warehouse!.id && l.binId !== null);
    expect(binned).toHaveLength(variants.length);
    expect(levels.reduce((n, l) => n + l.onHand, 0)).toBe(summary.stockUnits);
  });

  it('has a realistic size curve, sold-out variants and at least three broken size runs', async () => {
    const { products, variants, levels } = await all();
    const onHand = new Map<string, number>();
    for (const l of levels) onHand.set(l.variantId, (onHand.get(l.variantId) ?? 0) + l.onHand);
    const bySize = new Map<number, number>();
    const perStyle = new Map<string, Map<number, number>>();
    for (const v of variants) {
      const units = onHand.get(v.id) ?? 0;
      bySize.set(v.sizeEuTenths, (bySize.get(v.sizeEuTenths) ?? 0) + units);
      const sizes = perStyle.get(v.productId) ?? new Map<number, number>();
      sizes.set(v.sizeEuTenths, (sizes.get(v.sizeEuTenths) ?? 0) + units);
      perStyle.set(v.productId, sizes);
    }
    expect(bySize.get(380)!).toBeGreaterThan(2 * bySize.get(350)!);
    expect(bySize.get(390)!).toBeGreaterThan(2 * bySize.get(420)!);

    const activeIds = new Set(products.filter((p) => p.status === 'active').map((p) => p.id));
    const onSale = variants.filter((v) => activeIds.has(v.productId));
    expect(onSale.filter((v) => (onHand.get(v.id) ?? 0) === 0).length).toBeGreaterThan(20);
    const lowStock = onSale.filter((v) => {
      const units = onHand.get(v.id) ?? 0;
      return units > 0 && units <= v.lowStockThreshold;
    });
    expect(lowStock.length).toBeGreaterThan(20);

    const broken = [...perStyle].filter(([productId, sizes]) => {
      if (!activeIds.has(productId)) return false;
      const coreOut = coreSizes.some((s) => (sizes.get(s * 10) ?? 0) === 0);
      const othersLeft = [...sizes.values()].some((units) => units > 0);
      return coreOut && othersLeft;
    });
    expect(broken.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a second seed on the same database and writes nothing', async () => {
    const before = await tableCounts(t.store);
    await expect(seedDemo(t.store)).rejects.toMatchObject({ kind: 'conflict', code: 'DEMO_SEED_REFUSED' });
    expect(await tableCounts(t.store)).toEqual(before);
  });
});

describe('demo shop generator', () => {
  const shop = (targetVariants?: number) => {
    const now = Date.UTC(2025, 0, 1);
    const frame = buildFrame(now, targetVariants);
    const styles: string[] = [];
    const skus: string[] = [];
    const stock: number[] = [];
    for (const chunk of generateStyles(frame, { now, targetVariants })) {
      styles.push(...chunk.products.map((p) => `${p.name}|${p.basePriceMinor}|${p.status}`));
      skus.push(...chunk.variants.map((v) => `${v.sku}|${v.gtin}|${v.priceMinor}`));
      stock.push(...chunk.levels.map((l) => l.onHand));
    }
    return { styles, skus, stock };
  };

  it('builds the same shop on every run', () => {
    expect(shop()).toEqual(shop());
  });

  it('grows to about N variants with the same styles first when scaled', () => {
    const base = shop();
    const scaled = shop(12_000);
    expect(scaled.skus.length).toBeGreaterThanOrEqual(12_000);
    expect(scaled.skus.length).toBeLessThan(12_100);
    expect(scaled.styles.slice(0, base.styles.length)).toEqual(base.styles);
    expect(new Set(scaled.skus.map((s) => s.split('|')[0])).size).toBe(scaled.skus.length);
  });
});
