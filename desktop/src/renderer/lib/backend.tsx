/** The backend as the screens see it: one typed `invoke` and `on`, from context (tests pass a fake). */
import { createContext, type ReactNode, useContext } from 'react';
import type { IpcClient } from '../../ipc/index.ts';

const BackendContext = createContext<IpcClient | null>(null);

export function BackendProvider({ client, children }: { client: IpcClient; children: ReactNode }) {
  return <BackendContext.Provider value={client}>{children}</BackendContext.Provider>;
}

export function useBackend(): IpcClient {
  const client = useContext(BackendContext);
  if (!client) throw new Error('useBackend outside <BackendProvider>');
  return client;
}
