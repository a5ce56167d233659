/** inventory: the module's public face; other modules, flows, bench and scripts import from here only. */
export { createInventoryService, type InventoryService } from './inventory.service.ts';
export { inventoryRoutes } from './inventory.routes.ts';
export { inventoryErrors } from './inventory.errors.ts';
export {
  type MovementInput,
  onRestock,
  type RestockListener,
  writeMovements,
} from './inventory-movements.ts';
export { readLevel } from './inventory.repo.ts';
