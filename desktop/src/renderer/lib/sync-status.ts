/** The sync state for the top bar and banners: asked once, then pushed by the `sync.status` event. */
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../ipc/index.ts';
import { useBackend } from './backend.tsx';

export function useSyncStatus(): SyncStatus | undefined {
  const backend = useBackend();
  const [status, setStatus] = useState<SyncStatus | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const off = backend.on('sync.status', (s) => live && setStatus(s));
    backend.invoke('sync.status').then(
      (s) => live && setStatus((current) => current ?? s),
      () => {},
    );
    return () => {
      live = false;
      off();
    };
  }, [backend]);
  return status;
}
