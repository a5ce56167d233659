import type { Role } from '@shoebox/shared';
import { SyncClient } from '../client/engine.ts';
import { fulfilmentEvents } from '../mutations/order-transition.ts';
import { productEditableFields } from '../protocol/entities.ts';
import { stockLevelId } from '../protocol/entities.ts';
import { FaultyTransport, type Network } from '../testing/faulty-transport.ts';
import { emptyDisk, type LocalDisk, MemoryStore } from '../testing/memory-store.ts';
import type { Prng } from '../testing/prng.ts';
import type { ServerHost } from '../testing/server-host.ts';
import { world } from './world.ts';

/** One desktop of the simulation: its disk survives kills, its client does not. */
export interface Device {
  id: string;
  role: Role;
  disk: LocalDisk;
  transport: FaultyTransport;
  client: SyncClient;
  /** Every mutation id this device recorded locally. */
  made: string[];
}

export const startClient = async (device: Omit<Device, 'client'>, clock: { now(): number }, random: Prng) => {
  const client = new SyncClient({
    deviceId: device.id,
    store: new MemoryStore(device.disk),
    transport: device.transport,
    clock,
    random: random.next,
    // Small pages and batches on some devices exercise pagination; large ones keep the run fast.
    pullLimit: random.pick([3, 10, 50, 500]),
    pushBatch: random.pick([1, 4, 100]),
    pollMs: random.pick([0, 2_000, 30_000]),
  });
  await client.open();
  return client;
};

export const newDevice = async (
  id: string,
  role: Role,
  host: ServerHost,
  network: Network,
  clock: { now(): number },
  random: Prng,
): Promise<Device> => {
  const transport = new FaultyTransport(host.endpoint({ deviceId: id, role }), network, random);
  const partial = { id, role, disk: emptyDisk(), transport, made: [] as string[] };
  return { ...partial, client: await startClient(partial, clock, random) };
};

/** One thing a person does on the desktop, planned from what its screen (the view) shows. */
export const personActs = async (device: Device, random: Prng, orderCount: number): Promise<void> => {
  const view = device.client.view;
  const variantId = random.pick(world.variants);
  const locationId = random.pick(world.locations);
  const level = await view.get('stockLevel', stockLevelId(variantId, locationId));
  const orderId = `o${random.int(1, orderCount)}`;
  const kind = random.pick([
    'receive',
    'adjust',
    'transfer',
    'count',
    'count',
    'transition',
    'transition',
    'note',
    'product',
  ] as const);
  const made = await (async () => {
    switch (kind) {
      case 'receive':
        return device.client.mutate('inventory.receive', {
          variantId,
          locationId,
          quantity: random.int(1, 4),
        });
      case 'adjust':
        return device.client.mutate('inventory.adjust', {
          variantId,
          locationId,
          delta: random.pick([-3, -2, -1, 1, 2]),
          reason: 'damaged',
        });
      case 'transfer': {
        const toLocationId = world.locations.find((l) => l !== locationId) ?? 'L2';
        return device.client.mutate('inventory.transfer', {
          variantId,
          fromLocationId: locationId,
          toLocationId,
          quantity: random.int(1, 3),
        });
      }
      case 'count': {
        const expectedOnHand = level?.onHand ?? 0;
        const counted = Math.max(0, expectedOnHand + random.int(-2, 2));
        return device.client.mutate('inventory.count', { variantId, locationId, counted, expectedOnHand });
      }
      case 'transition':
        return device.client.mutate('order.transition', { orderId, event: random.pick(fulfilmentEvents) });
      case 'note':
        return device.client.mutate('order.note', {
          orderId,
          noteId: `${device.id}-n${device.made.length}`,
          text: 'checked',
        });
      case 'product': {
        const product = await view.get('product', random.pick(world.products));
        if (!product) return null;
        const field = random.pick(
          productEditableFields.filter((f) => f === 'name' || f === 'material' || f === 'basePriceMinor'),
        );
        const value =
          field === 'basePriceMinor'
            ? random.int(50, 150) * 100
            : field === 'name'
              ? `Renamed ${random.int(1, 3)}`
              : random.pick(['suede', 'satin']);
        return device.client.mutate('product.update', {
          productId: product.id,
          baseVersion: product.version,
          fields: { [field]: value },
          base: { [field]: product[field] ?? 0 },
        });
      }
    }
  })();
  if (made) device.made.push(made.id);
};
