#!/usr/bin/env node
// A private MariaDB server for tests and development: its own data dir, socket and port,
// never the system service. Plain Node, no dependencies.
//
//   node scripts/mariadb.mjs start [--dir .data/mariadb] [--port 3307]   prints the URL
//   node scripts/mariadb.mjs stop  [--dir .data/mariadb]
//   node scripts/mariadb.mjs status [--dir .data/mariadb]
//
//   import { startPrivateMariaDb } from './mariadb.mjs';
//   const db = await startPrivateMariaDb({ dir, port });   // null when mariadbd is not installed
//   db.url   // mysql://shoebox:shoebox@127.0.0.1:PORT/
//   await db.stop();
//
// SHOEBOX_NO_MARIADB=1 makes findMariadbd() report "not installed" (to test that path).

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { tmpdir, userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';

export const DEFAULT_DIR = '.data/mariadb';
export const DEFAULT_PORT = 3307;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 60_000;
const USER = 'shoebox';
const PASSWORD = 'shoebox';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function isExecutable(file) {
  try {
    return statSync(file).isFile() && (statSync(file).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

function whichFirst(names, extraDirs = []) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...extraDirs];
  for (const name of names) {
    for (const dir of dirs) {
      const file = join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return null;
}

/** Path of the MariaDB server binary, or null when it is not installed. */
export function findMariadbd() {
  if (process.env.SHOEBOX_NO_MARIADB === '1') return null;
  return whichFirst(['mariadbd', 'mysqld'], ['/usr/sbin', '/usr/local/sbin']);
}

function findTools() {
  const extra = ['/usr/bin', '/usr/local/bin'];
  const tools = {
    installDb: whichFirst(['mariadb-install-db', 'mysql_install_db'], extra),
    admin: whichFirst(['mariadb-admin', 'mysqladmin'], extra),
    client: whichFirst(['mariadb', 'mysql'], extra),
  };
  const missing = Object.entries(tools)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length) {
    throw new Error(
      `mariadbd is installed but its tools are not (${missing.join(', ')}); reinstall mariadb-server/mariadb-client`,
    );
  }
  return tools;
}

function osUser() {
  return process.getuid?.() === 0 ? 'root' : userInfo().username;
}

function pidAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM';
  }
  // A zombie (exited, not yet reaped, e.g. an orphan in a container without an init) is dead to us.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  } catch {
    // no /proc: trust kill(0)
  }
  return true;
}

function readPid(file) {
  try {
    return Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
  } catch {
    return NaN;
  }
}

function paths(dir) {
  const abs = resolve(dir);
  let socket = join(abs, 'mysqld.sock');
  // Unix socket paths are limited to 107 bytes; fall back to a short path derived from the dir.
  if (Buffer.byteLength(socket) > 100) {
    const hash = createHash('sha256').update(abs).digest('hex').slice(0, 12);
    socket = join(tmpdir(), `shoebox-mariadb-${hash}.sock`);
  }
  return {
    dir: abs,
    data: join(abs, 'data'),
    socket,
    pidFile: join(abs, 'mysqld.pid'),
    log: join(abs, 'mariadb.log'),
    state: join(abs, 'server.json'),
  };
}

function ping(admin, socket) {
  const r = spawnSync(
    admin,
    ['--no-defaults', `--socket=${socket}`, '-u', osUser(), '--connect-timeout=2', 'ping'],
    {
      encoding: 'utf8',
      timeout: 5_000,
    },
  );
  return r.status === 0;
}

function runSql(client, socket, sql) {
  const r = spawnSync(client, ['--no-defaults', `--socket=${socket}`, '-u', osUser(), '--batch'], {
    input: sql,
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (r.status !== 0) {
    throw new Error(`mariadb client failed (${r.status ?? r.signal}): ${r.stderr || r.stdout || r.error}`);
  }
  return r.stdout;
}

function logTail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function portFree(port) {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => res(true)));
  });
}

