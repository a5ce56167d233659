import type { ReturnReason } from '@shoebox/shared/store';

/**
 * The API's reason codes in the shopper's words. Typed against the contract (a new code fails
 * typecheck here) but kept as plain strings: importing the contract's value would pull zod into
 * the page (decision 0035).
 */
export const REASONS = {
  too_small: 'Too small',
  too_large: 'Too large',
  too_narrow: 'Too narrow',
  too_wide: 'Too wide',
  uncomfortable: 'Uncomfortable',
  not_as_pictured: 'Not as pictured',
  defective: 'Faulty or damaged',
  changed_mind: 'Changed my mind',
} as const satisfies Record<ReturnReason, string>;

export const reasonCodes = Object.keys(REASONS) as ReturnReason[];

/** A size exchange makes sense for these; the form offers "another size" only then. */
export const sizeReasons: readonly ReturnReason[] = ['too_small', 'too_large', 'too_narrow', 'too_wide'];
