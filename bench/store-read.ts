/**
 * Store read benchmark: listing (20 per page with facets) and product detail on the demo catalog,
 * 50 connections, against a real API process on SQLite and on MariaDB.
 *
 *   npm run bench                       # both dialects (MariaDB when installed)
 *   npm run bench -- --dialect sqlite   # one dialect
 *   npm run bench -- --seconds 20
 *
 * The API runs in its own process (bench-api.ts); the load generator runs here, so on a 2-core
 * machine each gets about one core.
 */
import { startBenchApi } from './bench-api.ts';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);

interface Row {
  dialect: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function main() {
  const dialects = values.dialect ? [values.dialect] : ['sqlite', 'mysql'];
  const rows: Row[] = [];
  for (const dialect of dialects) rows.push(...(await benchDialect(dialect)));
  printTable(rows);
}

async function benchDialect(dialect: string): Promise<Row[]> {
  const api = await startBenchApi(dialect, { name: 'bench-read', mariadbPort: 3320, logLevel: 'warn' });
  if (!api) return [];
  try {
    const { base } = api;
    const slugs = await productSlugs(base);
    const listingPaths = [
      '/store/products',
      '/store/products?sort=price_asc&page=2',
      '/store/products?category=pumps-heels&size=38',
      '/store/products?colour=black,nude&heel=mid,high',
      '/store/products?size=39&inStock=true&minPrice=5000&maxPrice=15000',
      `/store/products?brand=${await firstBrand(base)}&sort=new`,
    ];
    const detailPaths = slugs.map((s) => `/store/products/${s}`);
    const result: Row[] = [];
    for (const [scenario, paths] of [
      ['listing + facets', listingPaths],
      ['product detail', detailPaths],
    ] as const) {
      await run(base, paths, 2); // warm-up
      const r = await run(base, paths, seconds);
      result.push({ dialect, scenario, ...r });
    }
    return result;
  } finally {
    await api.stop();
  }
}

async function productSlugs(base: string): Promise<string[]> {
  const slugs: string[] = [];
  for (let page = 1; page <= 3; page++) {
    const res = await fetch(`${base}/store/products?pageSize=60&page=${page}`);
    const body = (await res.json()) as { items: Array<{ slug: string }> };
    slugs.push(...body.items.map((i) => i.slug));
  }
  if (slugs.length === 0) throw new Error('the demo catalog is empty');
  return slugs;
}

async function firstBrand(base: string): Promise<string> {
  const res = await fetch(`${base}/store/brands`);
  const brands = (await res.json()) as Array<{ slug: string }>;
  return brands[0]?.slug ?? '';
}

function run(base: string, paths: readonly string[], duration: number) {
  let i = 0;
  return new Promise<Omit<Row, 'dialect' | 'scenario'>>((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections,
        duration,
        requests: [
          {
            setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] ?? '/' }),
          },
        ],
      },
      (err: Error | null, r: autocannon.Result) => {
        if (err) return reject(err);
        resolve({
          rps: Math.round(r.requests.average),
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors + r.non2xx,
        });
      },
    );
  });
}

function printTable(rows: Row[]) {
  const lines = [
    `| dialect | scenario | req/s | p50 ms | p99 ms | errors |`,
    `|---|---|---:|---:|---:|---:|`,
    ...rows.map((r) => `| ${r.dialect} | ${r.scenario} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`),
  ];
  process.stdout.write(`\n${connections} connections, ${seconds} s per scenario\n\n${lines.join('\n')}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
