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
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string' },
    seconds: { type: 'string', default: '15' },
    shoppers: { type: 'string', default: '20' },
    /** API processes on MariaDB (API_WORKERS); SQLite always runs one. */
    workers: { type: 'string', default: '1' },
    'log-level': { type: 'string' },
    terminal: { type: 'boolean', default: false },
    'checkout-limit': { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const shoppers = Number(values.shoppers);
/**
 * `npm start` allows 30 checkouts a minute per client IP, and all shoppers here share one IP: the
 * bench lifts that (as the outside harness must have, to reach 33 orders/s); --checkout-limit 30
 * shows what a single-IP client sees with the default.
 */
const checkoutLimit = values['checkout-limit'] ?? '10000000';

interface Row {
  dialect: string;
  orders: number;
  ordersPerSecond: number;
  checkoutP50: number;
  checkoutP99: number;
  /** A shopper's whole order, first request to paid (six requests), as the client sees it. */
  orderP50: number;
  orderP99: number;
  outOfStock: number;
  errors: number;
  /** API process CPU per completed order, ms (the cost that bounds throughput on one core). */
  apiCpuPerOrder: number;
  /** The same with the API's start-up (transpile, migrate, seed) and warm-up counted in, as `ps` TIME shows it. */
  apiCpuPerOrderSinceStart: number;
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
      CHECKOUT_RATE_LIMIT_PER_MINUTE: checkoutLimit,
      API_WORKERS: dialect === 'mysql' ? String(values.workers) : '1',
    },
    ...(values['log-level'] ? { logLevel: values['log-level'] } : {}),
    terminal: values.terminal,
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
    const machineBefore = machineTicks();
    const result = await runShoppers(base, skus, seconds, shoppers);
    const machine = machineShare(machineBefore, machineTicks());
    const clientCpu = process.cpuUsage(clientBefore);
    const cpuTotal = api.cpuMs();
    const cpuUsed = cpuTotal - cpuBefore;
    const statementsAfter = await api.statements();
    const steps = [...result.stepMs.entries()].map(([step, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return `  ${step.padEnd(34)} p50 ${percentile(sorted, 0.5)} ms  p99 ${percentile(sorted, 0.99)} ms  (${times.length})`;
    });
    const after = await levels(base, admin);
    process.stdout.write(`\n${dialect}: latency by step\n${steps.join('\n')}\n`);
    const clientMs = (clientCpu.user + clientCpu.system) / 1000;
    process.stdout.write(
      `  load generator CPU: ${round1(clientMs / Math.max(1, result.orders))} ms/order (${Math.round(clientMs / seconds / 10)}% of a core)\n` +
        `  API start-up CPU (transpile, migrate, seed): ${api.startupCpuMs} ms\n` +
        `  machine during the run: all cores ${machine.busy}% busy, ${machine.steal}% stolen by the host, load average ${loadAverage()}\n`,
    );

    const problems: string[] = [];
    if (after.negative > 0) problems.push(`${after.negative} negative level(s)`);
    const decrease = warm.onHand - after.onHand;
    if (decrease !== result.unitsSold)
      problems.push(`sold ${result.unitsSold} but stock fell by ${decrease}`);
    if (after.reserved !== warm.reserved + result.unitsPending)
      problems.push(`reserved ${after.reserved}, expected ${warm.reserved + result.unitsPending}`);
    const sorted = [...result.checkoutMs].sort((a, b) => a - b);
    const orderSorted = [...result.orderMs].sort((a, b) => a - b);
    return {
      dialect,
      orders: result.orders,
      ordersPerSecond: round1(result.orders / seconds),
      checkoutP50: percentile(sorted, 0.5),
      checkoutP99: percentile(sorted, 0.99),
      orderP50: percentile(orderSorted, 0.5),
      orderP99: percentile(orderSorted, 0.99),
      outOfStock: result.outOfStock,
      errors: result.errors.size === 0 ? 0 : [...result.errors.values()].reduce((a, b) => a + b, 0),
      apiCpuPerOrder: round1(cpuUsed / Math.max(1, result.orders)),
      apiCpuPerOrderSinceStart: round1(cpuTotal / Math.max(1, result.orders)),
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
  orderMs: number[];
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
    orderMs: [],
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
      const orderStarted = performance.now();
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
        result.orderMs.push(performance.now() - orderStarted);
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

/** Jiffies of all cores from /proc/stat: [busy, steal, total]. */
function machineTicks(): [number, number, number] {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = cpu as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const busy = user + nice + system + irq + softirq;
  return [busy, steal, busy + idle + iowait + steal];
}

function machineShare(before: [number, number, number], after: [number, number, number]) {
  const total = Math.max(1, after[2] - before[2]);
  return {
    busy: Math.round(((after[0] - before[0]) / total) * 100),
    steal: Math.round(((after[1] - before[1]) / total) * 100),
  };
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;

function printTable(rows: Row[]) {
  const lines = [
    '| dialect | completed orders | orders/s | order p50 ms | order p99 ms | checkout p50 ms | checkout p99 ms | API CPU ms/order | same, start-up included | SQL statements/order | out of stock | errors | oversells |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.dialect} | ${r.orders} | ${r.ordersPerSecond} | ${r.orderP50} | ${r.orderP99} | ${r.checkoutP50} | ${r.checkoutP99} | ${r.apiCpuPerOrder} | ${r.apiCpuPerOrderSinceStart} | ${r.statementsPerOrder ?? 'n/a'} | ${r.outOfStock} | ${r.errors} | ${r.oversold} |`,
    ),
  ];
  const settings = `API started like \`npm start\` (LOG_LEVEL ${values['log-level'] ?? 'unset: info'}, stdout ${values.terminal ? 'a terminal: pino-pretty' : 'a pipe: JSON lines'}), CHECKOUT_RATE_LIMIT_PER_MINUTE ${checkoutLimit}`;
  process.stdout.write(`\n${shoppers} shoppers, ${seconds} s; ${settings}\n\n${lines.join('\n')}\n`);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
