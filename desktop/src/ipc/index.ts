export * from './client.ts';
export * from './contracts.ts';
export * from './dispatch.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './handlers.ts';
export * from './spec.ts';
