/**
 * API_WORKERS: several API processes on one port (MySQL only). Runs the real entry point as a
 * child process, as `npm start` does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { testDialect } from './test-support/harness.ts';

const root = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'shoebox-cluster-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function startApi(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'store-api/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      JWT_SECRET: 'cluster-test-secret-cluster-test-secret-0',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const output = (child: ChildProcess) => {
  let text = '';
  child.stdout!.on('data', (b: Buffer) => {
    text += b.toString();
  });
  child.stderr!.on('data', (b: Buffer) => {
    text += b.toString();
  });
  return () => text;
};

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Live API worker processes forked by `pid` (not tsx's esbuild helpers, which are children too). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (Number(fields[1]) === pid && fields[0] !== 'Z' && command.includes('store-api/src/main.ts'))
        children.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return children;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

// One dialect's behaviour per project run (no skipped tests): SQLite refuses, MySQL serves.
if (testDialect === 'sqlite') {
  describe('API_WORKERS on SQLite', () => {
    it('refuses to start more than one process with a readable configuration error', async () => {
      const child = startApi({
        API_WORKERS: '2',
        DATABASE_URL: `file:${join(dataDir, 'one.db')}`,
        PORT: '0',
      });
      const text = output(child);
      expect(await exited(child)).toBe(1);
      expect(text()).toContain('API_WORKERS: more than one API process needs MySQL');
    });
  });
} else {
  describe('API_WORKERS on MySQL', () => {
    const base = process.env.SHOEBOX_TEST_MYSQL_URL ?? '';
    const database = `shoebox_cluster_${process.pid}`;
    afterAll(async () => {
      const conn = await mysql.createConnection({ uri: base });
      await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await conn.end();
    });

    it('serves one port from two processes, replaces a worker that dies and stops them all on SIGTERM', async () => {
      const port = await freePort();
      const child = startApi({ API_WORKERS: '2', DATABASE_URL: `${base}${database}`, PORT: String(port) });
      const text = output(child);
      await until('the welcome line', () => (text().includes('in 2 processes') ? true : undefined));
      const workers = childrenOf(child.pid!);
      expect(workers).toHaveLength(2);

      const answers = await Promise.all(
        Array.from({ length: 20 }, () => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status)),
      );
      expect(answers.every((s) => s === 200)).toBe(true);

      process.kill(workers[0]!, 'SIGKILL');
      const replaced = await until('a replacement worker', () => {
        const now = childrenOf(child.pid!);
        return now.length === 2 && !now.includes(workers[0]!) ? now : undefined;
      });
      expect(replaced).toContain(workers[1]);
      await until('the new worker to answer', async () => {
        const statuses = await Promise.all(
          Array.from({ length: 6 }, () =>
            fetch(`http://127.0.0.1:${port}/healthz`)
              .then((r) => r.status)
              .catch(() => 0),
          ),
        );
        return statuses.every((s) => s === 200) ? true : undefined;
      });

      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
      expect(childrenOf(child.pid!)).toEqual([]);
    }, 60_000);
  });
}
