export * from './account.ts';
export * from './audit.ts';
export * from './auth.ts';
export * from './catalog.ts';
export * from './inventory.ts';
export * from './changes.ts';
export * from './messaging.ts';
export * from './orders.ts';
export * from './staff-security.ts';

export * from './fulfillment.ts';

export * from './returns.ts';

export * from './sync.ts';
export * from './reviews.ts';
