/**
 * Calls one handler and tracks its state for the four screen states: loading, error, data (an
 * empty result is the screen's to judge). `reload` calls it again.
 */
import type { DomainError } from '@shoebox/shared';
import { useCallback, useEffect, useState } from 'react';
import type { ArgsIn, HandlerName, ResultOf } from '../../ipc/index.ts';
import { useBackend } from './backend.tsx';

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'error'; error: DomainError }
  | { status: 'ready'; data: T };

export function useInvoke<N extends HandlerName>(
  name: N,
  args: ArgsIn<N>,
): Loadable<ResultOf<N>> & { reload(): void } {
  const backend = useBackend();
  const [state, setState] = useState<Loadable<ResultOf<N>>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(args);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `args`; attempt re-runs it
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    (backend.invoke as (n: N, a: unknown) => Promise<ResultOf<N>>)(name, JSON.parse(key)).then(
      (data) => live && setState({ status: 'ready', data }),
      (error: DomainError) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [backend, name, key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