/** First port >= start that nobody listens on (127.0.0.1). */
export async function findFreePort(start, tries = 100) {
  for (let port = start; port < start + tries; port++) {
    if (await portFree(port)) return port;
  }
  throw new Error(`no free port in ${start}..${start + tries - 1}`);
}

function urlFor(port) {
  return `mysql://${USER}:${PASSWORD}@127.0.0.1:${port}/`;
}

async function waitForExit(pid, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) return true;
    if (!pidAlive(pid)) return true;
    await sleep(50);
  }
  return false;
}

async function stopPid(pid, child) {
  if (!pidAlive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  if (await waitForExit(pid, child, STOP_TIMEOUT_MS)) return;
  process.stderr.write(`mariadbd (pid ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it\n`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {}
  await waitForExit(pid, child, 5_000);
}

function makeHandle(p, port, pid, child) {
  let stopped = null;
  return {
    url: urlFor(port),
    port,
    socket: p.socket,
    dir: p.dir,
    pid,
    stop() {
      stopped ??= stopPid(pid, child).then(() => {
        rmSync(p.state, { force: true });
      });
      return stopped;
    },
  };
}

/** A server started earlier from the same dir that is still alive and answering. */
function findRunning(p, tools) {
  const pid = readPid(p.pidFile);
  if (!pidAlive(pid)) return null;
  let state;
  try {
    state = JSON.parse(readFileSync(p.state, 'utf8'));
  } catch {
    return null;
  }
  if (state.pid !== pid || !ping(tools.admin, state.socket ?? p.socket)) return null;
  return { pid, port: state.port };
}

function installDb(p, tools) {
  if (existsSync(join(p.data, 'mysql'))) return;
  rmSync(p.data, { recursive: true, force: true });
  mkdirSync(p.data, { recursive: true });
  const r = spawnSync(
    tools.installDb,
    [
      '--no-defaults',
      `--user=${osUser()}`,
      `--datadir=${p.data}`,
      '--auth-root-authentication-method=socket',
      '--skip-test-db',
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) {
    rmSync(p.data, { recursive: true, force: true });
    throw new Error(
      `mariadb-install-db failed (${r.status ?? r.signal ?? r.error}):\n${r.stdout ?? ''}${r.stderr ?? ''}`,
    );
  }
}

async function launch(p, mariadbd, tools, port, detached) {
  const logFd = openSync(p.log, 'w');
  const args = [
    '--no-defaults',
    `--user=${osUser()}`,
    `--datadir=${p.data}`,
    `--socket=${p.socket}`,
    `--pid-file=${p.pidFile}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    '--skip-name-resolve',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    '--innodb-flush-log-at-trx-commit=2',
    '--max-connections=500',
  ];
  const child = spawn(mariadbd, args, { stdio: ['ignore', logFd, logFd], detached });
  closeSync(logFd);
  child.unref();
  let spawnError = null;
  child.once('error', (err) => {
    spawnError = err;
  });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    await sleep(100);
    if (spawnError) throw new Error(`cannot run ${mariadbd}: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = logTail(p.log);
      const err = new Error(
        `mariadbd exited during start-up (${child.exitCode ?? child.signalCode}); its log ${p.log}:\n${log}`,
      );
      err.portInUse = /Address already in use|Bind on TCP\/IP port/i.test(log);
      throw err;
    }
    if (ping(tools.admin, p.socket)) return child;
  }
  await stopPid(child.pid, child);
  throw new Error(
    `mariadbd did not answer ping within ${READY_TIMEOUT_MS / 1000} s; its log ${p.log}:\n${logTail(p.log)}`,
  );
}

/**
 * Start (or reuse) a private MariaDB server in `dir` listening on 127.0.0.1 at `port` or the next free
 * port. Returns `{ url, port, socket, pid, stop() }`, or null when mariadbd is not installed.
 * `detached: true` lets the server outlive this process (the CLI uses it).
 */
export async function startPrivateMariaDb({ dir = DEFAULT_DIR, port = DEFAULT_PORT, detached = false } = {}) {
  const mariadbd = findMariadbd();
  if (!mariadbd) return null;
  const tools = findTools();
  const p = paths(dir);
  mkdirSync(p.dir, { recursive: true });

  const running = findRunning(p, tools);
  if (running) return makeHandle(p, running.port, running.pid, null);
  rmSync(p.pidFile, { force: true });
  rmSync(p.state, { force: true });
  if (p.socket !== join(p.dir, 'mysqld.sock')) rmSync(p.socket, { force: true });

  installDb(p, tools);

  let child;
  let chosen = port;
  for (let attempt = 0; ; attempt++) {
    chosen = await findFreePort(chosen);
    try {
      child = await launch(p, mariadbd, tools, chosen, detached);
      break;
    } catch (err) {
      // Someone took the port between our check and mariadbd's bind: try the next one.
      if (err.portInUse && attempt < 5) {
        chosen++;
        continue;
      }
      throw err;
    }
  }

  const handle = makeHandle(p, chosen, child.pid, child);
  try {
    runSql(
      tools.client,
      p.socket,
      [`'${USER}'@'127.0.0.1'`, `'${USER}'@'localhost'`]
        .map(
          (who) =>
            `CREATE USER IF NOT EXISTS ${who} IDENTIFIED BY '${PASSWORD}';\n` +
            `GRANT ALL ON *.* TO ${who} WITH GRANT OPTION;\n`,
        )
        .join(''),
    );
  } catch (err) {
    await handle.stop();
    throw err;
  }
  writeFileSync(p.state, `${JSON.stringify({ pid: child.pid, port: chosen, socket: p.socket }, null, 2)}\n`);
  return handle;
}

/** Stop a server started earlier (e.g. by the CLI) from `dir`. Returns false if none was running. */
export async function stopPrivateMariaDb({ dir = DEFAULT_DIR } = {}) {
  const p = paths(dir);
  const pid = readPid(p.pidFile);
  if (!pidAlive(pid)) {
    rmSync(p.state, { force: true });
    return false;
  }
  await stopPid(pid, null);
  rmSync(p.state, { force: true });
  return true;
}

function parseArgs(argv) {
  const opts = { dir: DEFAULT_DIR, port: DEFAULT_PORT };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [key, inline] = a.startsWith('--') ? a.split(/=(.*)/s, 2) : [a];
    const value = () => inline ?? argv[++i];
    if (key === '--dir') opts.dir = value();
    else if (key === '--port') opts.port = Number.parseInt(value(), 10);
    else rest.push(a);
  }
  return { opts, rest };
}

async function main() {
  const { opts, rest } = parseArgs(process.argv.slice(2));
  const cmd = rest[0] ?? 'start';
  if (cmd === 'start') {
    if (!findMariadbd()) {
      console.error('mariadbd is not installed: apt-get install -y mariadb-server');
      process.exit(1);
    }
    const db = await startPrivateMariaDb({ ...opts, detached: true });
    console.log(db.url);
  } else if (cmd === 'stop') {
    const stopped = await stopPrivateMariaDb(opts);
    console.error(
      stopped ? `stopped MariaDB in ${resolve(opts.dir)}` : `no MariaDB running in ${resolve(opts.dir)}`,
    );
  } else if (cmd === 'status') {
    const p = paths(opts.dir);
    const running = findMariadbd() ? findRunning(p, findTools()) : null;
    if (running) console.log(urlFor(running.port));
    else {
      console.error(`no MariaDB running in ${p.dir}`);
      process.exit(1);
    }
  } else {
    console.error('usage: node scripts/mariadb.mjs start|stop|status [--dir DIR] [--port PORT]');
    process.exit(2);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err.message ?? err);
    process.exit(1);
  });
}
