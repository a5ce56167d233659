/**
 * Seeds the demo shop into DATABASE_URL (default: the SQLite file in DATA_DIR).
 *
 *   npm run seed -w @shoebox/store-api -- [--scale 100000] [--reset] [--progress]
 *
 * --scale N   about N variants (more styles, same distributions); default the 120-style shop
 * --reset     delete every row first (refused when NODE_ENV=production)
 * --progress  draw a progress bar even when stderr is not a terminal
 */
import { parseArgs } from 'node:util';
import { DomainError } from '@shoebox/shared';
import { loadConfig } from '../../config/env.ts';
import { openStore } from '../client.ts';
import { demoStaff } from './data.ts';
import { deleteAllRows, MAX_SCALE, type SeedSummary, seedDemo } from './demo.ts';

const usage = 'usage: tsx src/db/seed/cli.ts [--scale N] [--reset] [--progress]';

const options = {
  scale: { type: 'string' },
  reset: { type: 'boolean', default: false },
  progress: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

async function main(): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
  try {
    ({ values } = parseArgs({ options, strict: true }));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  let scale: number | undefined;
  if (values.scale !== undefined) {
    scale = Number(values.scale.replace(/_/g, ''));
    if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE) {
      process.stderr.write(`--scale must be a whole number from 1 to ${MAX_SCALE}\n${usage}\n`);
      return 2;
    }
  }

  const config = loadConfig();
  if (values.reset && config.env === 'production') {
    process.stderr.write('--reset deletes every row and is refused when NODE_ENV=production.\n');
    return 1;
  }
  const store = await openStore(config.databaseUrl);
  try {
    await store.migrate();
    if (values.reset) {
      const started = performance.now();
      await deleteAllRows(store);
      process.stderr.write(`deleted all rows (${seconds(performance.now() - started)} s)\n`);
    }
    const summary = await seedDemo(store, {
      ...(scale !== undefined ? { scale } : {}),
      progress: values.progress || Boolean(process.stderr.isTTY),
    });
    process.stdout.write(report(summary, store.dialect));
    return 0;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'DEMO_SEED_REFUSED') {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await store.close();
  }
}

const seconds = (ms: number): string => (ms / 1000).toFixed(1);
const n = (v: number): string => v.toLocaleString('en');

function report(s: SeedSummary, dialect: string): string {
  return [
    `Seeded the demo shop into ${dialect} in ${seconds(s.ms)} s:`,
    `  ${n(s.products)} products, ${n(s.variants)} variants, ${n(s.stockUnits)} pairs in stock`,
    `  ${s.brands} brands, ${s.categories} categories, ${s.colours} colours`,
    `  ${s.staff} staff and ${s.customers} customer accounts added`,
    'Staff sign-ins (POST /admin/auth/sign-in):',
    ...demoStaff.map((u) => `  ${u.role.padEnd(10)}  ${u.email.padEnd(24)} ${u.password}`),
    'Restart a running store-api so its catalog read model picks the new rows up.',
    '',
  ].join('\n');
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
