export * from './api-process.ts';
export * from './build.ts';
export * from './host.ts';
