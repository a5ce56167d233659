/** account: a shopper's own data (profile, saved size, addresses, wishlist, export, erasure). */
export { accountRoutes } from './account.routes.ts';
export { type AccountService, createAccountService } from './account.service.ts';
export { adminCustomersRoutes } from './admin-customers.routes.ts';
export { type AdminCustomersService, createAdminCustomersService } from './admin-customers.service.ts';
