/**
 * Settings and customers are the shop's own records, kept on the shop server: offline a screen
 * says so and what still works, instead of loading forever; back online it loads by itself.
 */
import type { ReactNode } from 'react';
import { ErrorState, LoadingSkeleton, OfflineNotice } from '../../components/ScreenState.tsx';
import { useSyncStatus } from '../../lib/sync-status.ts';
import type { Loadable } from '../../lib/use-invoke.ts';

export function OnlineOnly({ what, children }: { what: string; children: ReactNode }) {
  const status = useSyncStatus();
  if (status?.state === 'offline')
    return (
      <OfflineNotice
        stillWorks={`${what} needs a connection to the shop server. Orders, stock and counting keep working on this device; this page loads again by itself when the connection is back.`}
      />
    );
  return <>{children}</>;
}

/** The loading and error states of one read; `children` renders the data. */
export function Loaded<T>(props: {
  state: Loadable<T> & { reload(): void };
  label: string;
  rows?: number;
  children(data: T): ReactNode;
}) {
  const { state } = props;
  if (state.status === 'loading') return <LoadingSkeleton rows={props.rows ?? 6} label={props.label} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={state.reload} />;
  return <>{props.children(state.data)}</>;
}
