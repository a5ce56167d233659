import { createIdGenerator, type Role } from '@shoebox/shared';
import type { MutationArgs, MutationName } from '../mutations/registry.ts';
import { PROTOCOL_VERSION } from '../protocol/version.ts';
import type { MutationEnvelope, MutationResult } from '../protocol/wire.ts';
import { handlePush } from '../server/apply.ts';
import { moveStock, seedWorld } from '../sim/world.ts';
import { MemoryServer } from '../testing/memory-server.ts';
import { createPrng } from '../testing/prng.ts';

/** The simulation's shop on a MemoryServer, with helpers to set stock and push as a role. */
export const openShop = async (serverId = 'srv-A') => {
  const clock = { t: 1_750_000_000_000 };
  const server = new MemoryServer(serverId, () => clock.t);
  await seedWorld(server, createPrng(1));
  const newId = createIdGenerator({ now: () => clock.t });

  const level = (variantId: string, locationId: string) =>
    server.get('stockLevel', `${variantId}:${locationId}`);

  /** Brings a level to exactly these figures through ledger movements (as a server-side write). */
  const setStock = async (variantId: string, locationId: string, onHand: number, reserved = 0) => {
    await server.serverWrite(async (tx) => {
      const now = level(variantId, locationId) ?? { onHand: 0, reserved: 0 };
      if (now.reserved > 0)
        await moveStock(tx, variantId, locationId, { kind: 'release', quantity: now.reserved }, clock.t);
      const delta = onHand - now.onHand;
      if (delta !== 0)
        await moveStock(tx, variantId, locationId, { kind: 'adjust', quantity: delta }, clock.t);
      if (reserved > 0)
        await moveStock(tx, variantId, locationId, { kind: 'reserve', quantity: reserved }, clock.t);
    });
  };

  const envelope = <N extends MutationName>(
    deviceId: string,
    name: N,
    args: MutationArgs<N>,
  ): MutationEnvelope => ({
    id: newId(),
    deviceId,
    name,
    args,
    clientTime: clock.t,
  });

  const pushAs = async (role: Role, ...mutations: MutationEnvelope[]): Promise<MutationResult[]> => {
    const deviceId = mutations[0]?.deviceId ?? 'dev-1';
    const answer = await handlePush(
      server,
      { deviceId, role },
      { protocolVersion: PROTOCOL_VERSION, deviceId, mutations },
    );
    return answer.results;
  };

  /** One mutation by a device of `role`; its result. */
  const run = async <N extends MutationName>(role: Role, name: N, args: MutationArgs<N>) => {
    const [result] = await pushAs(role, envelope(`dev-${role}`, name, args));
    if (!result) throw new Error('no result');
    return result;
  };

  return { server, clock, level, setStock, envelope, pushAs, run };
};
