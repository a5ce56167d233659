import { z } from 'zod';
import { syncError } from './errors.ts';
import { syncLimits } from './version.ts';

/**
 * A pull cursor: opaque to clients (base64url JSON), meaningful to the server.
 * - `server`: the id of the database that issued it, so a cursor from another shop or from a
 *   database restored elsewhere is refused instead of silently skipping changes;
 * - `seq`: the highest change sequence number delivered;
 * - `gaps`: sequence numbers below `seq` that were not visible yet when it was read (on MySQL a
 *   transaction takes its number at insert and may commit after a later one), each with the time
 *   it was first missed; the next pull asks for them again until they appear or expire.
 */
export interface CursorState {
  server: string;
  seq: number;
  gaps: { seq: number; since: number }[];
}

const cursorShape = z.strictObject({
  v: z.literal(1),
  server: z.string().min(1).max(80),
  seq: z.number().int().min(0),
  gaps: z.array(z.tuple([z.number().int().min(1), z.number().int().min(0)])).max(syncLimits.maxCursorGaps),
});

/** The cursor string on the wire: bounded so a hostile one cannot make the server parse megabytes. */
export const cursorString = z.string().min(1).max(4096); // 64 gaps of large numbers take about 2.4 kB

const toBase64Url = (text: string): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const fromBase64Url = (b64: string): string => {
  const binary = atob(b64.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

export const encodeCursor = (state: CursorState): string =>
  toBase64Url(
    JSON.stringify({
      v: 1,
      server: state.server,
      seq: state.seq,
      gaps: state.gaps.map((g) => [g.seq, g.since]),
    }),
  );

/**
 * Decodes and checks a cursor against this server: garbled -> CURSOR_INVALID, another server's ->
 * CURSOR_FOREIGN, ahead of the head -> CURSOR_FROM_FUTURE. The client answers all three by
 * pulling again from the start.
 */
export const decodeCursor = (cursor: string, server: { id: string; head: number }): CursorState => {
  let parsed: z.output<typeof cursorShape>;
  try {
    parsed = cursorShape.parse(JSON.parse(fromBase64Url(cursor)));
  } catch {
    throw syncError(
      'CURSOR_INVALID',
      'This sync cursor is not valid; the device will sync again from the start.',
    );
  }
  if (parsed.server !== server.id) {
    throw syncError(
      'CURSOR_FOREIGN',
      'This sync cursor comes from another server; the device must sync again.',
      {
        details: { cursorServer: parsed.server },
      },
    );
  }
  if (parsed.seq > server.head || parsed.gaps.some(([seq]) => seq > parsed.seq)) {
    throw syncError(
      'CURSOR_FROM_FUTURE',
      'This sync cursor is ahead of the server (was it restored from a backup?); the device must sync again.',
      { details: { cursorSeq: parsed.seq, serverSeq: server.head } },
    );
  }
  return {
    server: parsed.server,
    seq: parsed.seq,
    gaps: parsed.gaps.map(([seq, since]) => ({ seq, since })),
  };
};
