import { useEffect, useState } from 'react';
import { messageOf } from './api.ts';

export interface Fetched<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/** Requests started before their page rendered (loaders.ts), taken once by the first useFetch of the key. */
const started = new Map<string, Promise<unknown>>();

export function prefetch<T>(key: string, load: () => Promise<T>): void {
  if (!started.has(key)) started.set(key, load());
}

function take<T>(key: string, load: () => Promise<T>): Promise<T> {
  const early = started.get(key) as Promise<T> | undefined;
  started.delete(key);
  return early ?? load();
}

/**
 * Loads `load()` whenever `key` changes; keeps the previous data on screen while the next loads
 * (a filter change does not blank the grid) and ignores answers that arrive after a newer key.
 */
export function useFetch<T>(key: string, load: () => Promise<T>): Fetched<T> {
  const [state, setState] = useState<Fetched<T>>({ data: null, error: null, loading: true });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names everything `load` reads
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    take(key, load).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (e: unknown) => current && setState({ data: null, error: messageOf(e), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}
