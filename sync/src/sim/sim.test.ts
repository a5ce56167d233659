import { describe, expect, it } from 'vitest';
import { runSimulation } from './simulation.ts';

/**
 * The deterministic simulation: SYNC_SEEDS seeds (500 by default), or the one seed in SYNC_SEED
 * with a step-by-step trace. A failure names its seed and the command that replays it.
 */
// sync/ has no Node types (it runs in browsers and Electron too); vitest runs under Node.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const single = env.SYNC_SEED ? Number(env.SYNC_SEED) : null;
const count = Number(env.SYNC_SEEDS ?? 500);
// Seeds run in chunks of 25, so a loaded machine never meets the per-test timeout.
const chunkSize = 25;
const steps = 80;

const replay = (seed: number) => `SYNC_SEED=${seed} npx vitest run --project sync sim`;

const check = async (seed: number, trace: boolean) => {
  const report = await runSimulation(seed, { steps, trace });
  if (report.problems.length > 0) {
    const lines = [
      `simulation seed ${seed} failed; replay: ${replay(seed)}`,
      ...report.problems.slice(0, 20),
      ...(trace ? ['trace:', ...report.trace] : []),
    ];
    expect.fail(lines.join('\n'));
  }
  return report;
};

describe('sync simulation', () => {
  it('is deterministic: a seed replays the same run, step for step', async () => {
    const first = await runSimulation(42, { steps, trace: true });
    const again = await runSimulation(42, { steps, trace: true });
    expect(again.trace).toEqual(first.trace);
    expect(again.stats).toEqual(first.stats);
    expect(first.trace.length).toBeGreaterThan(steps / 2);
  });

  if (single !== null) {
    it(`converges for seed ${single}`, async () => {
      const report = await check(single, true);
      console.log(JSON.stringify(report.stats));
    });
    return;
  }
  const size = chunkSize;
  for (let first = 1; first <= count; first += size) {
    const last = Math.min(count, first + size - 1);
    it(`desktops converge with the server, nothing applied twice or lost (seeds ${first}-${last})`, async () => {
      const totals = { mutations: 0, rejected: 0, kills: 0, serverCrashes: 0 };
      for (let seed = first; seed <= last; seed++) {
        const { stats } = await check(seed, false);
        for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += stats[k];
      }
      // The runs must actually exercise the hard parts, or passing means little.
      expect(totals.mutations).toBeGreaterThan((last - first + 1) * 10);
      expect(totals.rejected).toBeGreaterThan(0);
      expect(totals.kills).toBeGreaterThan(0);
      expect(totals.serverCrashes).toBeGreaterThan(0);
    });
  }
});
