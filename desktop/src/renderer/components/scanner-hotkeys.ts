/**
 * Single-key hotkeys on a scanner screen whose input always has focus (the pack station's 1-4
 * and R). A scanned code can start with the same key (a GTIN starting with 1), so a hotkey key
 * typed into the empty input is held back for a moment: another key right after it (a scanner
 * sends one every few ms) means it was the start of a code and it goes into the input; silence
 * means a person pressed it, and it runs as a hotkey.
 */
import type { KeyboardEvent } from 'react';
import { useEffect, useRef } from 'react';

/** Longer than a scanner's gap between keys, shorter than a person notices. */
export const HOTKEY_HOLD_MS = 60;

export function useScannerHotkeys(
  bindings: Record<string, (() => void) | undefined>,
  holdMs = HOTKEY_HOLD_MS,
): (e: KeyboardEvent<HTMLInputElement>) => boolean {
  const latest = useRef(bindings);
  latest.current = bindings;
  const held = useRef<{ key: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  useEffect(() => () => clearTimeout(held.current?.timer), []);

  /** Call first in the input's onKeyDown; `true` means the key was taken (held or run). */
  return (e) => {
    const input = e.currentTarget;
    if (held.current) {
      // A key right after the held one: it was a code. Put the held key back where it was typed.
      clearTimeout(held.current.timer);
      input.value = held.current.key + input.value;
      held.current = null;
      return false;
    }
    if (input.value !== '' || e.ctrlKey || e.metaKey || e.altKey) return false;
    const action = latest.current[e.key] ?? latest.current[e.key.toLowerCase()];
    if (!action || e.key.length !== 1) return false;
    e.preventDefault();
    const key = e.key;
    held.current = {
      key,
      timer: setTimeout(() => {
        held.current = null;
        (latest.current[key] ?? latest.current[key.toLowerCase()])?.();
      }, holdMs),
    };
    return true;
  };
}
