import { useState } from 'react';
import { messageOf } from './api.ts';

/**
 * One user action against the API at a time: `busy` while it runs, its error as a sentence for
 * the shopper. `run` resolves true when the action succeeded.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, onError?: (e: unknown) => void): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(messageOf(e));
      onError?.(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
