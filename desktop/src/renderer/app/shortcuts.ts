/**
 * The app-wide keys: `/` focuses the search, `?` opens the cheat sheet, `g` then a letter opens
 * a screen. Keys typed into a field are the field's (a scanner types into one too), except Esc.
 */
import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../lib/dom.ts';

export const GO_WINDOW_MS = 1500;

/** When `g` was pressed (0: not waiting for a letter). Screen keys stand aside meanwhile. */
let goPressedAt = 0;
export const goPending = (): boolean => goPressedAt > 0 && performance.now() - goPressedAt <= GO_WINDOW_MS;

export interface GlobalKeyActions {
  search(): void;
  help(): void;
  /** `g` then `letter`; returns whether a screen had that letter. */
  go(letter: string): boolean;
}

export function useGlobalKeys(actions: GlobalKeyActions): void {
  const latest = useRef(actions);
  latest.current = actions;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTypingTarget(e.target)) return;
      const now = performance.now();
      if (goPressedAt && now - goPressedAt <= GO_WINDOW_MS && e.key.length === 1) {
        goPressedAt = 0;
        if (latest.current.go(e.key.toLowerCase())) e.preventDefault();
        return;
      }
      if (e.key === 'g') {
        goPressedAt = now;
      } else if (e.key === '/') {
        e.preventDefault();
        latest.current.search();
      } else if (e.key === '?') {
        e.preventDefault();
        latest.current.help();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
