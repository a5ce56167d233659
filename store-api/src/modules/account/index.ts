/** account: a shopper's own data (profile, saved size, addresses, wishlist, export, erasure). */
export { accountRoutes } from './account.routes.ts';
export { type AccountService, createAccountService } from './account.service.ts';
