import type { EntityName } from '@shoebox/sync/protocol';
import { warehousePolicy } from '@shoebox/sync/server';

export { encodeCursor } from '@shoebox/sync/protocol';

/** The fields a warehouse device may get for a row of `entity` (the row, as the owner sees it, decides the conditional ones). */
export function warehousePolicyFields(entity: string, fullRow: Record<string, unknown>): string[] {
  const rule = warehousePolicy[entity as EntityName];
  if (!rule) throw new Error(`no warehouse rule for ${entity}`);
  const conditional = Object.entries(rule.when ?? {})
    .filter(([, c]) => c.in.includes(String(fullRow[c.field])))
    .map(([f]) => f);
  return [...rule.fields, ...conditional];
}
