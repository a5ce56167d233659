/**
 * What both benchmarks share: a fresh database (SQLite file or a private MariaDB) and a real API
 * process on it, seeded with the demo shop at start. The API runs in development mode (demo
 * payments) with JWT_SECRET set and warn-level logs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import mysql from 'mysql2/promise';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM script without types
import { startPrivateMariaDb } from '../scripts/mariadb.mjs';

const root = new URL('..', import.meta.url).pathname;

export interface BenchApi {
  base: string;
  /** CPU time (user + system) the API process has used so far, in ms (Linux /proc). */
  cpuMs(): number;
  /** Statements MariaDB has executed so far (its `Questions` counter); null on SQLite. */
  statements(): Promise<number | null>;
  stop(): Promise<void>;
}

/** Null when the dialect is mysql and mariadbd is not installed. */
export async function startBenchApi(
  dialect: string,
  opts: {
    name: string;
    mariadbPort: number;
    env?: Record<string, string>;
    /** Run the API from another checkout (a before/after comparison); this repository by default. */
    root?: string;
  },
): Promise<BenchApi | null> {
  const dir = mkdtempSync(join(tmpdir(), `shoebox-${opts.name}-`));
  let mariadb: { url: string; socket: string; stop(): Promise<void> } | null = null;
  let databaseUrl = `file:${join(dir, 'bench.db')}`;
  if (dialect === 'mysql') {
    mariadb = await startPrivateMariaDb({ dir: join(dir, 'mariadb'), port: opts.mariadbPort });
    if (!mariadb) {
      process.stderr.write('mariadbd is not installed: skipping the MySQL run\n');
      rmSync(dir, { recursive: true, force: true });
      return null;
    }
    databaseUrl = `${mariadb.url}shoebox_${opts.name.replace(/\W/g, '_')}`;
    // Same host: the API talks to MariaDB over its Unix socket, as a same-host install would
    // (docs/operations.md). BENCH_MYSQL_TCP=1 measures the TCP loopback instead.
    if (process.env.BENCH_MYSQL_TCP !== '1') databaseUrl += `?socket=${encodeURIComponent(mariadb.socket)}`;
  }
  const port = 4800 + Math.floor(Math.random() * 190);
  const api = await spawnApi(opts.root ?? root, {
    ...opts.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
  });
  const mariadbUrl = mariadb?.url;
  return {
    base: `http://127.0.0.1:${port}`,
    cpuMs: () => processCpuMs(api.pid!),
    statements: () => (mariadbUrl ? globalQuestions(mariadbUrl) : Promise.resolve(null)),
    async stop() {
      api.kill('SIGTERM');
      await new Promise((resolve) => api.once('exit', resolve));
      await mariadb?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the API process. */
function spawnApi(cwd: string, env: Record<string, string>): Promise<ChildProcess> {
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'store-api/src/main.ts'], {
    cwd,
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'development',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('is running')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`API exited early (${code}):\n${out}`)));
  });
}

/**
 * CPU time of the API: utime + stime (fields 14 and 15 of /proc/<pid>/stat, in 10 ms clock ticks)
 * of the process and of its live children (the workers when API_WORKERS > 1).
 */
function processCpuMs(pid: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(entry) === pid || Number(fields[1]) === pid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}

/** MariaDB's count of statements sent by clients, minus the one that asks. */
async function globalQuestions(url: string): Promise<number> {
  const conn = await mysql.createConnection({ uri: url });
  try {
    const [rows] = await conn.query("SHOW GLOBAL STATUS LIKE 'Questions'");
    return Number((rows as Array<{ Value: string }>)[0]?.Value ?? 0) - 1;
  } finally {
    await conn.end();
  }
}
