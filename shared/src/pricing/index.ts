// Cart pricing: one pure function (computeCartTotals) and the rules it is built from.
export * from './cart-totals.ts';
export * from './coupons.ts';
export * from './shipping-rates.ts';
export * from './tax.ts';
