/**
 * Several API processes on one port (node:cluster), for MySQL deployments on a multi-core host:
 * Node serves requests on one core per process. The primary only supervises: it forks the
 * workers, replaces one that dies unexpectedly, and passes SIGINT/SIGTERM on for a clean stop.
 * Everything a worker holds in memory (the store read model, rate-limit counters) is per process,
 * as it is for several instances behind a load balancer (docs/operations.md).
 */
import cluster, { type Worker } from 'node:cluster';
import type pino from 'pino';

/** Forks `count` workers and resolves once all of them listen. */
export async function runWorkers(count: number, log: pino.Logger): Promise<void> {
  let stopping = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      log.error({ pid: worker.process.pid, code, signal }, 'API worker died; starting another');
      fork();
    });
    return worker;
  };
  const listening = Array.from(
    { length: count },
    () =>
      new Promise<void>((resolve, reject) => {
        const worker = fork();
        worker.once('listening', () => resolve());
        worker.once('exit', (code) => reject(new Error(`API worker exited during start (${code})`)));
      }),
  );
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await Promise.all(listening);
}
