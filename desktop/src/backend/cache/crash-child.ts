// Run by durability.test.ts as its own Node process: records mutations in the cache, says so
// after each one returned, then waits to be killed (SIGKILL: no exit handlers, no close()).
import type { MutationEnvelope } from '@shoebox/sync/protocol';
import { openCacheDatabase } from './database.ts';
import { SqliteStore } from './sqlite-store.ts';

const [file, envelopes] = process.argv.slice(2);
if (!file || !envelopes) throw new Error('usage: crash-child.ts <cache file> <envelopes as JSON>');
const store = new SqliteStore(openCacheDatabase(file));
for (const envelope of JSON.parse(envelopes) as MutationEnvelope[]) {
  await store.enqueue(envelope);
  process.stdout.write(`acknowledged ${envelope.id}\n`);
}
setInterval(() => undefined, 60_000); // alive until the test kills it
