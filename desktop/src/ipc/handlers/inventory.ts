import { stockAdjustBody, stockCountBody, stockGrid, stockReceiveBody } from '@shoebox/shared/contracts';
import { z } from 'zod';
import { mutationReceipt } from '../contracts.ts';
import {
  inventoryLevels,
  inventoryLevelsArgs,
  inventoryMovements,
  inventoryMovementsArgs,
  inventoryTransferArgs,
} from '../shapes/inventory.ts';
import { defineHandler } from '../spec.ts';

// Reads from the cache; writes go to the outbox and answer with a receipt (all work offline),
// except the movement history, which lives on the server.
export const inventorySpecs = {
  'inventory.grid': defineHandler({
    summary: "A style's stock as a size x colour grid",
    access: 'inventory:read',
    args: z.strictObject({
      productId: z.string().min(1).max(80),
      locationId: z.string().min(1).max(80).optional(),
    }),
    result: stockGrid,
  }),
  'inventory.levels': defineHandler({
    summary: 'Low stock and broken size runs',
    access: 'inventory:read',
    args: inventoryLevelsArgs,
    result: inventoryLevels,
  }),
  'inventory.movements': defineHandler({
    summary:
      "A variant's or a style's movement history, newest first (needs the API: API_UNREACHABLE offline)",
    access: 'inventory:read',
    args: inventoryMovementsArgs,
    result: inventoryMovements,
  }),
  'inventory.adjust': defineHandler({
    summary: 'Adjust one variant with a reason (works offline)',
    access: 'inventory:adjust',
    args: stockAdjustBody,
    result: mutationReceipt,
  }),
  'inventory.receive': defineHandler({
    summary: 'Receive a delivery (works offline)',
    access: 'inventory:receive',
    args: stockReceiveBody,
    result: mutationReceipt,
  }),
  'inventory.count': defineHandler({
    summary: 'Submit a cycle count: one line per variant with the on-hand it started from (works offline)',
    access: 'inventory:count',
    args: stockCountBody,
    result: mutationReceipt,
  }),
  'inventory.transfer': defineHandler({
    summary: 'Move units of one variant between two locations (works offline)',
    access: 'inventory:adjust',
    args: inventoryTransferArgs,
    result: mutationReceipt,
  }),
} as const;
