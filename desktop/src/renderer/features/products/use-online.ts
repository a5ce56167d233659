/** Whether the shop server is reachable now: the writes only it can make are offered only then. */
import { useSyncStatus } from '../../lib/sync-status.ts';

export function useOnline(): boolean {
  const status = useSyncStatus();
  return status?.state !== 'offline';
}

export const needsConnection =
  'Needs a connection to the shop server: this works again once the app is online.';
