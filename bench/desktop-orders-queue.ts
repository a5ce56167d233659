/**
 * The desktop's orders queue over its offline cache: 10,000 orders (two lines each) mirrored in
 * SQLite, 25 of them with a pending transition made on the device, queried as the orders screen
 * does (one page, newest first, with the total) through the backend's query. Target: under 20 ms.
 *
 *   npx tsx bench/desktop-orders-queue.ts [--orders 10000] [--runs 200]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { newId, orderStatuses } from '@shoebox/shared';
import { adminOrderListQuery } from '@shoebox/shared/contracts';
import type { AnyRow, EntityRow, SyncRecord } from '@shoebox/sync/protocol';
import { rowKey } from '@shoebox/sync/protocol';
import { openCacheDatabase } from '../desktop/src/backend/cache/database.ts';
import { SqliteStore } from '../desktop/src/backend/cache/sqlite-store.ts';
import { CacheView } from '../desktop/src/backend/local/cache-view.ts';
import { createDashboardCounts } from '../desktop/src/backend/local/dashboard-service.ts';
import { createOrdersQueue } from '../desktop/src/backend/local/orders-queue.ts';
import { visibilityOf } from '../desktop/src/backend/local/visibility.ts';
import { order } from '../desktop/src/backend/test-support/test-shop.ts';

const { values } = parseArgs({
  options: { orders: { type: 'string', default: '10000' }, runs: { type: 'string', default: '200' } },
});
const orderCount = Number(values.orders);
const runs = Number(values.runs);

const dir = mkdtempSync(join(tmpdir(), 'shoebox-bench-queue-'));
const db = openCacheDatabase(join(dir, 'cache.sqlite'));
const store = new SqliteStore(db);
const t0 = Date.UTC(2026, 0, 1);
const skus = Array.from({ length: 400 }, (_, i) => `STYLE${i % 80}-NUDE-${37 + (i % 6)}`);

const records: SyncRecord[] = [];
const orders: EntityRow<'order'>[] = [];
let seq = 0;
for (let n = 0; n < orderCount; n++) {
  const status = orderStatuses[n % orderStatuses.length] ?? 'paid';
  const row = { ...order(newId(), n, status, t0 + n * 37_000), number: `SB-${String(n).padStart(8, '0')}` };
  orders.push(row);
  records.push({ op: 'upsert', entity: 'order', id: row.id, seq: ++seq, row });
  for (let l = 0; l < 2; l++) {
    const line: EntityRow<'orderLine'> = {
      id: newId(),
      orderId: row.id,
      variantId: newId(),
      locationId: newId(),
      sku: skus[(n * 2 + l) % skus.length] ?? 'X',
      productName: 'Style',
      colourName: 'Nude',
      sizeEuTenths: 380,
      width: 'standard',
      quantity: 1 + l,
      unitPriceMinor: 9900,
      lineTotalMinor: 9900 * (1 + l),
    };
    records.push({ op: 'upsert', entity: 'orderLine', id: line.id, seq: ++seq, row: line });
  }
}
for (let i = 0; i < records.length; i += 1000)
  await store.applyPage(records.slice(i, i + 1000), `c${i}`, Date.now());

// Pending transitions, as the engine's overlay holds them.
const pending = new Map<string, AnyRow>();
for (const o of orders.filter((o) => o.status === 'paid').slice(0, 25))
  pending.set(rowKey('order', o.id), { ...o, status: 'picking', version: o.version + 1 });
const view = new CacheView(db, { pendingRows: () => pending });
const queue = createOrdersQueue(view);
const dashboard = createDashboardCounts(view);
const warehouse = visibilityOf('warehouse');
const manager = visibilityOf('manager');

const cases: [string, () => unknown][] = [
  ['first page, newest first (warehouse)', () => queue(adminOrderListQuery.parse({}), warehouse)],
  [
    'status paid,picking, page 3',
    () => queue(adminOrderListQuery.parse({ status: 'paid,picking', page: '3' }), warehouse),
  ],
  ['order-number prefix', () => queue(adminOrderListQuery.parse({ q: 'SB-0000' }), warehouse)],
  ['orders with a SKU', () => queue(adminOrderListQuery.parse({ sku: 'STYLE7-NUDE-38' }), warehouse)],
  [
    'email part + total range (manager)',
    () => queue(adminOrderListQuery.parse({ q: 'shopper12', minTotal: '100' }), manager),
  ],
  ['dashboard counts', () => dashboard()],
];

const ms = (ns: bigint) => Number(ns) / 1e6;
console.log(`orders queue over ${orderCount} orders (${records.length} mirrored rows), ${runs} runs each\n`);
console.log('| query | median | p95 | rows |');
console.log('|---|---:|---:|---:|');
for (const [name, run] of cases) {
  for (let i = 0; i < 10; i++) run(); // warm the statement cache
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = run() as { items?: unknown[] };
    times.push(ms(process.hrtime.bigint() - start));
    rows = result.items?.length ?? 1;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(2);
  console.log(`| ${name} | ${at(0.5)} ms | ${at(0.95)} ms | ${rows} |`);
}
db.close();
rmSync(dir, { recursive: true, force: true });
