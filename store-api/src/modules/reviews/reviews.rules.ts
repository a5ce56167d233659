/**
 * The pure rules of reviews: when a review waits for a moderator, and what the fit votes say.
 * No I/O, so they are tested without a database.
 */
import type { ReviewFit } from '@shoebox/shared/contracts';

/** Used when REVIEW_BANNED_WORDS is not set: insults and spam bait a shoe shop never wants live. */
export const DEFAULT_BANNED_WORDS = ['idiot', 'stupid', 'scam', 'viagra', 'casino', 'crypto'];

export type HeldReason = 'link' | 'banned_word';

// A scheme, "www.", or a bare domain with a common top-level domain: links are spam's vehicle.
const LINK = /(https?:\/\/|www\.|\b[a-z0-9-]+\.(com|net|org|info|biz|ru|io|shop|xyz|co)\b)/i;

/** Why a review must wait for a moderator, or null when it may go live at once. */
export function heldReasonOf(text: string, bannedWords: readonly string[]): HeldReason | null {
  if (LINK.test(text)) return 'link';
  const words = new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  return bannedWords.some((w) => words.has(w.toLowerCase())) ? 'banned_word' : null;
}

/**
 * At least this many fit votes before a verdict, and the winning share must be above two thirds:
 * "most say" should survive the next vote, so 2 of 3 is not enough, 3 of 4 is.
 */
export const VERDICT_MIN_VOTES = 3;
export const VERDICT_MAJORITY = 2 / 3;

const verdictText: Record<ReviewFit, string> = {
  small: 'Most say it runs small',
  true: 'Most say it fits true to size',
  large: 'Most say it runs large',
};

/** "Most say it runs small" when a clear majority agrees, else null (a split vote says nothing). */
export function fitVerdict(votes: Record<ReviewFit, number>): string | null {
  const total = votes.small + votes.true + votes.large;
  if (total < VERDICT_MIN_VOTES) return null;
  const [fit, n] = (Object.entries(votes) as [ReviewFit, number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
  return n / total > VERDICT_MAJORITY ? verdictText[fit] : null;
}

/** Shown publicly: the first name only, so a review does not publish a full name. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] || 'A shopper';
