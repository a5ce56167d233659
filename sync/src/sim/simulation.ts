import type { Role } from '@shoebox/shared';
import { Network, noFaults } from '../testing/faulty-transport.ts';
import { MemoryServer } from '../testing/memory-server.ts';
import { createPrng, type Prng } from '../testing/prng.ts';
import { ServerHost } from '../testing/server-host.ts';
import { type Device, newDevice, personActs, startClient } from './devices.ts';
import { convergenceProblems, negativeStock, stockProblems } from './invariants.ts';
import { seedWorld, serverSideWrite } from './world.ts';

/**
 * One seeded run: three desktops and the server, random work and random faults, then the network
 * heals and every property is checked. The same seed replays the same run exactly.
 */

export interface SimulationOptions {
  steps: number;
  /** Collect a line per step, printed when the seed fails. */
  trace?: boolean;
}

export interface SimulationReport {
  seed: number;
  problems: string[];
  trace: string[];
  stats: { mutations: number; rejected: number; kills: number; serverCrashes: number };
}

const roles: Role[] = ['warehouse', 'warehouse', 'manager'];

export const runSimulation = async (seed: number, options: SimulationOptions): Promise<SimulationReport> => {
  const random = createPrng(seed);
  let now = 1_750_000_000_000;
  const clock = { now: () => now };
  const server = new MemoryServer(`server-${seed}`, clock.now, random.next, {
    staleWrite: random.pick([0, 0.05, 0.2]),
    lateCommit: random.pick([0, 0.1, 0.3]),
    lateCommitMs: random.int(100, 3000),
  });
  const host = new ServerHost(server);
  const network = new Network();
  const orders = { n: 5 };
  const trace: string[] = [];
  const stats = { mutations: 0, rejected: 0, kills: 0, serverCrashes: 0 };
  const note = (line: () => string) => options.trace && trace.push(`t=${now} ${line()}`);
  const problems: string[] = [];

  await seedWorld(server, random);
  const devices: Device[] = [];
  for (const [i, role] of roles.entries())
    devices.push(await newDevice(`d${i + 1}`, role, host, network, clock, random));
  for (const d of devices) d.transport.rates = randomFaults(random);

  const restart = async (device: Device) => {
    stats.kills += 1;
    device.transport.killed = false;
    device.client = await startClient(device, clock, random);
  };

  for (let step = 0; step < options.steps; step++) {
    now += random.int(10, 800);
    const device = random.pick(devices);
    const roll = random.next();
    if (roll < 0.35) {
      await personActs(device, random, orders.n);
      stats.mutations += 1;
      note(() => `${device.id} made ${device.disk.outbox.at(-1)?.envelope.name}`);
    } else if (roll < 0.6) {
      if (random.chance(0.2)) device.transport.killDuringNextPush = true;
      await (random.chance(0.5) ? device.client.sync() : device.client.tick());
      note(() => `${device.id} synced: ${JSON.stringify(device.client.status().lastError?.code ?? 'ok')}`);
      if (device.transport.killed) {
        note(() => `${device.id} killed mid-push, restarted from disk`);
        await restart(device);
      }
    } else if (roll < 0.72) {
      await serverSideWrite(server, random, orders);
      note(() => 'server-side write');
    } else if (roll < 0.77) {
      device.transport.offline = !device.transport.offline;
      note(() => `${device.id} ${device.transport.offline ? 'offline' : 'online'}`);
    } else if (roll < 0.8) {
      await restart(device);
      note(() => `${device.id} killed between actions, restarted`);
    } else if (roll < 0.84) {
      stats.serverCrashes += 1;
      if (host.up && random.chance(0.5)) host.crashDuringNextPush(random.int(0, 3));
      else if (host.up) host.crash();
      else host.restart();
      note(() => `server ${host.up ? 'up' : 'down'}`);
    } else if (roll < 0.9) {
      await network.deliverOne(random);
      note(() => 'late delivery');
    }
    problems.push(...negativeStock(server).map((p) => `step ${step}: ${p}`));
    if (problems.length > 0) break;
  }

  await heal(host, network, server, devices, random, () => (now += 20_000));
  problems.push(...stockProblems(server), ...(await convergenceProblems(server, devices)));
  stats.rejected = devices.reduce((n, d) => n + d.disk.attention.length, 0);
  return { seed, problems, trace, stats };
};

const randomFaults = (random: Prng) => {
  const p = random.pick([0, 0.05, 0.15, 0.3]);
  return { dropRequest: p, dropResponse: p, duplicate: p, delay: p / 2, staleReply: p / 2 };
};

/** Faults stop, the server comes back, late packets land, clocks pass the gap window; everyone syncs. */
const heal = async (
  host: ServerHost,
  network: Network,
  server: MemoryServer,
  devices: readonly Device[],
  random: Prng,
  passTime: () => void,
) => {
  host.crash(); // forgets a crash armed for the next push
  host.restart();
  server.faults = {};
  await network.deliverAll(random);
  passTime();
  for (const d of devices) {
    d.transport.rates = noFaults;
    d.transport.offline = false;
    d.transport.killDuringNextPush = false;
  }
  // Two rounds: everyone pushes (and pulls), then everyone pulls what the others pushed.
  for (let round = 0; round < 2; round++) for (const d of devices) await d.client.sync();
};
