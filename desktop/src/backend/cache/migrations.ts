import type Database from 'better-sqlite3';
import { entityNames } from '@shoebox/sync/protocol';

/**
 * The cache's schema, as a numbered list that only ever grows: a file records the last step it
 * ran in `PRAGMA user_version`, and opening it runs the steps after that, each in one transaction.
 * A step is never edited once released (a user's file already ran it); a change is a new step.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The table mirroring one synced entity (`stockLevel` -> `mirror_stock_level`). */
export const mirrorTable = (entity: string): string =>
  `mirror_${entity.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;

// Rows are kept as the JSON that travelled: an upsert replaces the whole row, and which fields a
// row has depends on the device's role, so columns per field would only copy the wire schema.
const mirrorTables = entityNames
  .map(
    (e) => `CREATE TABLE ${mirrorTable(e)} (id TEXT PRIMARY KEY, row TEXT NOT NULL CHECK (json_valid(row)));`,
  )
  .join('\n');

/** A generated column over the row's JSON, indexed, for the screens' lookups by parent. */
const lookup = (entity: string, column: string, field: string) => {
  const table = mirrorTable(entity);
  return `ALTER TABLE ${table} ADD COLUMN ${column} TEXT GENERATED ALWAYS AS (json_extract(row, '$.${field}')) VIRTUAL;
CREATE INDEX ${table}_${column} ON ${table} (${column});`;
};

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'mirror, outbox, needs attention, sync state',
    sql: `${mirrorTables}
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  mutation_id TEXT NOT NULL UNIQUE,
  envelope TEXT NOT NULL CHECK (json_valid(envelope)),
  state TEXT NOT NULL CHECK (state IN ('pending', 'acked'))
);
CREATE TABLE attention (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  mutation_id TEXT NOT NULL,
  envelope TEXT NOT NULL CHECK (json_valid(envelope)),
  result TEXT NOT NULL CHECK (json_valid(result))
);
CREATE INDEX attention_mutation ON attention (mutation_id);
CREATE TABLE sync_state (
  only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
  cursor TEXT,
  last_sync_at INTEGER
);
INSERT INTO sync_state (only_row, cursor, last_sync_at) VALUES (1, NULL, NULL);`,
  },
  {
    version: 2,
    name: 'lookups by parent for the screens',
    sql: [
      lookup('variant', 'product_id', 'productId'),
      lookup('stockLevel', 'variant_id', 'variantId'),
      lookup('bin', 'location_id', 'locationId'),
      lookup('orderLine', 'order_id', 'orderId'),
      lookup('orderNote', 'order_id', 'orderId'),
      lookup('order', 'status', 'status'),
    ].join('\n'),
  },
  {
    version: 3,
    name: 'cache facts (the role the mirror was pulled for) and scan and queue lookups',
    sql: [
      'CREATE TABLE cache_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);',
      lookup('variant', 'sku', 'sku'),
      lookup('variant', 'gtin', 'gtin'),
      lookup('order', 'created_at', 'createdAt'),
    ].join('\n'),
  },
  {
    version: 4,
    name: 'fulfillment: mirrors of pick batches, shipments and returns; tracking blocks, labels, printers',
    // A file made fresh already has the mirror tables (step 1 lists every entity): IF NOT EXISTS.
    sql: [
      ...['pickBatch', 'shipment', 'return'].map(
        (e) =>
          `CREATE TABLE IF NOT EXISTS ${mirrorTable(e)} (id TEXT PRIMARY KEY, row TEXT NOT NULL CHECK (json_valid(row)));`,
      ),
      lookup('shipment', 'order_id', 'orderId'),
      lookup('return', 'order_id', 'orderId'),
      // This device's house tracking numbers: blocks reserved online, and the numbers it printed.
      `CREATE TABLE tracking_blocks (
        id TEXT PRIMARY KEY,
        first_serial INTEGER NOT NULL,
        last_serial INTEGER NOT NULL CHECK (last_serial >= first_serial),
        reserved_at INTEGER NOT NULL
      );`,
      `CREATE TABLE tracking_used (serial INTEGER PRIMARY KEY, shipment_id TEXT NOT NULL, used_at INTEGER NOT NULL);`,
      // What each label printed here showed, so a reprint is the same label before and after sync.
      // Per device, kept through a mirror reset: printers, label format, and what labels print as sender.
      `CREATE TABLE device_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL CHECK (json_valid(value)));`,
      `CREATE TABLE local_labels (shipment_id TEXT PRIMARY KEY, label TEXT NOT NULL CHECK (json_valid(label)), slip TEXT NOT NULL CHECK (json_valid(slip)));`,
    ].join('\n'),
  },
  {
    version: 5,
    name: 'orders and order lines with stored columns and indexes for the orders queue',
    sql: rebuildWithColumns('order', [
      ['status', 'TEXT', "json_extract(row, '$.status')"],
      ['created_at', 'INTEGER', "json_extract(row, '$.createdAt')"],
      ['updated_at', 'INTEGER', "json_extract(row, '$.updatedAt')"],
      ['number', 'TEXT', "json_extract(row, '$.number')"],
      // Lower-cased once here: the queue matches e-mails case-insensitively, as the API does.
      ['email', 'TEXT', "lower(json_extract(row, '$.email'))"],
      ['customer_id', 'TEXT', "json_extract(row, '$.customerId')"],
      ['flagged', 'INTEGER', "json_extract(row, '$.flagged')"],
      ['total_minor', 'INTEGER', "json_extract(row, '$.totalMinor')"],
    ]).concat(
      rebuildWithColumns('orderLine', [
        ['order_id', 'TEXT', "json_extract(row, '$.orderId')"],
        ['sku', 'TEXT', "json_extract(row, '$.sku')"],
        ['quantity', 'INTEGER', "json_extract(row, '$.quantity')"],
      ]),
      // The queue's walk, newest first, carries every filtered column: a filter is checked in the
      // index without reading the row (its JSON) of an order that does not match.
      `CREATE INDEX mirror_order_newest ON mirror_order
  (created_at DESC, id, status, number, email, customer_id, flagged, total_minor);
