// In-memory fakes for tests of sync and of the packages that use it.
export * from './faulty-transport.ts';
export * from './memory-server.ts';
export * from './memory-store.ts';
export * from './prng.ts';
export * from './server-host.ts';
// The simulation's shop, for packages that run the client engine over their own LocalStore.
export { seedWorld, serverSideWrite, world } from '../sim/world.ts';
