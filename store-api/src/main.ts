import cluster from 'node:cluster';
import type { Server } from 'node:http';
import pino from 'pino';
import { createApp } from './app.ts';
import { runWorkers } from './cluster.ts';
import { type Config, loadConfig } from './config/env.ts';
import { openStore } from './db/client.ts';
import { isEmpty, seedDemo } from './db/seed/demo.ts';
import { answerParserErrors } from './http/client-error.ts';
import { hasStorefront } from './http/storefront-files.ts';
import { allJobs, createScheduler } from './jobs/index.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLog(config);
  if (cluster.isWorker) return serve(config, log, { announce: false });

  const store = await openStore(config.databaseUrl);
  await store.migrate();
  if (config.seedDemo && (await isEmpty(store))) {
    log.info('empty database: seeding the demo shop (once)');
    await seedDemo(store, { log });
  }
  if (config.apiWorkers === 1) return serve(config, log, { announce: true, store });
  // Several API processes share the port; the database is ready, so they only connect.
  await store.close();
  await runWorkers(config.apiWorkers, log);
  printWelcome(config, config.port, store.dialect, config.apiWorkers);
}

function createLog(config: Config): pino.Logger {
  // JSON lines for machines; readable lines when a person runs it in a terminal during development.
  const pretty = config.env === 'development' && process.stdout.isTTY;
  return pino({
    level: config.logLevel,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } } : {}),
  });
}

/** One API process: the app, the job scheduler (leases make each tick run once across processes), the server. */
async function serve(
  config: Config,
  log: pino.Logger,
  opts: { announce: boolean; store?: Awaited<ReturnType<typeof openStore>> },
): Promise<void> {
  const store = opts.store ?? (await openStore(config.databaseUrl));
  const { app, services } = createApp({ store, config, log });
  const scheduler = createScheduler({ store, jobs: allJobs(services), log });
  scheduler.start();
  const server = app.listen(config.port, config.host, () => {
    if (opts.announce) printWelcome(config, boundPort(server), store.dialect, 1);
  });
  answerParserErrors(server);
  installShutdown(server, log, async () => {
    await scheduler.stop();
    await services.notifications.close();
    await store.close();
  });
}

const boundPort = (server: Server): number | string => {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : '?';
};

function printWelcome(config: Config, port: number | string, dialect: string, workers: number): void {
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const lines = [
    '',
    `Shoebox store-api is running on ${dialect === 'sqlite' ? 'the embedded SQLite database' : 'MySQL'}${workers > 1 ? ` in ${workers} processes` : ''}.`,
    hasStorefront(config.storefrontDir)
      ? `  Shop         ${base}/`
      : '  Shop         not built: npm run build -w @shoebox/storefront (npm start does it)',
    `  API          ${base}`,
    `  Store        ${base}/store/products`,
    `  API docs     ${base}/docs`,
    `  Health       ${base}/healthz   Metrics ${base}/metrics`,
    '',
    'Demo staff sign-ins (POST /admin/auth/sign-in):',
    '  owner       owner@shoebox.test       shoebox-owner-1',
    '  manager     manager@shoebox.test     shoebox-manager-1',
    '  warehouse   warehouse@shoebox.test   shoebox-warehouse-1',
    '',
    'Place a demo order from another terminal: npm run demo:order',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function installShutdown(server: Server, log: pino.Logger, close: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close(() => {
      close().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