CREATE INDEX mirror_order_status_newest ON mirror_order (status, created_at DESC, id, flagged, updated_at);
CREATE INDEX mirror_order_number ON mirror_order (number, created_at, id);
CREATE INDEX mirror_order_line_order_id ON mirror_order_line (order_id, quantity);
CREATE INDEX mirror_order_line_sku ON mirror_order_line (sku, order_id);`,
    ),
  },
];

/**
 * The SQL that rebuilds a mirror table with STORED generated columns over its JSON (SQLite can
 * only add VIRTUAL ones to an existing table): computed once when a row is written, instead of
 * parsing the JSON of every row a query filters or sorts. The store still writes `(id, row)` only.
 * The old table's indexes go with it; the caller creates the new ones.
 */
function rebuildWithColumns(
  entity: string,
  columns: ReadonlyArray<[name: string, type: string, expr: string]>,
) {
  const table = mirrorTable(entity);
  const generated = columns.map(
    ([name, type, expr]) => `,\n  ${name} ${type} GENERATED ALWAYS AS (${expr}) STORED`,
  );
  return `CREATE TABLE ${table}_rebuilt (
  id TEXT PRIMARY KEY,
  row TEXT NOT NULL CHECK (json_valid(row))${generated.join('')}
);
INSERT INTO ${table}_rebuilt (id, row) SELECT id, row FROM ${table};
DROP TABLE ${table};
ALTER TABLE ${table}_rebuilt RENAME TO ${table};
`;
}

export const latestVersion = (list: readonly Migration[] = migrations): number => list.at(-1)?.version ?? 0;

/**
 * Brings the file up to the last step of `list`. A file written by a newer app (a higher version
 * than this app knows) is refused rather than used with a schema this code does not understand.
 */
export function migrate(db: Database.Database, list: readonly Migration[] = migrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(list);
  if (current > latest) {
    throw new Error(
      `The offline cache was written by a newer Shoebox (schema ${current}, this app knows ${latest}); update the app.`,
    );
  }
  for (const step of list) {
    if (step.version <= current) continue;
    db.transaction(() => {
      db.exec(step.sql);
      // user_version is part of the database header, written in the same transaction.
      db.pragma(`user_version = ${step.version}`);
    })();
  }
  return latestVersion(list);
}
