/**
 * Every page of a paged list handler, gathered into one array. The lists come from this device's
 * cache, so reading 10k orders is fifty local calls, and filtering and sorting them then happens
 * in the table without another call (a filter change stays well under 100 ms).
 */
import type { DomainError } from '@shoebox/shared';
import { useCallback, useEffect, useState } from 'react';
import type { ArgsIn, HandlerName, ResultOf } from '../../ipc/index.ts';
import { useBackend } from './backend.tsx';
import type { Loadable } from './use-invoke.ts';

type Paged = { items: unknown[]; page: number; pageSize: number; total: number };
type PagedHandler = { [N in HandlerName]: ResultOf<N> extends Paged ? N : never }[HandlerName];
type ItemOf<N extends PagedHandler> = ResultOf<N>['items'][number];

const PAGE_SIZE = 200;
/** A guard against a backend that never says it is done. */
const MAX_PAGES = 500;

export function useAllPages<N extends PagedHandler>(
  name: N,
  args: Omit<ArgsIn<N>, 'page' | 'pageSize'>,
): Loadable<{ items: ItemOf<N>[]; last: ResultOf<N> }> & { reload(): void } {
  const backend = useBackend();
  type Data = { items: ItemOf<N>[]; last: ResultOf<N> };
  const [state, setState] = useState<Loadable<Data>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(args);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `args`; attempt re-runs it
  useEffect(() => {
    let live = true;
    const invoke = backend.invoke as (n: N, a: unknown) => Promise<ResultOf<N>>;
    (async () => {
      const items: ItemOf<N>[] = [];
      let last: ResultOf<N> | undefined;
      for (let page = 1; page <= MAX_PAGES; page++) {
        last = await invoke(name, { ...JSON.parse(key), page, pageSize: PAGE_SIZE });
        items.push(...(last.items as ItemOf<N>[]));
        if (!live || items.length >= last.total || last.items.length < PAGE_SIZE) break;
      }
      if (live && last) setState({ status: 'ready', data: { items, last } });
    })().catch((error: DomainError) => live && setState({ status: 'error', error }));
    return () => {
      live = false;
    };
  }, [backend, name, key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
