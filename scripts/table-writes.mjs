// Which store-api files may write which tables: each table belongs to one module (or one shared
// appender), and only files inside it may INSERT, UPDATE or DELETE it. Everyone else calls that
// module's API (docs/architecture.md, "How to add a write"; docs/decisions/0008).
//
// Writes are found statically, in drizzle (`tx.update(store.t.orders)`, `.insert(o)` after
// `const o = store.t.orders`, `deferRows(store, tx, store.t.orderEvents, ...)`, `insertIfAbsent`,
// `insertSql`) and in hand-written SQL (`update orders set`, `insert into ${t.orders}`). Reads are
// not checked. Tests, fixtures, test-support/ and db/ (schema, seed, the store itself) are exempt.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Table (drizzle key) -> the folders or files under store-api/src that may write it. */
export const TABLE_OWNERS = {
  auditLog: ['modules/audit/'],
  staffUsers: ['modules/auth/', 'modules/staff/'],
  // cart.repo.ts only locks the customer row (a no-op update) while it finds or makes their cart.
  customers: ['modules/auth/', 'modules/cart/cart.repo.ts'],
  customerAddresses: ['modules/account/'],
  wishlistItems: ['modules/account/'],
  customerPreferences: ['modules/account/'],
  refreshTokens: ['modules/auth/'],
  apiKeys: ['modules/auth/'],
  staffTwoFactor: ['modules/auth/'],
  staffRecoveryCodes: ['modules/auth/'],
  staffSignIns: ['modules/auth/'],
  securitySettings: ['modules/auth/'],
  brands: ['modules/catalog/'],
  categories: ['modules/catalog/'],
  colours: ['modules/catalog/'],
  products: ['modules/catalog/'],
  variants: ['modules/catalog/'],
  productImages: ['modules/catalog/'],
  productImageFiles: ['modules/catalog/'],
  stockLocations: ['modules/inventory/'],
  bins: ['modules/inventory/'],
  stockLevels: ['modules/inventory/'],
  stockMovements: ['modules/inventory/'],
  outbox: ['modules/notifications/'],
  sentMail: ['modules/notifications/'],
  carts: ['modules/cart/'],
  cartLines: ['modules/cart/'],
  coupons: ['modules/coupons/'],
  couponRedemptions: ['modules/coupons/'],
  orders: ['modules/orders/'],
  orderLines: ['modules/orders/'],
  orderEvents: ['modules/orders/'],
  refunds: ['modules/orders/'],
  paymentEvents: ['modules/orders/'],
  pickBatches: ['modules/fulfillment/'],
  pickBatchLines: ['modules/fulfillment/'],
  orderPacks: ['modules/fulfillment/'],
  shipments: ['modules/shipping/'],
  shipmentEvents: ['modules/shipping/'],
  trackingCounters: ['modules/shipping/'],
  trackingBlocks: ['modules/shipping/'],

  returns: ['modules/returns/'],
  returnLines: ['modules/returns/'],
  changeLog: ['lib/changes.ts'],
  domainEvents: ['lib/domain-events.ts'],
  jobLeases: ['jobs/scheduler.ts'],
  devices: ['modules/sync/'],
  syncResults: ['modules/sync/'],
  syncServer: ['modules/sync/'],
  productReviews: ['modules/reviews/'],
  backInStockRequests: ['modules/back-in-stock/'],
};

const EXEMPT = [/\.test\.ts$/, /(^|\/)[\w-]*fixtures\.ts$/, /^test-support\//, /^db\//];

/** drizzle key and SQL name of every table, from the MySQL schema files. */
export function tablesOf(schemaDir) {
  const byKey = new Map();
  for (const file of readdirSync(schemaDir)) {
    const text = readFileSync(join(schemaDir, file), 'utf8');
    for (const m of text.matchAll(/export const (\w+) = mysqlTable\(\s*'(\w+)'/g)) byKey.set(m[1], m[2]);
  }
  return byKey;
}

/** Code without comments (keeps line numbers). */
function withoutComments(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\w])\/\/.*$/gm, '$1');
}

/** Local names bound to tables: `const o = store.t.orders`, `const { orders, refunds: r } = store.t`. */
function aliasesOf(code, tableKeys) {
  const aliases = new Map();
  for (const m of code.matchAll(/(?:const|let)\s+(\w+)\s*=\s*(?:[\w.]*\.)?t\.(\w+)\s*;/g))
    if (tableKeys.has(m[2])) aliases.set(m[1], m[2]);
  for (const m of code.matchAll(/(?:const|let)\s*\{([^}]+)\}\s*=\s*(?:[\w.]*\.)?t\s*;/g)) {
    for (const part of m[1].split(',')) {
      const [key, local] = part.split(':').map((s) => s.trim());
      if (key && tableKeys.has(key)) aliases.set(local || key, key);
    }
  }
  return aliases;
}

