/**
 * vitest global setup of the api projects: a fresh directory for the response tallies of this
 * run, summed and printed once when the project's tests are done (the figure in docs/api.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { sumTallies } from './response-tally.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    responseTallyDir: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'shoebox-response-tally-'));
  project.provide('responseTallyDir', dir);
  return () => {
    const tally = sumTallies(dir);
    rmSync(dir, { recursive: true, force: true });
    if (!tally.validated && !tally.unrouted) return;
    const operations = Object.keys(tally.operations).length;
    process.stdout.write(
      `\n[${project.name}] ${tally.validated} answers validated against the OpenAPI document ` +
        `(${operations} operations answered), ${tally.unrouted} ROUTE_NOT_FOUND for undocumented ` +
        `paths, ${tally.other} transport or /docs answers, ${tally.violations} violations\n`,
    );
  };
}
