export * from './boxes.ts';
export * from './house-carrier.ts';
export * from './pack-check.ts';
export * from './tracking-numbers.ts';
