import { describe, expect, it } from 'vitest';
import { firstName, fitVerdict, heldReasonOf } from './reviews.rules.ts';

const banned = ['scam', 'rubbish'];

describe('review rules', () => {
  it('holds links in any spelling, and banned words as whole words in any case', () => {
    expect(heldReasonOf('See https://x.test/deal', banned)).toBe('link');
    expect(heldReasonOf('go to www.shoes4less.example', banned)).toBe('link');
    expect(heldReasonOf('cheaper on shoe-outlet.com', banned)).toBe('link');
    expect(heldReasonOf('What a SCAM.', banned)).toBe('banned_word');
    // "scampi" contains "scam" but is not the word.
    expect(heldReasonOf('Wore them to a scampi dinner. Lovely.', banned)).toBeNull();
    expect(heldReasonOf('Comfortable all day, true to size.', banned)).toBeNull();
    expect(heldReasonOf('What a scam', [])).toBeNull();
  });

  it('gives a fit verdict only with three votes and more than two thirds agreeing', () => {
    expect(fitVerdict({ small: 2, true: 0, large: 0 })).toBeNull();
    expect(fitVerdict({ small: 2, true: 1, large: 0 })).toBeNull();
    expect(fitVerdict({ small: 3, true: 1, large: 0 })).toBe('Most say it runs small');
    expect(fitVerdict({ small: 0, true: 5, large: 2 })).toBe('Most say it fits true to size');
    expect(fitVerdict({ small: 1, true: 0, large: 9 })).toBe('Most say it runs large');
    expect(fitVerdict({ small: 4, true: 4, large: 4 })).toBeNull();
  });

  it('shows only the first name', () => {
    expect(firstName('  Ana María López ')).toBe('Ana');
    expect(firstName('')).toBe('A shopper');
  });
});
