/**
 * The signed-in user for the whole app: read once at start, then kept current by the
 * `session.changed` event (sign-out elsewhere, a session the backend had to drop).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { accessVerdict } from '../../ipc/access.ts';
import type { Session } from '../../ipc/index.ts';
import type { Access } from '../../ipc/spec.ts';
import { useBackend } from './backend.tsx';

interface SessionValue {
  /** undefined while the first answer is on its way. */
  session: Session | null | undefined;
  /** `code`: the authenticator or recovery code, once the first try answered MFA_REQUIRED. */
  signIn(email: string, password: string, code?: string): Promise<Session>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const backend = useBackend();
  const [session, setSession] = useState<Session | null | undefined>(undefined);

  useEffect(() => {
    const off = backend.on('session.changed', setSession);
    backend.invoke('session.current').then(setSession, () => setSession(null));
    return off;
  }, [backend]);

  const signIn = useCallback(
    async (email: string, password: string, code?: string) => {
      const next = await backend.invoke('session.signIn', { email, password, ...(code ? { code } : {}) });
      setSession(next);
      return next;
    },
    [backend],
  );
  const signOut = useCallback(async () => {
    await backend.invoke('session.signOut');
    setSession(null);
  }, [backend]);

  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

/** Whether a session may use something declared with `access` (the backend's own rule). */
export const allows = (session: Session | null | undefined, access: Access): boolean =>
  accessVerdict(access, session) === 'allowed';
