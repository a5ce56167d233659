import { houseTrackingNumber } from '@shoebox/shared';
import type Database from 'better-sqlite3';

/**
 * This device's house tracking numbers (decision 0040): blocks reserved from the server while
 * online, kept in the cache file, and taken one by one offline. A number is marked used in the
 * same SQLite transaction that hands it out, so a crash can skip a number (harmless) but never
 * print one twice; the server refuses a number outside this device's blocks or already used.
 */

export const WARN_BELOW = 20;
export const BLOCK_SIZE = 100;

export interface StoredBlock {
  id: string;
  firstSerial: number;
  lastSerial: number;
}

export function createTrackingBlocks(db: Database.Database) {
  const blocks = () =>
    db
      .prepare(
        'SELECT id, first_serial AS firstSerial, last_serial AS lastSerial FROM tracking_blocks ORDER BY first_serial',
      )
      .all() as StoredBlock[];
  const usedIn = db.prepare('SELECT count(*) AS n FROM tracking_used WHERE serial BETWEEN ? AND ?');
  const used = (b: StoredBlock) => (usedIn.get(b.firstSerial, b.lastSerial) as { n: number }).n;

  const left = () => blocks().reduce((n, b) => n + b.lastSerial - b.firstSerial + 1 - used(b), 0);

  const take = db.transaction((shipmentId: string, now: number): string | null => {
    for (const b of blocks()) {
      const serial = b.firstSerial + used(b);
      if (serial > b.lastSerial) continue;
      db.prepare('INSERT INTO tracking_used (serial, shipment_id, used_at) VALUES (?, ?, ?)').run(
        serial,
        shipmentId,
        now,
      );
      return houseTrackingNumber(serial);
    }
    return null;
  });

  return {
    left,
    /** The next unused number, marked used for this shipment; null when every block is spent. */
    take: (shipmentId: string, now = Date.now()) => take(shipmentId, now),
    add(block: StoredBlock, now = Date.now()): void {
      db.prepare(
        'INSERT OR IGNORE INTO tracking_blocks (id, first_serial, last_serial, reserved_at) VALUES (?, ?, ?, ?)',
      ).run(block.id, block.firstSerial, block.lastSerial, now);
    },
    lastRefillAt(): number | null {
      const row = db.prepare('SELECT max(reserved_at) AS at FROM tracking_blocks').get() as {
        at: number | null;
      };
      return row.at;
    },
  };
}
export type TrackingBlocks = ReturnType<typeof createTrackingBlocks>;
