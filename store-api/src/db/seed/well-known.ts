/**
 * Rows of the demo shop with the same id in every seeded database, so the examples of the API
 * document (http/openapi/examples.ts) work as written against `npm start`'s shop. Every other id
 * is minted at seed time. These are UUIDv7 with a fixed 2024-01-01 timestamp: valid ids, older
 * than anything minted live.
 */
export const wellKnownIds = {
  'brand:rue-margot': '018cc251-f400-7000-8000-00000000b001',
  'category:pumps-heels': '018cc251-f400-7000-8000-00000000c001',
  'location:WH1': '018cc251-f400-7000-8000-00000000a001',
  'bin:WH1:A-01-1': '018cc251-f400-7000-8000-00000000a101',
  'variant:MILA-POINTED-LEOPARD-38': '018cc251-f400-7000-8000-00000000e038',
  'variant:MILA-POINTED-LEOPARD-39': '018cc251-f400-7000-8000-00000000e039',
} as const;

export type WellKnownKey = keyof typeof wellKnownIds;

/** The fixed id of the row with this natural key, if it has one. */
export const wellKnownId = (key: string): string | undefined =>
  Object.hasOwn(wellKnownIds, key) ? wellKnownIds[key as WellKnownKey] : undefined;
