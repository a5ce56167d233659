import { type AnyRow, entityNames, rowKey } from '../protocol/entities.ts';
import { visibleRow } from '../server/field-policy.ts';
import type { MemoryServer } from '../testing/memory-server.ts';
import type { Device } from './devices.ts';

/** The properties that must hold once the network heals; each returns the problems it finds. */

/** Deep equality of JSON values, whatever the key order (cheaper than sorting keys to compare text). */
const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
};

/** Stock is never negative: checked after every step of the run. */
export const negativeStock = (server: MemoryServer): string[] =>
  (server.all('stockLevel') as (AnyRow & { onHand: number; reserved: number })[])
    .filter((l) => l.onHand < 0 || l.reserved < 0 || l.onHand < l.reserved)
    .map((l) => `stock ${l.id} negative: on hand ${l.onHand}, reserved ${l.reserved}`);

/** Stock is never negative, and every level equals the sum of its ledger movements. */
export const stockProblems = (server: MemoryServer): string[] => {
  const problems: string[] = [];
  const sums = new Map<string, { onHand: number; reserved: number }>();
  for (const m of server.ledger) {
    const key = `${m.variantId}:${m.locationId}`;
    const sum = sums.get(key) ?? { onHand: 0, reserved: 0 };
    sums.set(key, { onHand: sum.onHand + m.onHandDelta, reserved: sum.reserved + m.reservedDelta });
  }
  for (const level of server.all('stockLevel') as (AnyRow & { onHand: number; reserved: number })[]) {
    if (level.onHand < 0 || level.reserved < 0 || level.onHand < level.reserved) {
      problems.push(`stock ${level.id} negative: on hand ${level.onHand}, reserved ${level.reserved}`);
    }
    const sum = sums.get(level.id) ?? { onHand: 0, reserved: 0 };
    if (sum.onHand !== level.onHand || sum.reserved !== level.reserved) {
      problems.push(
        `stock ${level.id} is ${level.onHand}/${level.reserved} but the ledger sums to ${sum.onHand}/${sum.reserved}`,
      );
    }
  }
  return problems;
};

export const convergenceProblems = async (
  server: MemoryServer,
  devices: readonly Device[],
): Promise<string[]> => {
  const problems: string[] = [];
  for (const [id, count] of server.applications)
    if (count > 1) problems.push(`mutation ${id} applied ${count} times`);
  for (const device of devices) {
    const name = `${device.id} (${device.role})`;
    const expected = new Map<string, AnyRow>();
    for (const entity of entityNames) {
      for (const row of server.all(entity))
        expected.set(rowKey(entity, row.id), visibleRow(device.role, entity, row));
    }
    const mirror = device.disk.mirror;
    for (const [key, row] of expected) {
      const mine = mirror.get(key);
      if (!mine) problems.push(`${name}: missing ${key}`);
      else if (!sameJson(mine, row)) {
        problems.push(`${name}: ${key} is ${JSON.stringify(mine)}, server has ${JSON.stringify(row)}`);
      }
    }
    for (const key of mirror.keys())
      if (!expected.has(key)) problems.push(`${name}: ${key} is gone on the server`);
    if (device.disk.outbox.length > 0)
      problems.push(`${name}: ${device.disk.outbox.length} mutations still in the outbox`);
    const attention = new Map(device.disk.attention.map((a) => [a.envelope.id, a.result.code]));
    for (const id of device.made) {
      const result = server.results.get(`${device.id}/${id}`);
      if (!result) problems.push(`${name}: mutation ${id} never reached the server`);
      else if (result.status === 'rejected' && attention.get(id) !== result.code) {
        problems.push(`${name}: rejected mutation ${id} (${result.code}) is not in "Needs attention"`);
      } else if (result.status === 'applied' && attention.has(id)) {
        problems.push(`${name}: applied mutation ${id} is listed as needing attention`);
      }
    }
    const status = device.client.status();
    if (status.pending !== 0 || status.rejected.length !== attention.size) {
      problems.push(`${name}: status says ${status.pending} pending, ${status.rejected.length} rejected`);
    }
  }
  return problems;
};
