import { type CursorState, decodeCursor, encodeCursor } from '../protocol/cursor.ts';
import { type EntityName, rowKey } from '../protocol/entities.ts';
import { PROTOCOL_VERSION, syncLimits } from '../protocol/version.ts';
import type { PullResponse, SyncRecord } from '../protocol/wire.ts';
import { visibleRow } from './field-policy.ts';
import type { ChangeEntry, SyncScope, SyncServerPort } from './port.ts';

/**
 * One page of changes after `cursor` (null: from the start), as the scope may see them: upserts
 * carry the row as it is now (re-read after the change entries, so at least as new as them),
 * tombstones the rows that are gone, each row once, in sequence order. Repeating a pull is
 * harmless: applying a page twice leaves the mirror as applying it once.
 */
export const changesSince = async (
  port: SyncServerPort,
  cursor: string | null,
  scope: SyncScope,
  limit: number = syncLimits.defaultPullPage,
): Promise<PullResponse> => {
  const head = await port.headSeq();
  const from: CursorState = cursor
    ? decodeCursor(cursor, { id: port.serverId, head })
    : { server: port.serverId, seq: 0, gaps: [] };
  // Every gap is asked for again, however old: a device back after a day must still get the
  // transaction that committed a moment after its last pull. Only a gap still missing now and
  // older than the TTL is given up (a rolled-back transaction leaves a permanent hole).
  const entries = await port.readChanges(
    from.seq,
    from.gaps.map((g) => g.seq),
    limit,
  );
  const next = advance(from, entries, entries.length >= limit, port.now());

  const latest = new Map<string, ChangeEntry & { entity: EntityName }>();
  for (const entry of entries) {
    if (entry.entity === null) continue; // a number sync carries nothing for: the cursor moves past it
    const entity = entry.entity;
    const key = rowKey(entity, entry.id);
    latest.delete(key); // re-inserted below so the map keeps sequence order of the last change
    latest.set(key, { ...entry, entity });
  }
  const rows = await port.loadRows([...latest.values()]);
  const records: SyncRecord[] = [...latest.entries()].map(([key, { seq, entity, id }]) => {
    const row = rows.get(key);
    return row
      ? { op: 'upsert', entity, id, seq, row: visibleRow(scope.role, entity, row) }
      : { op: 'delete', entity, id, seq };
  });
  return {
    protocolVersion: PROTOCOL_VERSION,
    from: cursor,
    cursor: encodeCursor(next),
    records,
    hasMore: entries.length >= limit,
  };
};

/**
 * The cursor after reading `entries`: the highest number seen, and as gaps every number below it
 * not seen (still uncommitted on MySQL), plus the older gaps not filled now and not yet expired.
 */
const advance = (
  from: CursorState,
  entries: readonly ChangeEntry[],
  pageFull: boolean,
  now: number,
): CursorState => {
  const seen = new Set(entries.map((e) => e.seq));
  const last = entries.at(-1)?.seq ?? from.seq;
  const seq = Math.max(from.seq, last);
  // A gap beyond the end of a full page was not looked for yet: it cannot expire on this read.
  const lookedFor = (gap: number) => !pageFull || gap < last;
  const expired = (g: CursorState['gaps'][number]) =>
    lookedFor(g.seq) && now - g.since >= syncLimits.gapTtlMs;
  const gaps = from.gaps.filter((g) => !seen.has(g.seq) && !expired(g));
  for (let s = from.seq + 1; s < seq; s++) if (!seen.has(s)) gaps.push({ seq: s, since: now });
  // Beyond the limit the oldest gaps are given up (as the catalog read model does): a hole that
  // old is a rolled-back transaction far more often than a slow one.
  return { server: from.server, seq, gaps: gaps.slice(-syncLimits.maxCursorGaps) };
};
