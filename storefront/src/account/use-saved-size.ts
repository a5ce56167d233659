/** The signed-in shopper's saved EU size (null when signed out or none saved), loaded after the page. */
import { useEffect, useState } from 'react';
import { accountApi, authed, useSignedIn } from './session.ts';

export function useSavedSize(): number | null {
  const signedIn = useSignedIn();
  const [size, setSize] = useState<number | null>(null);
  useEffect(() => {
    if (!signedIn) return setSize(null);
    let current = true;
    authed(() => accountApi.account.get()).then(
      (p) => current && setSize(p.savedSizeEu),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [signedIn]);
  return size;
}
