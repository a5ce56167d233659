// Every contract, admin and store: for the server and tools. Clients that need only one surface
// import `@shoebox/shared/store` or `@shoebox/shared/admin` instead.
export * from './admin.ts';
export * from './store.ts';
