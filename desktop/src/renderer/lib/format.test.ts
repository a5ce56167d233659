import { describe, expect, it } from 'vitest';
import { money, size, when } from './format.ts';
import { errorWords } from './words.ts';

describe('formatting', () => {
  it('shows money with its currency, and hidden money as a dash, not a zero', () => {
    expect(money(14_000, 'EUR')).toBe('€140.00');
    expect(money(-250, 'GBP')).toBe('-£2.50');
    expect(money(null, 'EUR')).toBe('—');
  });

  it('shows EU sizes first, with US and UK beside them for customers', () => {
    expect(size(39)).toBe('EU 39');
    expect(size(39, { forCustomer: true })).toMatch(/^EU 39 · US \S+ · UK \S+$/);
  });

  it('shows a time alone for today and a date for other days', () => {
    const now = new Date('2026-12-02T15:00:00');
    expect(when(new Date('2026-12-02T09:05:00').toISOString(), now)).toBe('09:05');
    expect(when(new Date('2026-11-30T09:05:00').toISOString(), now)).toMatch(/30 Nov 2026/);
  });
});

describe('errors in words', () => {
  it('replaces plumbing messages and keeps the code', () => {
    expect(errorWords({ code: 'IPC_INTERNAL', message: 'TypeError: x is undefined' })).toMatchObject({
      title: 'Something went wrong inside the app.',
      code: 'IPC_INTERNAL',
    });
  });

  it("keeps the API's own message when it is already written for people", () => {
    expect(errorWords({ code: 'INSUFFICIENT_STOCK', message: 'Only 1 left of EU 39 Black.' })).toEqual({
      title: 'Only 1 left of EU 39 Black.',
      code: 'INSUFFICIENT_STOCK',
    });
  });
});
