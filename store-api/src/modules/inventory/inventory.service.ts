import type { Store } from '../../db/client.ts';
import { createInventoryImport } from './inventory-import.ts';
import { createLedgerService } from './inventory-ledger.ts';
import { createLocationService } from './inventory-locations.ts';
import { createInventoryReads } from './inventory-reads.ts';

export type { StockLineInput } from './inventory-ledger.ts';
export type { MovementInput, MovementView } from './inventory-movements.ts';

/**
 * The inventory service as routes and flows see it: one object, composed from the parts that
 * write movements (ledger and staff operations), manage locations and bins, import counts from
 * CSV, and read levels and reports.
 */
export function createInventoryService(store: Store) {
  return {
    ...createLedgerService(store),
    ...createLocationService(store),
    ...createInventoryImport(store),
    ...createInventoryReads(store),
  };
}
export type InventoryService = ReturnType<typeof createInventoryService>;
