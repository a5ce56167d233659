import { useOnline } from '../app/offline.ts';

/** A plain line under the header while the phone has no connection: what still works and what does not. */
export function OfflineNotice() {
  const online = useOnline();
  if (online) return null;
  return (
    <p className="offline-notice" role="status">
      You are offline. Pages you have viewed still open; the bag and checkout need a connection.
    </p>
  );
}
