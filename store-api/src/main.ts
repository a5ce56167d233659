import type { Server } from 'node:http';
import pino from 'pino';
import { createApp } from './app.ts';
import { loadConfig } from './config/env.ts';
import { openStore } from './db/client.ts';
import { answerParserErrors } from './http/client-error.ts';
import { allJobs, createScheduler } from './jobs/index.ts';
import { isEmpty, seedDemo } from './db/seed/demo.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  // JSON lines for machines; readable lines when a person runs it in a terminal during development.
  const pretty = config.env === 'development' && process.stdout.isTTY;
  const log = pino({
    level: config.logLevel,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } } : {}),
  });
  const store = await openStore(config.databaseUrl);
  await store.migrate();
  if (config.seedDemo && (await isEmpty(store))) {
    log.info('empty database: seeding the demo shop (once)');
    await seedDemo(store, { log });
  }
  const { app, services } = createApp({ store, config, log });
  const scheduler = createScheduler({ store, jobs: allJobs(services), log });
  scheduler.start();
  const server = app.listen(config.port, config.host, () => printWelcome(config.host, server, store.dialect));
  answerParserErrors(server);
  installShutdown(server, log, async () => {
    await scheduler.stop();
    await services.notifications.close();
    await store.close();
  });
}

function printWelcome(host: string, server: Server, dialect: string): void {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : '?';
  const base = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  const lines = [
    '',
    `Shoebox store-api is running on ${dialect === 'sqlite' ? 'the embedded SQLite database' : 'MySQL'}.`,
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
