/**
 * A staff route's latency with the per-request session check (issue 19): `GET /admin/orders` (or
 * `--path`) with the demo owner's bearer token, 20 connections, on a freshly seeded SQLite API. Pass `--before <dir>` (a checkout of the code before the
 * check, e.g. `git archive ad7e844 | tar -x -C /tmp/before` with node_modules linked in) to run
 * it and this checkout back to back, `--rounds` times alternating, since the machine is shared.
 *
 *   npx tsx bench/staff-route.ts --before /tmp/shoebox-before --seconds 5 --rounds 2
 *
 * Run it on a quiet machine: on a shared one the figures swing by several times between runs.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startBenchApi } from './bench-api.ts';

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '2' },
    path: { type: 'string', default: '/admin/orders' },
  },
});

async function run(label: string, root: string | undefined) {
  const api = await startBenchApi('sqlite', {
    name: 'bench-staff',
    mariadbPort: 3330,
    logLevel: 'warn',
    ...(root ? { root } : {}),
  });
  if (!api) throw new Error('no API');
  try {
    const signIn = await fetch(`${api.base}/admin/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@shoebox.test', password: 'shoebox-owner-1' }),
    });
    const answer = (await signIn.json()) as { accessToken?: string; code?: string };
    // The demo owner has no two-factor; a seed that gives it one would need the code step here.
    if (!answer.accessToken) throw new Error(`demo owner sign-in refused: ${signIn.status} ${answer.code}`);
    const accessToken = answer.accessToken;
    const options = {
      url: `${api.base}${values.path}`,
      connections: Number(values.connections),
      headers: { authorization: `Bearer ${accessToken}` },
    };
    await autocannon({ ...options, duration: 1 }); // warm-up
    const cpuBefore = api.cpuMs();
    const r = await autocannon({ ...options, duration: Number(values.seconds) });
    const cpuPerRequest = (api.cpuMs() - cpuBefore) / Math.max(1, r.requests.total);
    return {
      label,
      rps: Math.round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.non2xx,
      cpuUsPerRequest: Math.round(cpuPerRequest * 1000),
    };
  } finally {
    await api.stop();
  }
}

const rows = [];
for (let round = 0; round < Number(values.rounds); round++) {
  if (values.before) rows.push(await run('before', values.before));
  rows.push(await run('after', undefined));
}
console.table(rows);
