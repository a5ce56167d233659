#!/usr/bin/env node
// `npm start`: the API and the desktop back office (browser mode) together. Each service starts,
// is waited for on its health URL, and then both addresses are printed together. Ctrl-C stops all.
// The shop (storefront) is served by the API at `/`; `npm start` builds it first (prestart).
// To add a service, add an entry to SERVICES.

import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = process.env.PORT ?? '4000';
const apiUrl = `http://127.0.0.1:${apiPort}`;
const desktopPort = process.env.DESKTOP_PORT ?? '4100';

/** name, command, where it answers when ready, the address people open. */
const SERVICES = [
  {
    name: 'API',
    // node itself, not `npm run`: npm does not pass Ctrl-C on, and would leave the API running.
    command: [process.execPath, ['--import', 'tsx', resolve(root, 'store-api/src/main.ts')]],
    env: { PORT: apiPort },
    ready: `${apiUrl}/healthz`,
    url: apiUrl,
  },
  {
    name: 'Desktop (browser mode)',
    command: [process.execPath, [resolve(root, 'desktop/scripts/run.mjs'), '--browser']],
    env: { SHOEBOX_API_URL: apiUrl, DESKTOP_PORT: desktopPort },
    ready: `http://127.0.0.1:${desktopPort}/`,
    url: `http://localhost:${desktopPort}`,
  },
];

const children = [];

async function waitFor(url, child, name) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} stopped while starting (exit ${child.exitCode})`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} did not answer on ${url} within 3 minutes`);
}

/** Each service runs in its own process group, so its own children stop with it. */
function stopAll(signal = 'SIGTERM') {
  for (const child of children) {
    if (child.exitCode !== null) continue;
    try {
      process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
  }
}

async function main() {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
  const started = SERVICES.map((service) => {
    const [command, args] = service.command;
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...service.env },
      detached: true,
    });
    children.push(child);
    child.on('exit', (code) => {
      if (code) process.stderr.write(`${service.name} exited with code ${code}\n`);
      stopAll();
    });
    return waitFor(service.ready, child, service.name);
  });
  await Promise.all(started);
  const width = Math.max(...SERVICES.map((s) => s.name.length));
  process.stdout.write(
    [
      '',
      'Shoebox is running:',
      `  ${'Shop'.padEnd(width)}  ${apiUrl}/`,
      ...SERVICES.map((s) => `  ${s.name.padEnd(width)}  ${s.url}`),
      '',
      'Sign in to the desktop with a demo login, e.g. warehouse@shoebox.test / shoebox-warehouse-1',
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

main().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  stopAll();
  process.exit(1);
});
