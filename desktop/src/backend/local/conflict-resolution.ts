/**
 * Turning a refused product edit (PRODUCT_EDIT_CONFLICT) and a manager's choice per field into
 * the next `product.update`. Pure: the handler reads the refusal and the mirror, this decides.
 */
import type { ProductEditable } from '@shoebox/sync/protocol';

type Field = keyof ProductEditable;
type Fields = Partial<Record<Field, unknown>>;

export interface RefusedEdit {
  productId: string;
  fields: Fields;
  base: Fields;
}
export interface Conflict {
  field: string;
  theirs: unknown;
}
/** The server's product as this device knows it now, when the mirror has caught up with the refusal. */
export interface ServerProduct {
  version: number;
  values: Fields;
}

export type Resolution =
  | { kind: 'send'; edit: { productId: string; baseVersion: number; fields: Fields; base: Fields } }
  | { kind: 'nothing-left' }
  | { kind: 'choice-missing'; fields: string[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Keeps this device's value for every field it changed except the conflicting ones the manager
 * gave to "theirs", against the server's current version: the mirror's product when it is at
 * least as new as the refusal, else the refusal's own account (`theirs` for the conflicting
 * fields; a field that did not conflict still held its old value, or already the new one).
 */
export function resolveConflict(
  refused: RefusedEdit,
  conflicts: readonly Conflict[],
  currentVersion: number,
  server: ServerProduct | null,
  keep: Readonly<Record<string, 'mine' | 'theirs'>>,
): Resolution {
  const missing = conflicts.map((c) => c.field).filter((f) => !keep[f]);
  if (missing.length > 0) return { kind: 'choice-missing', fields: missing };
  const useMirror = server !== null && server.version >= currentVersion;
  const theirsOf = new Map(conflicts.map((c) => [c.field, c.theirs]));
  const fields: Fields = {};
  const base: Fields = {};
  for (const field of Object.keys(refused.fields) as Field[]) {
    const now = useMirror
      ? server.values[field]
      : theirsOf.has(field)
        ? theirsOf.get(field)
        : refused.base[field];
    const wanted = keep[field] === 'theirs' ? now : refused.fields[field];
    if (same(wanted, now)) continue;
    fields[field] = wanted;
    base[field] = now;
  }
  if (Object.keys(fields).length === 0) return { kind: 'nothing-left' };
  return {
    kind: 'send',
    edit: {
      productId: refused.productId,
      baseVersion: useMirror ? server.version : currentVersion,
      fields,
      base,
    },
  };
}
