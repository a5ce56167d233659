/**
 * Exponential backoff with jitter: attempt n waits between half and all of min(cap, base * 2^n),
 * the random part spreading a shop's desktops apart when the server comes back.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 1000, capMs: 60_000 };

export const backoffDelay = (attempt: number, random: () => number, options = defaultBackoff): number => {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
};
