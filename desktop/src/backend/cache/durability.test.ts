import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIdGenerator } from '@shoebox/shared';
import type { MutationEnvelope } from '@shoebox/sync/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { openCacheDatabase } from './database.ts';
import { SqliteStore } from './sqlite-store.ts';
import { tempDir } from './test-stores.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(here, '../../../..');

/** Starts the child, waits until it has acknowledged every mutation, then SIGKILLs it. */
const recordThenKill = (file: string, envelopes: MutationEnvelope[]) =>
  new Promise<{ acknowledged: string[]; signal: NodeJS.Signals | null }>((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, 'crash-child.ts'), file, JSON.stringify(envelopes)],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const acknowledged: string[] = [];
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const lines = output.split('\n');
      output = lines.pop() ?? '';
      for (const line of lines) acknowledged.push(line.replace('acknowledged ', ''));
      if (acknowledged.length === envelopes.length) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') done({ acknowledged, signal });
      else fail(new Error(`the child exited with ${code} before it was killed: ${errors}`));
    });
  });

describe('offline cache durability', () => {
  let temp: ReturnType<typeof tempDir>;
  afterEach(() => temp.remove());

  it('a mutation acknowledged before the app was SIGKILLed is in the outbox when the file is reopened', async () => {
    temp = tempDir();
    const file = join(temp.dir, 'cache.sqlite');
    const newId = createIdGenerator();
    const envelopes: MutationEnvelope[] = Array.from({ length: 5 }, (_, i) => ({
      id: newId(),
      deviceId: 'dev-1',
      name: 'inventory.receive',
      args: { variantId: 'v1', locationId: 'L1', quantity: i + 1 },
      clientTime: 1_750_000_000_000 + i,
    }));

    const { acknowledged, signal } = await recordThenKill(file, envelopes);
    expect(signal).toBe('SIGKILL');
    expect(acknowledged).toEqual(envelopes.map((e) => e.id));
    // Killed before any checkpoint or close: the commits live only in the write-ahead log.
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);

    const db = openCacheDatabase(file);
    const outbox = await new SqliteStore(db).outbox();
    db.close();
    expect(outbox).toEqual(envelopes.map((envelope) => ({ envelope, state: 'pending' })));
  }, 60_000); // a second Node process with tsx starts slowly on a loaded machine
});
