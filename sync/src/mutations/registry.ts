import type { z } from 'zod';
import { inventoryAdjust } from './inventory-adjust.ts';
import { inventoryCount } from './inventory-count.ts';
import { inventoryReceive } from './inventory-receive.ts';
import { inventoryTransfer } from './inventory-transfer.ts';
import { orderNote } from './order-note.ts';
import { orderTransition } from './order-transition.ts';
import { productUpdate } from './product-update.ts';
import { packComplete } from './pack-complete.ts';
import { pickConfirmLine } from './pick-confirm-line.ts';
import { pickShort } from './pick-short.ts';
import { returnReceive } from './return-receive.ts';
import { shipmentCreate } from './shipment-create.ts';
import { shipmentVoid } from './shipment-void.ts';
import type { MutationDefinition } from './types.ts';

/** Every mutation a device may push. Adding one: a file beside this one, and a line here. */
export const mutationList = [
  inventoryReceive,
  inventoryAdjust,
  inventoryTransfer,
  inventoryCount,
  orderTransition,
  orderNote,
  productUpdate,
  pickConfirmLine,
  pickShort,
  packComplete,
  shipmentCreate,
  shipmentVoid,
  returnReceive,
] as const;

type Definitions = (typeof mutationList)[number];
export type MutationName = Definitions['name'];
export type MutationArgs<N extends MutationName> = z.input<Extract<Definitions, { name: N }>['args']>;

const byName: ReadonlyMap<string, MutationDefinition> = new Map(
  mutationList.map((m) => [m.name, m as unknown as MutationDefinition]),
);

export const mutationNames = [...byName.keys()] as MutationName[];

export const findMutation = (name: string): MutationDefinition | undefined => byName.get(name);
