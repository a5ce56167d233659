// The server side: what store-api's /sync routes call, and the port it implements.
export {
  applyMutation,
  handlePull,
  handlePush,
  MAX_PLAN_ATTEMPTS,
  StaleWriteError,
  WriteRefusedError,
} from './apply.ts';
export { changesSince } from './changes.ts';
export { type FieldRule, fieldPolicy, type RolePolicy, visibleRow, warehousePolicy } from './field-policy.ts';
export type { ChangeEntry, SyncScope, SyncServerPort, SyncTransaction } from './port.ts';
