import { type CursorState, decodeCursor, encodeCursor } from '../protocol/cursor.ts';
import { rowKey } from '../protocol/entities.ts';
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
  const now = port.now();
  const open = from.gaps.filter((g) => now - g.since < syncLimits.gapTtlMs);
  const entries = await port.readChanges(
    from.seq,
    open.map((g) => g.seq),
    limit,
  );
  const next = advance(from, open, entries, now);

  const latest = new Map<string, ChangeEntry>();
  for (const entry of entries) {
    const key = rowKey(entry.entity, entry.id);
    latest.delete(key); // re-inserted below so the map keeps sequence order of the last change
    latest.set(key, entry);
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
 * not seen (still uncommitted on MySQL), plus the older gaps still open and not filled now.
 */
const advance = (
  from: CursorState,
  open: CursorState['gaps'],
  entries: readonly ChangeEntry[],
  now: number,
): CursorState => {
  const seen = new Set(entries.map((e) => e.seq));
  const seq = entries.reduce((max, e) => Math.max(max, e.seq), from.seq);
  const gaps = open.filter((g) => !seen.has(g.seq));
  for (let s = from.seq + 1; s < seq; s++) if (!seen.has(s)) gaps.push({ seq: s, since: now });
  // Beyond the limit the oldest gaps are given up (as the catalog read model does): a hole that
  // old is a rolled-back transaction far more often than a slow one.
  return { server: from.server, seq, gaps: gaps.slice(-syncLimits.maxCursorGaps) };
};
