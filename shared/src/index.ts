// The pure domain rules every package shares. Contracts have their own entry point
// (`@shoebox/shared/contracts`) so that packages needing only the rules skip the schemas.
export * from './common-passwords.ts';
export * from './errors.ts';
export * from './gtin.ts';
export * from './ids.ts';
export * from './money.ts';
export * from './order-state.ts';
export * from './permissions.ts';
export * from './pricing/index.ts';
export * from './result.ts';
export * from './shipping/index.ts';
export * from './sizes.ts';
export * from './sku.ts';
export * from './stock.ts';
