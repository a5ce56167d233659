import type { PrintAddress } from './types.ts';

/** The lines of an address as printed, top to bottom. */
export function addressLines(a: PrintAddress): string[] {
  return [a.company, a.line1, a.line2, `${a.postalCode} ${a.city}`.trim(), a.country.toUpperCase()].filter(
    (l): l is string => Boolean(l?.trim()),
  );
}
