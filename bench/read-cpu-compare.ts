/**
 * Per-request CPU of the store reads, old checkout against this one: the API's CPU time (user +
 * system, /proc) and MariaDB's statement count over a fixed number of requests, not req/s, so a
 * busy machine changes the answer little. `npx tsx bench/read-cpu-compare.ts --before /old/checkout [--after /other/checkout]`
 * (each checkout needs its own node_modules/@shoebox links to its own packages).
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startBenchApi } from './bench-api.ts';

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string' },
    dialect: { type: 'string' },
    requests: { type: 'string', default: '6000' },
    rounds: { type: 'string', default: '2' },
  },
});
const requests = Number(values.requests);

async function measure(root: string | undefined, dialect: string, label: string) {
  const api = await startBenchApi(dialect, { name: 'read-cpu', mariadbPort: 3347, logLevel: 'warn', root });
  if (!api) return;
  try {
    const list = await (await fetch(`${api.base}/store/products?pageSize=60`)).json();
    const slugs = (list as { items: Array<{ slug: string }> }).items.map((i) => i.slug);
    const scenarios: Array<[string, string[]]> = [
      ['listing', ['/store/products', '/store/products?sort=price_asc&page=2', '/store/products?size=38']],
      ['detail', slugs.map((s) => `/store/products/${s}`)],
    ];
    for (const [name, paths] of scenarios) {
      await fire(api.base, paths, 1000);
      const cpu0 = api.cpuMs();
      const q0 = await api.statements();
      await fire(api.base, paths, requests);
      const cpu = api.cpuMs() - cpu0;
      const q1 = await api.statements();
      const stmts = q0 === null || q1 === null ? '-' : ((q1 - q0) / requests).toFixed(2);
      console.log(
        `${label}\t${dialect}\t${name}\t${((cpu / requests) * 1000).toFixed(0)} µs CPU/req\t${stmts} stmts/req`,
      );
    }
  } finally {
    await api.stop();
  }
}

function fire(base: string, paths: readonly string[], amount: number): Promise<void> {
  let i = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: 10,
        amount,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] ?? '/' }) }],
      },
      (err: Error | null) => (err ? reject(err) : resolve()),
    );
  });
}

async function main() {
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const dialect of values.dialect ? [values.dialect] : ['sqlite', 'mysql']) {
      if (values.before) await measure(values.before, dialect, 'before');
      await measure(values.after, dialect, 'after');
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
