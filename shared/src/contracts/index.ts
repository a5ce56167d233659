export * from './auth.ts';
export * from './common.ts';
export * from './inventory-admin.ts';
export * from './images.ts';
export * from './catalog-store.ts';
export * from './catalog-admin.ts';
