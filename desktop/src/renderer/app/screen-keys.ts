/**
 * Single-key shortcuts inside one screen (`n` new, `c` count...). They are listed on the screen's
 * route (routes.tsx `shortcuts`) so the cheat sheet shows them; this hook binds them. Keys typed
 * into a field, keys while a dialog is open and the letter after `g` are not the screen's.
 */
import { useEffect, useRef } from 'react';
import { dialogOpen, isTypingTarget } from '../lib/dom.ts';
import { goPending } from './shortcuts.ts';

export interface Shortcut {
  keys: string;
  what: string;
}

export function useScreenKeys(bindings: Record<string, (() => void) | undefined>): void {
  const latest = useRef(bindings);
  latest.current = bindings;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTypingTarget(e.target) || dialogOpen() || goPending() || e.key === 'g') return;
      // Named keys are bound lower-case (`escape`), letters as typed.
      const action =
        latest.current[e.key] ?? (e.key.length > 1 ? latest.current[e.key.toLowerCase()] : undefined);
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
