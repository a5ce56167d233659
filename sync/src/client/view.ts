import { effectRows } from '../mutations/effects.ts';
import { findMutation } from '../mutations/registry.ts';
import type { DomainReader } from '../mutations/types.ts';
import { type AnyRow, type EntityName, type EntityRow, rowKey } from '../protocol/entities.ts';
import type { LocalStore, OutboxEntry } from './ports.ts';

/**
 * The client view: the mirror with the outbox replayed on top, through the same plans the server
 * runs. A mutation whose plan fails against the view (the shelf the screen shows is already
 * empty) simply does not show; it stays in the outbox and the server decides.
 */
export interface Overlay {
  rows: ReadonlyMap<string, AnyRow>;
  /** Outbox mutations the view could not replay, with the code the server will probably answer. */
  unplayable: ReadonlyMap<string, string>;
}

export const emptyOverlay: Overlay = { rows: new Map(), unplayable: new Map() };

export const viewReader = (store: LocalStore, overlay: Overlay): DomainReader => ({
  async get<E extends EntityName>(entity: E, id: string): Promise<EntityRow<E> | null> {
    const row = overlay.rows.get(rowKey(entity, id));
    return row ? (structuredClone(row) as EntityRow<E>) : store.get(entity, id);
  },
});

/** Parsed args by mutation id: an outbox entry never changes, so it is parsed once per run. */
export type ArgsCache = Map<string, { success: boolean; data?: unknown }>;

export const replayOutbox = async (
  store: LocalStore,
  entries: readonly OutboxEntry[],
  deviceId: string,
  cache: ArgsCache = new Map(),
): Promise<Overlay> => {
  const rows = new Map<string, AnyRow>();
  const unplayable = new Map<string, string>();
  const read = viewReader(store, { rows, unplayable });
  for (const { envelope } of entries) {
    const definition = findMutation(envelope.name);
    let args = cache.get(envelope.id);
    if (!args && definition) {
      args = definition.args.safeParse(envelope.args);
      cache.set(envelope.id, args);
    }
    if (!definition || !args?.success) {
      unplayable.set(envelope.id, definition ? 'MUTATION_ARGS_INVALID' : 'MUTATION_UNKNOWN');
      continue;
    }
    const plan = await definition.plan(args.data, read, { deviceId, mutationId: envelope.id });
    if (!plan.ok) {
      unplayable.set(envelope.id, plan.error.code);
      continue;
    }
    const ctx = { now: envelope.clientTime, deviceId };
    for (const effect of plan.value.effects) {
      const changes = await effectRows(effect, read, ctx);
      if (changes === 'stale') continue;
      for (const change of changes) rows.set(rowKey(change.entity, change.id), change.row);
    }
  }
  return { rows, unplayable };
};
