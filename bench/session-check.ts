/**
 * CPU cost of authenticating one staff request, in process (no HTTP, no load generator): the
 * token's signature check alone, the session check alone (cache hit), and both (`authenticate`).
 * Rounds alternate, since the machine is shared.
 *
 *   npx tsx bench/session-check.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../store-api/src/config/env.ts';
import { openStore } from '../store-api/src/db/client.ts';
import { sessionActor } from '../store-api/src/modules/auth/index.ts';
import { SessionStates } from '../store-api/src/modules/auth/index.ts';
import { createTokenSigner } from '../store-api/src/modules/auth/index.ts';
import { insertStaffDirect } from '../store-api/src/modules/staff/index.ts';
import { createServices } from '../store-api/src/services.ts';

const dir = mkdtempSync(join(tmpdir(), 'shoebox-bench-session-'));
const config = loadConfig({
  NODE_ENV: 'test',
  DATA_DIR: dir,
  JWT_SECRET: 'bench-secret-'.repeat(4),
  LOG_LEVEL: 'silent',
});
const store = await openStore(config.databaseUrl);
await store.migrate();
const services = createServices(store, config);
await insertStaffDirect(store, {
  email: 'owner@bench.shop',
  name: 'O',
  role: 'owner',
  password: 'bench-owner-pass-1',
});
const ctx = {
  requestId: 'bench',
  log: pino({ level: 'silent' }),
  actor: { type: 'anonymous' as const },
  now: Date.now(),
};
const { accessToken } = await services.staffSignIn.signIn(
  ctx,
  { email: 'owner@bench.shop', password: 'bench-owner-pass-1' },
  { ip: '127.0.0.1', userAgent: 'bench' },
);
const signer = createTokenSigner(config.jwtSecret, config.accessTokenTtlSeconds);
const claims = await signer.verify(accessToken);
const states = new SessionStates(store);

const cases: Record<string, () => Promise<unknown>> = {
  'signature and claims (verify)': () => signer.verify(accessToken),
  'session check, cached (sessionActor)': () => sessionActor(states, claims),
  'both (authenticate)': () => services.auth.authenticate(`Bearer ${accessToken}`),
};
const results: Record<string, number[]> = {};
for (let round = 0; round < 3; round++) {
  for (const [label, run] of Object.entries(cases)) {
    for (let i = 0; i < 1000; i++) await run();
    const n = 10_000;
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await run();
    const perOp = Number(process.hrtime.bigint() - started) / 1e3 / n;
    results[label] = [...(results[label] ?? []), perOp];
  }
}
console.table(
  Object.entries(results).map(([label, us]) => ({
    label,
    'min us/op': Math.min(...us).toFixed(1),
    'max us/op': Math.max(...us).toFixed(1),
  })),
);
await store.close();
rmSync(dir, { recursive: true, force: true });
