/**
 * Counts of the answers the harness checked against the OpenAPI document. Each test app adds its
 * counts to a file in the directory the vitest global setup (response-tally.setup.ts) provides;
 * the setup's teardown sums them once per project, so `npm test` prints one figure per dialect.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckOutcome } from './response-check.ts';

export interface Tally {
  /** Answers checked against an operation of the document (status, media type, body, code). */
  validated: number;
  /** 404 ROUTE_NOT_FOUND for a path or method outside the document. */
  unrouted: number;
  /** Transport answers (431, a request the parser refused) and the /docs pages. */
  other: number;
  /** Answers the document does not allow (each one failed the test that provoked it). */
  violations: number;
  /** Answers per operation label, e.g. `GET /admin/products (getAdminProducts)`. */
  operations: Record<string, number>;
}

export const emptyTally = (): Tally => ({
  validated: 0,
  unrouted: 0,
  other: 0,
  violations: 0,
  operations: {},
});

export function count(tally: Tally, outcome: CheckOutcome): void {
  if (outcome.kind === 'validated') {
    tally.validated++;
    tally.operations[outcome.operation] = (tally.operations[outcome.operation] ?? 0) + 1;
  } else if (outcome.kind === 'unrouted') tally.unrouted++;
  else if (outcome.kind === 'violation') tally.violations++;
  else tally.other++;
}

let written = 0;

/** Leaves one app's counts in `dir` (nothing when no global setup provided a directory). */
export function saveTally(dir: string | undefined, tally: Tally): void {
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${process.pid}-${Date.now()}-${written++}.json`), JSON.stringify(tally));
}

export function sumTallies(dir: string): Tally {
  const total = emptyTally();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return total;
  }
  for (const file of files) {
    const part = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Tally;
    total.validated += part.validated;
    total.unrouted += part.unrouted;
    total.other += part.other;
    total.violations += part.violations;
    for (const [op, n] of Object.entries(part.operations))
      total.operations[op] = (total.operations[op] ?? 0) + n;
  }
  return total;
}
