/**
 * Rows per multi-row INSERT and values per `IN (...)` list: well inside both drivers' placeholder
 * limits (MySQL 65,535 per statement, SQLite 32,766).
 */
export const BATCH = 400;

export function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs one `IN (...)` query per chunk of the distinct `values` and concatenates the rows. */
export async function inChunks<V, R>(
  values: readonly V[],
  query: (chunk: V[]) => Promise<R[]>,
): Promise<R[]> {
  const out: R[] = [];
  for (const chunk of chunks([...new Set(values)])) out.push(...(await query(chunk)));
  return out;
}