/** The tables a file writes, with line numbers. */
export function tableWrites(text, tables) {
  const code = withoutComments(text);
  const keys = new Set(tables.keys());
  const keyOfSqlName = new Map([...tables].map(([key, name]) => [name, key]));
  const aliases = aliasesOf(code, keys);
  const resolve = (expr) => {
    const direct = /(?:^|\.)t\.(\w+)$/.exec(expr);
    if (direct && keys.has(direct[1])) return direct[1];
    return aliases.get(expr) ?? null;
  };
  const found = [];
  const add = (index, key) => found.push({ table: key, line: code.slice(0, index).split('\n').length });
  const patterns = [
    /\.(?:insert|update|delete)\(\s*([\w.]+)\s*\)/g,
    /\b(?:deferRows|insertRows)\(\s*[\w.]+\s*,\s*[\w.]+\s*,\s*([\w.]+)/g,
    /\binsertIfAbsent\(\s*[\w.]+\s*,\s*([\w.]+)/g,
    /\binsertSql\(\s*([\w.]+)/g,
    /\b(?:insert\s+into|update|delete\s+from)\s+\$\{\s*([\w.]+)\s*\}/gi,
  ];
  for (const re of patterns)
    for (const m of code.matchAll(re)) {
      const key = resolve(m[1]);
      if (key) add(m.index, key);
    }
  for (const m of code.matchAll(/\b(?:insert\s+into|update|delete\s+from)\s+[`"]?(\w+)[`"]?\s/gi)) {
    const key = keyOfSqlName.get(m[1]);
    if (key) add(m.index, key);
  }
  return found;
}

/** Violations of TABLE_OWNERS in one store-api file (`rel`: its path under store-api/src). */
export function ownershipProblems(rel, text, tables) {
  if (EXEMPT.some((re) => re.test(rel))) return [];
  const problems = [];
  for (const { table, line } of tableWrites(text, tables)) {
    const owners = TABLE_OWNERS[table];
    if (!owners)
      problems.push({ line, rule: `writes ${table}, which has no owner in scripts/table-writes.mjs` });
    else if (!owners.some((o) => (o.endsWith('/') ? rel.startsWith(o) : rel === o)))
      problems.push({
        line,
        rule: `writes table ${table}, which only ${owners.join(' or ')} may write: call that module's API`,
      });
  }
  return problems;
}

/** Cases the rule must catch and pass; run before every check so a broken regex fails loudly. */
export function selfTest(tables) {
  const cases = [
    ['flows/x.flow.ts', 'await tx.update(store.t.orders).set({})', 1],
    ['flows/x.flow.ts', 'const o = deps.store.t.orders;\nawait tx\n  .update(o)\n  .set({})', 1],
    ['flows/x.flow.ts', 'await deferRows(store, tx, store.t.orderEvents, rows)', 1],
    ['flows/x.flow.ts', 'await store.run(tx, sql`update orders set flagged = 1`)', 1],
    ['modules/cart/x.ts', 'const { coupons } = store.t;\nawait tx.insert(coupons).values(v)', 1],
    ['modules/orders/x.ts', 'await tx.update(store.t.orders).set({})', 0],
    ['flows/x.flow.ts', 'const o = store.t.orders;\nawait tx.select().from(o)', 0],
    ['flows/x.flow.ts', '// we never update orders here\nmap.delete(key)', 0],
    ['flows/x.test.ts', 'await tx.update(store.t.orders).set({})', 0],
  ];
  const failed = cases.filter(([rel, text, n]) => ownershipProblems(rel, text, tables).length !== n);
  return failed.map(([rel, text, n]) => `table-write rule self-test: expected ${n} in ${rel}: ${text}`);
}

/**
 * Who may call the single-purpose appenders. A write says what happened through one call,
 * lib/what-happened.ts `recordWhatHappened` (docs/decisions/0023); only that file, the appenders'
 * own modules and the order's write API (its change record goes with its guarded update) call them.
 */
export const APPENDERS = {
  recordAudit: ['lib/what-happened.ts', 'modules/audit/'],
  recordChanges: ['lib/what-happened.ts', 'lib/changes.ts', 'modules/orders/order-writes.ts'],
  recordDomainEvents: ['lib/what-happened.ts', 'lib/domain-events.ts'],
  enqueue: ['lib/what-happened.ts', 'modules/notifications/'],
};

/**
 * Modules still calling the appenders directly, being changed elsewhere at the time of writing:
 * they move to `recordWhatHappened` with their next change, and leave this list then.
 */
export const APPENDER_CALLS_TO_MOVE = [
  'modules/sync/',
  'modules/fulfillment/',
  'modules/shipping/',
  'modules/returns/',
];

/** Direct calls of an appender from a file that should say what happened through the one call. */
export function appenderProblems(rel, text) {
  if (EXEMPT.some((re) => re.test(rel))) return [];
  const inside = (owners) => owners.some((o) => (o.endsWith('/') ? rel.startsWith(o) : rel === o));
  if (inside(APPENDER_CALLS_TO_MOVE)) return [];
  const code = withoutComments(text);
  const problems = [];
  for (const [name, owners] of Object.entries(APPENDERS)) {
    if (inside(owners)) continue;
    for (const m of code.matchAll(new RegExp(`(?<![\\w.])${name}\\(`, 'g')))
      problems.push({
        line: code.slice(0, m.index).split('\n').length,
        rule: `calls ${name} directly: declare it through recordWhatHappened (lib/what-happened.ts)`,
      });
  }
  return problems;
}

/** Cases the appender rule must catch and pass. */
export function appenderSelfTest() {
  const cases = [
    ['modules/catalog/x.ts', 'await recordAudit(store, tx, ctx, entry);', 1],
    [
      'flows/x.flow.ts',
      'await enqueue(tx, store, { topic });\nawait recordChanges(store, tx, e, ids, now);',
      2,
    ],
    ['modules/catalog/x.ts', 'await recordWhatHappened(store, tx, ctx, { audit });', 0],
    ['modules/catalog/x.ts', 'services.notifications.enqueue(tx, input)', 0],
    ['lib/what-happened.ts', 'await recordAudit(store, tx, ctx, entry);', 0],
    ['modules/catalog/x.test.ts', 'await recordAudit(store, tx, ctx, entry);', 0],
  ];
  const failed = cases.filter(([rel, text, n]) => appenderProblems(rel, text).length !== n);
  return failed.map(([rel, text, n]) => `appender rule self-test: expected ${n} in ${rel}: ${text}`);
}
