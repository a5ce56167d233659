/**
 * `npm run openapi`: writes docs/openapi.json from the route table.
 * `npm run openapi:check`: regenerates in memory and fails when docs/openapi.json differs.
 *
 * The route table needs services, so the app is built on a throwaway SQLite file (never
 * listening, nothing migrated or seeded) and closed again.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import pino from 'pino';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config/env.ts';
import { openStore } from '../../db/client.ts';
import { buildOpenApi, type OpenApiDocument, serializeOpenApi } from './generate.ts';

const repoRoot = resolve(import.meta.dirname, '../../../..');
const target = join(repoRoot, 'docs/openapi.json');

/** The document of the app as `createApp` would mount it. */
export async function generateDocument(): Promise<OpenApiDocument> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shoebox-openapi-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JWT_SECRET: 'openapi-generator-secret-0123456789abcdef',
    LOG_LEVEL: 'silent',
  });
  const store = await openStore(config.databaseUrl);
  try {
    const { routes, services } = createApp({ store, config, log: pino({ level: 'silent' }) });
    await services.notifications.close();
    return buildOpenApi(routes);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Operation-level differences, for a readable "stale" message. */
function describeDiff(before: OpenApiDocument, after: OpenApiDocument): string[] {
  const ops = (doc: OpenApiDocument) => {
    const map = new Map<string, string>();
    for (const [path, item] of Object.entries(doc.paths ?? {}))
      for (const [method, op] of Object.entries(item))
        map.set(`${method.toUpperCase()} ${path}`, JSON.stringify(op));
    return map;
  };
  const a = ops(before);
  const b = ops(after);
  const lines: string[] = [];
  for (const key of b.keys()) if (!a.has(key)) lines.push(`  + ${key} (not in the file)`);
  for (const key of a.keys()) if (!b.has(key)) lines.push(`  - ${key} (no longer a route)`);
  for (const [key, text] of b) if (a.has(key) && a.get(key) !== text) lines.push(`  ~ ${key} (changed)`);
  const { paths: _p, ...restBefore } = before;
  const { paths: _q, ...restAfter } = after;
  if (JSON.stringify(restBefore) !== JSON.stringify(restAfter))
    lines.push('  ~ info, tags or components changed');
  return lines;
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const doc = await generateDocument();
  const text = serializeOpenApi(doc);
  const shown = relative(process.cwd(), target) || target;
  const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  const figures = `${Object.keys(doc.paths).length} paths, ${operations} operations`;

  if (!check) {
    writeFileSync(target, text);
    process.stdout.write(`wrote ${shown} (${figures})\n`);
    return 0;
  }
  const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
  if (current === text) {
    process.stdout.write(`${shown} is up to date (${figures})\n`);
    return 0;
  }
  const lines = current === null ? ['  the file does not exist'] : diffOrWhole(current, doc);
  process.stderr.write(
    `${shown} is stale: it no longer matches the routes and contracts.\n${lines.join('\n')}\n` +
      'Run `npm run openapi` and commit docs/openapi.json.\n',
  );
  return 1;
}

function diffOrWhole(current: string, doc: OpenApiDocument): string[] {
  try {
    const lines = describeDiff(JSON.parse(current) as OpenApiDocument, doc);
    return lines.length ? lines : ['  same content, different formatting'];
  } catch {
    return ['  the file is not valid JSON'];
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
