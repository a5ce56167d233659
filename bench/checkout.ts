/**
 * Checkout benchmark: N concurrent shoppers (default 20), each looping create cart -> add a line
 * -> contact -> shipping -> checkout -> demo payment, against a real API process on the demo
 * catalog, on SQLite and on MariaDB. Reports completed orders/s, checkout-call latency, errors,
 * and checks for oversells at the end (no level negative; units sold == stock decrease; no
 * reservation left behind).
 *
 *   npm run bench:checkout                       # both dialects (MariaDB when installed)
 *   npm run bench:checkout -- --dialect mysql    # one dialect
 *   npm run bench:checkout -- --seconds 20 --shoppers 40
 *   npm run bench:checkout -- --dialect mysql --workers 2   # two API processes (API_WORKERS)
 */
import { startBenchApi } from './bench-api.ts';
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string' },
    seconds: { type: 'string', default: '15' },
    shoppers: { type: 'string', default: '20' },
    /** API processes on MariaDB (API_WORKERS); SQLite always runs one. */
    workers: { type: 'string', default: '1' },
  },
});
const seconds = Number(values.seconds);
const shoppers = Number(values.shoppers);

interface Row {
  dialect: string;
  orders: number;
  ordersPerSecond: number;
  checkoutP50: number;
  checkoutP99: number;
  outOfStock: number;
  errors: number;
  /** API process CPU per completed order, ms (the cost that bounds throughput on one core). */
  apiCpuPerOrder: number;
  /** SQL statements per completed order (MariaDB only). */
  statementsPerOrder: number | null;
  oversold: string;
}

async function main() {
  const dialects = values.dialect ? [values.dialect] : ['sqlite', 'mysql'];
  const rows: Row[] = [];
  for (const dialect of dialects) {
    const row = await benchDialect(dialect);
    if (row) rows.push(row);
  }
  printTable(rows);
  if (rows.some((r) => r.oversold !== 'none')) process.exitCode = 1;
}

