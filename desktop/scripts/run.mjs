#!/usr/bin/env node
// `npm run desktop`: the Electron app when its binary is installed; otherwise says so plainly and
// starts browser mode (the same backend in Node, the app in your browser). `--browser` skips the
// Electron check. Both build the renderer first.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Electron binary's path, or why there is none. Read from the electron package's files
 * rather than by requiring it: its main export tries to download the binary, which cannot work
 * here and would only print a network error.
 */
function findElectron() {
  let pkgDir;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile))
    return { missing: 'the electron package has no downloaded binary (no path.txt)' };
  const executable = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist');
  const path = join(distDir, executable);
  return existsSync(path) ? { path } : { missing: `${path} does not exist` };
}

function run(command, args, env = {}) {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  const electron = process.argv.includes('--browser')
    ? { missing: 'browser mode asked for (--browser)' }
    : findElectron();
  process.stdout.write('Building the desktop renderer...\n');
  await build({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });

  if (electron.path) {
    const { buildElectron } = await import('./build-electron.mjs');
    await buildElectron();
    process.stdout.write('Starting the Electron app...\n');
    run(electron.path, [root]);
    return;
  }
  if (!process.argv.includes('--browser')) {
    process.stdout.write(
      [
        '',
        'The Electron binary is not installed on this machine, so the desktop app cannot open as a window.',
        `  (${electron.missing})`,
        'Starting browser mode instead: the same app, served to your web browser.',
        'To run the real desktop app, install Electron where its download works (see desktop/README.md).',
        '',
      ].join('\n'),
    );
  }
  run(process.execPath, ['--import', 'tsx', resolve(root, 'src/host/main.ts')]);
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
