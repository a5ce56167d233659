/** staff: the module's public face; other modules, flows, bench and scripts import from here only. */
export { staffRoutes } from './staff.routes.ts';
export { createStaffService, insertStaffDirect } from './staff.service.ts';
export { staffErrors } from './staff.errors.ts';
