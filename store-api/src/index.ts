/**
 * The public surface of @shoebox/store-api (package.json "exports"), for cross-package tests in
 * tests/ and tools: open a store, build the app on it. Everything else is private.
 */
export { createApp } from './app.ts';
export type { Config } from './config/env.ts';
export { openStore, type Store } from './db/client.ts';
