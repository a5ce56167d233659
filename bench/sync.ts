/**
 * Desktop sync against a real API process on the demo shop (about 3.9k variants, 1k orders):
 *
 * - initial sync: sync's client engine, an empty in-memory mirror, pulled to the head over HTTP;
 * - incremental pull: 100 stock changes made in the back office, then one sync (median of 5);
 * - push backlog: 2,000 queued mutations (100 per push, as the desktop sends them) applied.
 *
 *   npx tsx bench/sync.ts [--dialect sqlite|mysql]
 */
import { parseArgs } from 'node:util';
import { DomainError, newId } from '@shoebox/shared';
import { SyncClient } from '@shoebox/sync/client';
import { PROTOCOL_VERSION, pullQuery } from '@shoebox/sync/protocol';
import { emptyDisk, MemoryStore } from '@shoebox/sync/testing';
import { startBenchApi } from './bench-api.ts';

const { values } = parseArgs({ options: { dialect: { type: 'string' } } });

interface Row {
  dialect: string;
  what: string;
  ms: number;
  /** CPU the API process spent on it (less sensitive to a loaded machine than wall time). */
  apiCpuMs: number;
  detail: string;
}

async function call(
  base: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  credential?: string,
) {
  const res = await fetch(base + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(credential ? { 'x-device-credential': credential } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (res.headers.get('content-type')?.startsWith('application/problem+json'))
    throw DomainError.from({ kind: 'validation', code: String(json.code), message: String(json.detail) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
  return json;
}

async function benchDialect(dialect: string): Promise<Row[]> {
  const api = await startBenchApi(dialect, {
    name: 'bench-sync',
    mariadbPort: 3322,
    env: { SYNC_RATE_LIMIT_PER_MINUTE: '1000000', AUTH_RATE_LIMIT_PER_MINUTE: '1000' },
  });
  if (!api) return [];
  const rows: Row[] = [];
  try {
    const { base } = api;
    const signIn = await fetch(`${base}/admin/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@shoebox.test', password: 'shoebox-owner-1' }),
    });
    const token = String(((await signIn.json()) as { accessToken: string }).accessToken);
    const deviceId = newId();
    const registered = await call(base, 'POST', '/admin/devices', token, {
      id: deviceId,
      name: 'Bench desk',
      mode: 'electron',
      appVersion: 'bench',
    });
    const credential = String(registered.credential);
    const disk = emptyDisk();
    const client = new SyncClient({
      deviceId,
      store: new MemoryStore(disk),
      transport: {
        pull: (request) =>
          call(
            base,
            'GET',
            `/sync/pull?${new URLSearchParams(pullQuery(request))}`,
            token,
            undefined,
            credential,
          ),
        push: (request) => call(base, 'POST', '/sync/push', token, request, credential),
      },
      clock: { now: () => Date.now() },
      random: Math.random,
      pullLimit: 1000,
    });
    await client.open();

    let cpu = api.cpuMs();
    let started = performance.now();
    await client.sync();
    const initialMs = performance.now() - started;
    const initialCpu = api.cpuMs() - cpu;
    if (client.status().lastError)
      throw new Error(`initial sync: ${JSON.stringify(client.status().lastError)}`);
    const count = (prefix: string) => [...disk.mirror.keys()].filter((k) => k.startsWith(prefix)).length;
    rows.push({
      dialect,
      what: 'initial sync of the demo shop into an empty mirror',
      ms: initialMs,
      apiCpuMs: initialCpu,
      detail: `${disk.mirror.size} rows (${count('variant/')} variants, ${count('stockLevel/')} stock levels, ${count('order/')} orders, ${count('orderLine/')} lines)`,
    });

    const variants = [...disk.mirror.keys()].filter((k) => k.startsWith('variant/')).map((k) => k.slice(8));
    const locationId = [...disk.mirror.keys()].find((k) => k.startsWith('location/'))!.slice(9);
    const pulls: number[] = [];
    const pullCpu: number[] = [];
    for (let round = 0; round < 5; round++) {
      const lines = variants
        .slice(round * 100, round * 100 + 100)
        .map((variantId) => ({ variantId, quantity: 1 }));
      await call(base, 'POST', '/admin/inventory/receive', token, { locationId, lines });
      cpu = api.cpuMs();
      started = performance.now();
      await client.sync();
      pulls.push(performance.now() - started);
      pullCpu.push(api.cpuMs() - cpu);
    }
    pulls.sort((a, b) => a - b);
    rows.push({
      dialect,
      what: 'incremental pull of 100 changes (median of 5)',
      ms: pulls[2]!,
      apiCpuMs: pullCpu.sort((a, b) => a - b)[2]!,
      detail: `min ${pulls[0]!.toFixed(0)} ms, max ${pulls[4]!.toFixed(0)} ms`,
    });

    // 2,000 queued mutations: what a shift offline leaves in the outbox, pushed 100 at a time.
    const mutations = Array.from({ length: 2000 }, (_, i) => ({
      id: newId(),
      deviceId,
      name: 'inventory.receive',
      args: { variantId: variants[i % variants.length], locationId, quantity: 1 },
      clientTime: Date.now(),
    }));
    let applied = 0;
    cpu = api.cpuMs();
    started = performance.now();
    for (let i = 0; i < mutations.length; ) {
      const batch = mutations.slice(i, i + 100);
      const answer = (await call(
        base,
        'POST',
        '/sync/push',
        token,
        { protocolVersion: PROTOCOL_VERSION, deviceId, mutations: batch },
        credential,
      )) as {
        results: { status: string }[];
      };
      applied += answer.results.filter((r) => r.status === 'applied').length;
      i += answer.results.length;
    }
    const pushMs = performance.now() - started;
    const pushCpu = api.cpuMs() - cpu;
    rows.push({
      dialect,
      what: '2,000 queued mutations pushed and applied (100 per push)',
      ms: pushMs,
      apiCpuMs: pushCpu,
      detail: `${applied} applied, ${((pushMs * 1000) / 2000).toFixed(0)} µs per mutation`,
    });
  } finally {
    await api.stop();
  }
  return rows;
}

const dialects = values.dialect ? [values.dialect] : ['sqlite', 'mysql'];
const all: Row[] = [];
for (const dialect of dialects) all.push(...(await benchDialect(dialect)));
console.log('| dialect | what | wall ms | API CPU ms | detail |\n|---|---|---:|---:|---|');
for (const r of all)
  console.log(`| ${r.dialect} | ${r.what} | ${r.ms.toFixed(0)} | ${r.apiCpuMs.toFixed(0)} | ${r.detail} |`);
console.log(
  `load average at the end: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
