/** The staff surface (`/admin/*`) with the shapes it shares with the store (sign-in, pages). */
export * from './auth.ts';
export * from './catalog-admin.ts';
export * from './common.ts';
export * from './coupons.ts';
export * from './error-codes.ts';
export * from './images.ts';
export * from './inventory-admin.ts';
export * from './orders.ts';
export * from './staff-security.ts';
export * from './fulfillment.ts';
export * from './returns.ts';
export * from './devices.ts';
export * from './reviews.ts';
export * from './customers-admin.ts';
