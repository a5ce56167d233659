/**
 * A keyboard-wedge scanner types the code and Enter into whatever has focus. A scanner screen
 * keeps one input focused: this hook gives it the Enter handling (a burst of keys ending in Enter
 * is a scan; slower typing is a typed code, and both submit), and gives focus back when it
 * wanders off to nothing, but never steals it from an open dialog (whose close returns it here).
 */
import { type KeyboardEvent, useCallback, useEffect, useRef } from 'react';
import { dialogOpen, isTypingTarget } from '../lib/dom.ts';

export interface ScanEvent {
  code: string;
  /** `scanner` when the keys came faster than a person types. */
  source: 'scanner' | 'keyboard';
}

export interface BurstOptions {
  /** Keys further apart than this are a person typing (scanners send a key every few ms). */
  maxGapMs?: number;
  /** Shorter bursts are a person's quick fingers, not a barcode. */
  minLength?: number;
}

/** The timing half, pure: feed it keys with their times; Enter returns what was typed, and how. */
export function createBurstDetector({ maxGapMs = 50, minLength = 4 }: BurstOptions = {}) {
  let typed = 0;
  let last = 0;
  let slow = false;
  const reset = () => {
    typed = 0;
    last = 0;
    slow = false;
  };
  return {
    key(key: string, at: number): ScanEvent['source'] | null {
      if (key === 'Enter') {
        const source = !slow && typed >= minLength ? 'scanner' : 'keyboard';
        reset();
        return source;
      }
      if (key.length !== 1) return null;
      if (typed > 0 && at - last > maxGapMs) slow = true;
      typed++;
      last = at;
      return null;
    },
    reset,
  };
}

/** How often the scanner checks that focus is still where a scan can land. */
const FOCUS_CHECK_MS = 200;

export function useScanner(options: BurstOptions & { onScan(scan: ScanEvent): void; keepFocus?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  const detector = useRef(createBurstDetector(options));
  const onScan = useRef(options.onScan);
  onScan.current = options.onScan;
  const keepFocus = options.keepFocus ?? true;

  const onKeyDown = useCallback((e: KeyboardEvent<HTMLInputElement>) => {
    const source = detector.current.key(e.key, e.timeStamp || performance.now());
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const input = e.currentTarget;
    const code = input.value.trim();
    input.value = '';
    if (code && source) onScan.current({ code, source });
  }, []);

  // Focus on nothing, or on a button (where a scanned Enter would press it), goes back to the
  // input; a field the user chose, or anything inside an open dialog, keeps it.
  const reclaim = useCallback(() => {
    const active = document.activeElement;
    if (!keepFocus || active === ref.current || dialogOpen()) return;
    if (!active || active === document.body || !isTypingTarget(active)) ref.current?.focus();
  }, [keepFocus]);
  const reclaimSoon = useCallback(() => setTimeout(reclaim, 0), [reclaim]);

  useEffect(() => {
    if (!keepFocus) return;
    ref.current?.focus();
    // Dialogs hand focus back when they close, sometimes to the button that opened them: a slow
    // check catches every such case without wiring each dialog.
    const timer = setInterval(reclaim, FOCUS_CHECK_MS);
    return () => clearInterval(timer);
  }, [keepFocus, reclaim]);

  return { ref, onKeyDown, onBlur: reclaimSoon };
}
