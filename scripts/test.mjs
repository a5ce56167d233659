#!/usr/bin/env node
// `npm test`: runs vitest on both database dialects.
//
// - SHOEBOX_TEST_MYSQL_URL set: the MySQL half runs against it.
// - else, when mariadbd is installed: a private MariaDB in a fresh temp dir (port 3310 or the next free),
//   removed afterwards.
// - else: the MySQL half is skipped with a loud message (an error when CI=true).
//
// Extra arguments go to vitest: `npm test -- store-api/src/foo --project api-mysql`.
// SHOEBOX_NO_MARIADB=1 pretends mariadbd is not installed.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMariadbd, startPrivateMariaDb } from './mariadb.mjs';

const MISSING =
  'MySQL/MariaDB half of the suite did NOT run: mariadbd is not installed. ' +
  'Install it (apt-get install -y mariadb-server) or set SHOEBOX_TEST_MYSQL_URL=mysql://user:pass@host:port/ to run it.';

function banner(text) {
  const line = '!'.repeat(Math.min(text.length, 100));
  process.stderr.write(`\n${line}\n${text}\n${line}\n\n`);
}

let db = null;
let tempDir = null;
let missingMysql = false;

async function cleanup() {
  const server = db;
  db = null;
  if (server) {
    try {
      await server.stop();
    } catch (err) {
      process.stderr.write(`could not stop the test MariaDB: ${err.message}\n`);
    }
  }
  if (tempDir) {
    rmSync(tempDir, { recursive: true, force: true });
    tempDir = null;
  }
}

async function main() {
  if (process.env.SHOEBOX_TEST_MYSQL_URL) {
    process.stderr.write(
      `MySQL tests use SHOEBOX_TEST_MYSQL_URL (${redact(process.env.SHOEBOX_TEST_MYSQL_URL)})\n`,
    );
  } else if (findMariadbd()) {
    tempDir = mkdtempSync(join(tmpdir(), 'shoebox-test-mariadb-'));
    const started = Date.now();
    try {
      db = await startPrivateMariaDb({ dir: tempDir, port: 3310 });
    } catch (err) {
      await cleanup();
      process.stderr.write(`could not start a private MariaDB for the tests:\n${err.message}\n`);
      return 1;
    }
    process.env.SHOEBOX_TEST_MYSQL_URL = db.url;
    process.env.SHOEBOX_TEST_MYSQL_SOCKET = db.socket;
    process.stderr.write(
      `MySQL tests use a private MariaDB at ${db.url} (started in ${Date.now() - started} ms)\n`,
    );
  } else {
    missingMysql = true;
    banner(MISSING);
    if (process.env.CI === 'true') {
      process.stderr.write('CI=true: both dialects must run in CI; failing.\n');
      return 1;
    }
  }

  const child = spawn('npx', ['vitest', 'run', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: process.env,
  });
  // Ctrl-C reaches vitest too (same process group); we wait for it to finish, then clean up.
  let signalled = null;
  const onSignal = (sig) => {
    signalled ??= sig;
    if (sig !== 'SIGINT') child.kill(sig);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, onSignal);

  const code = await new Promise((res) => {
    child.once('error', (err) => {
      process.stderr.write(`could not run vitest: ${err.message}\n`);
      res(1);
    });
    child.once('exit', (c, sig) => res(c ?? (sig ? 128 + (signalNumber(sig) ?? 1) : 1)));
  });
  await cleanup();
  if (missingMysql) banner(MISSING);
  if (signalled) return 128 + (signalNumber(signalled) ?? 1);
  return code;
}

function signalNumber(sig) {
  return { SIGHUP: 1, SIGINT: 2, SIGTERM: 15, SIGKILL: 9 }[sig];
}

function redact(url) {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

main().then(
  (code) => process.exit(code),
  async (err) => {
    process.stderr.write(`${err.stack ?? err}\n`);
    await cleanup();
    process.exit(1);
  },
);
