/**
 * The public store surface (`/store/*`): what the storefront may know. No staff, cost, stock
 * location or other customers' shapes are reachable from here (scripts/check-boundaries.mjs keeps
 * the storefront on this entry point).
 */
export * from './account.ts';
export * from './auth-customer.ts';
export * from './cart.ts';
export * from './catalog-store.ts';
export * from './checkout.ts';
export * from './common.ts';
export * from './error-codes.ts';
export * from './orders-customer.ts';
export * from './returns.ts';
export * from './reviews.ts';
export * from './tracking.ts';