async function benchDialect(dialect: string): Promise<Row | null> {
  const api = await startBenchApi(dialect, {
    name: 'bench-checkout',
    mariadbPort: 3321,
    env: {
      CHECKOUT_RATE_LIMIT_PER_MINUTE: '10000000',
      API_WORKERS: dialect === 'mysql' ? String(values.workers) : '1',
    },
  });
  if (!api) return null;
  try {
    const { base } = api;
    const admin = await signIn(base);
    const before = await levels(base, admin);
    const skus = [...before.bySku.entries()].filter(([, available]) => available > 0).map(([sku]) => sku);
    if (skus.length === 0) throw new Error('the demo catalog has no stock');

    // Warm-up (JIT, connection pools), not counted.
    await runShoppers(base, skus, 2, Math.min(shoppers, 4));
    const warm = await levels(base, admin);
    const cpuBefore = api.cpuMs();
    const statementsBefore = await api.statements();
    const clientBefore = process.cpuUsage();
    const result = await runShoppers(base, skus, seconds, shoppers);
    const clientCpu = process.cpuUsage(clientBefore);
    const cpuUsed = api.cpuMs() - cpuBefore;
    const statementsAfter = await api.statements();
    const steps = [...result.stepMs.entries()].map(([step, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return `  ${step.padEnd(34)} p50 ${percentile(sorted, 0.5)} ms  p99 ${percentile(sorted, 0.99)} ms  (${times.length})`;
    });
    const after = await levels(base, admin);
    process.stdout.write(`\n${dialect}: latency by step\n${steps.join('\n')}\n`);
    const clientMs = (clientCpu.user + clientCpu.system) / 1000;
    process.stdout.write(
      `  load generator CPU: ${round1(clientMs / Math.max(1, result.orders))} ms/order (${Math.round(clientMs / seconds / 10)}% of a core)\n`,
    );

    const problems: string[] = [];
    if (after.negative > 0) problems.push(`${after.negative} negative level(s)`);
    const decrease = warm.onHand - after.onHand;
    if (decrease !== result.unitsSold)
      problems.push(`sold ${result.unitsSold} but stock fell by ${decrease}`);
    if (after.reserved !== warm.reserved + result.unitsPending)
      problems.push(`reserved ${after.reserved}, expected ${warm.reserved + result.unitsPending}`);
    const sorted = [...result.checkoutMs].sort((a, b) => a - b);
    return {
      dialect,
      orders: result.orders,
      ordersPerSecond: round1(result.orders / seconds),
      checkoutP50: percentile(sorted, 0.5),
      checkoutP99: percentile(sorted, 0.99),
      outOfStock: result.outOfStock,
      errors: result.errors.size === 0 ? 0 : [...result.errors.values()].reduce((a, b) => a + b, 0),
      apiCpuPerOrder: round1(cpuUsed / Math.max(1, result.orders)),
      statementsPerOrder:
        statementsBefore === null || statementsAfter === null
          ? null
          : round1((statementsAfter - statementsBefore) / Math.max(1, result.orders)),
      oversold: problems.length ? problems.join('; ') : 'none',
    };
  } finally {
    await api.stop();
  }
}

interface RunResult {
  orders: number;
  unitsSold: number;
  unitsPending: number;
  outOfStock: number;
  errors: Map<string, number>;
  checkoutMs: number[];
  /** Latency of every request by step, for the breakdown. */
  stepMs: Map<string, number[]>;
}

const stepTimes = new Map<string, number[]>();

async function runShoppers(
  base: string,
  skus: string[],
  duration: number,
  count: number,
): Promise<RunResult> {
  const result: RunResult = {
    orders: 0,
    unitsSold: 0,
    unitsPending: 0,
    outOfStock: 0,
    errors: new Map(),
    checkoutMs: [],
    stepMs: stepTimes,
  };
  stepTimes.clear();
  const deadline = performance.now() + duration * 1000;
  const fail = (what: string) => result.errors.set(what, (result.errors.get(what) ?? 0) + 1);
  let n = 0;
  const unsellable = new Set<string>();
  const shopper = async () => {
    while (performance.now() < deadline) {
      const i = n++;
      const email = `bench${i}@example.ie`;
      const created = await call(base, 'POST', '/store/cart');
      if (created.status !== 201) {
        fail(`cart ${created.status}`);
        continue;
      }
      const headers = { 'x-cart-token': created.body.token as string };
      const sku = skus[Math.floor(Math.random() * skus.length)]!;
      if (unsellable.has(sku)) continue;
      const steps: Array<[string, string, unknown]> = [
        ['POST', '/store/cart/lines', { sku, quantity: 1 }],
        ['PUT', '/store/cart/contact', { email }],
        [
          'PUT',
          '/store/cart/shipping',
          {
            address: {
              name: 'Bench Shopper',
              line1: '1 Main Street',
              city: 'Dublin',
              postalCode: 'D01 F5P2',
              country: 'IE',
            },
            methodId: 'house-standard',
          },
        ],
      ];
      let ok = true;
      for (const [method, path, body] of steps) {
        const res = await call(base, method, path, body, headers);
        if (res.status >= 300) {
          if (res.body?.code === 'INSUFFICIENT_STOCK' || res.body?.code === 'OUT_OF_STOCK')
            result.outOfStock++;
          // Stock of a draft product or an inactive variant: not for sale; skip that SKU from now on.
          else if (res.body?.code === 'VARIANT_NOT_SELLABLE') unsellable.add(sku);
          else fail(`${path} ${res.status} ${res.body?.code ?? ''}`);
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const t0 = performance.now();
      const checkout = await call(base, 'POST', '/store/checkout', undefined, headers);
      result.checkoutMs.push(performance.now() - t0);
      if (checkout.status !== 201) {
        if (checkout.body?.code === 'INSUFFICIENT_STOCK') result.outOfStock++;
        else fail(`checkout ${checkout.status} ${checkout.body?.code ?? ''}`);
        continue;
      }
      const paid = await call(base, 'POST', '/store/checkout/demo-pay', {
        orderNumber: checkout.body.orderNumber,
        email,
        cardNumber: '4242424242424242',
      });
      if (paid.status === 200 && paid.body.status === 'paid') {
        result.orders++;
        result.unitsSold++;
      } else {
        fail(`demo-pay ${paid.status} ${paid.body?.code ?? paid.body?.status ?? ''}`);
        result.unitsPending++;
      }
    }
  };
  await Promise.all(Array.from({ length: count }, shopper));
  for (const [what, times] of result.errors) process.stderr.write(`  error: ${what} x${times}\n`);
  return result;
}

/**
 * The shoppers' HTTP client: node:http with keep-alive rather than fetch. The load generator
 * shares the 2 cores with the API and MariaDB, and fetch cost it about twice the CPU per request.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function send(
  base: string,
  method: string,
  path: string,
  body: string | undefined,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      base + path,
      {
        method,
        agent,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const started = performance.now();
  const res = await send(base, method, path, body === undefined ? undefined : JSON.stringify(body), headers);
  let parsed: any = null;
  try {
    parsed = res.text ? JSON.parse(res.text) : null;
  } catch {
    parsed = { text: res.text };
  }
  const step = `${method} ${path}`;
  const times = stepTimes.get(step) ?? [];
  times.push(performance.now() - started);
  stepTimes.set(step, times);
  return { status: res.status, body: parsed };
}

async function signIn(base: string): Promise<string> {
  const res = await call(base, 'POST', '/admin/auth/sign-in', {
    email: 'owner@shoebox.test',
    password: 'shoebox-owner-1',
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  return res.body.accessToken;
}

async function levels(base: string, token: string) {
  const bySku = new Map<string, number>();
  let onHand = 0;
  let reserved = 0;
  let negative = 0;
  for (let page = 1; ; page++) {
    const res = await fetch(`${base}/admin/inventory/levels?page=${page}&pageSize=200`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as {
      items: Array<{ sku: string; onHand: number; reserved: number; available: number }>;
      total: number;
    };
    for (const l of body.items) {
      onHand += l.onHand;
      reserved += l.reserved;
      if (l.onHand < 0 || l.reserved < 0 || l.available < 0) negative++;
      bySku.set(l.sku, (bySku.get(l.sku) ?? 0) + l.available);
    }
    if (page * 200 >= body.total) break;
  }
  return { bySku, onHand, reserved, negative };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;

function printTable(rows: Row[]) {
  const lines = [
    '| dialect | completed orders | orders/s | checkout p50 ms | checkout p99 ms | API CPU ms/order | SQL statements/order | out of stock | errors | oversells |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.dialect} | ${r.orders} | ${r.ordersPerSecond} | ${r.checkoutP50} | ${r.checkoutP99} | ${r.apiCpuPerOrder} | ${r.statementsPerOrder ?? 'n/a'} | ${r.outOfStock} | ${r.errors} | ${r.oversold} |`,
    ),
  ];
  process.stdout.write(`\n${shoppers} shoppers, ${seconds} s\n\n${lines.join('\n')}\n`);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
