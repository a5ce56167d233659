/**
 * What both benchmarks share: a fresh database (SQLite file or a private MariaDB) and a real API
 * process on it, seeded with the demo shop at start. The API runs as `npm start` runs it (node with
 * tsx, development mode: demo payments) with JWT_SECRET set; the log level is the caller's choice
 * (unset: info, one JSON line per request, read by us as `npm start`'s terminal would).
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
  /** CPU the API used to get ready (tsx transpiling, migrations, seeding the demo shop), ms. */
  startupCpuMs: number;
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
    /**
     * LOG_LEVEL for the API; undefined leaves it unset, as `npm start` does (info: one JSON line
     * per request).
     */
    logLevel?: string;
    /**
     * Give the API a terminal for stdout, as `npm start` run by a person does: pino then formats
     * every line with pino-pretty in a worker thread of the API process (main.ts createLog).
     */
    terminal?: boolean;
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
  const api = await spawnApi(
    opts.root ?? root,
    {
      ...opts.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dir,
      PORT: String(port),
      ...(opts.logLevel === undefined ? {} : { LOG_LEVEL: opts.logLevel }),
    },
    opts.terminal ?? false,
  );
  const mariadbUrl = mariadb?.url;
  return {
    base: `http://127.0.0.1:${port}`,
    cpuMs: () => processCpuMs(api.pid!),
    startupCpuMs: processCpuMs(api.pid!),
    statements: () => (mariadbUrl ? globalQuestions(mariadbUrl) : Promise.resolve(null)),
    async stop() {
      killTree(api);
      await new Promise((resolve) => api.once('exit', resolve));
      await mariadb?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the API process. */
function spawnApi(cwd: string, env: Record<string, string>, terminal: boolean): Promise<ChildProcess> {
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const argv = [process.execPath, ...nodeArgs, '--import', 'tsx', 'store-api/src/main.ts'];
  // util-linux `script` runs the command on a pseudo-terminal and copies what it prints to us.
  const [command, ...args] = terminal
    ? ['script', '-qfec', argv.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' '), '/dev/null']
    : argv;
  const child = spawn(command!, args, {
    detached: true,
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
    const untilReady = (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('is running')) return;
      // From here on the request log is read and dropped, as a terminal would show and forget it.
      child.stdout!.off('data', untilReady);
      child.stdout!.resume();
      resolve(child);
    };
    child.stdout!.on('data', untilReady);
    child.once('exit', (code) => reject(new Error(`API exited early (${code}):\n${out}`)));
  });
}

/** The API and everything it started (its own process group: `detached`). */
function killTree(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

/**
 * CPU time of the API: utime + stime (fields 14 and 15 of /proc/<pid>/stat, in 10 ms clock ticks,
 * all threads included: pino's transport thread, libuv's pool) of the process and of every live
 * descendant (the workers when API_WORKERS > 1; node itself under `script`).
 */
function processCpuMs(pid: number): number {
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
  }
  const inTree = (p: number): boolean => {
    for (let cur = p, hops = 0; cur > 1 && hops < 16; hops++) {
      if (cur === pid) return true;
      cur = stats.get(cur)?.parent ?? 0;
    }
    return false;
  };
  let ticks = 0;
  for (const [p, s] of stats) if (inTree(p)) ticks += s.ticks;
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
