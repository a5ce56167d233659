import { describe, expect, it } from 'vitest';
import { money } from './format.ts';

describe('money', () => {
  it('formats minor units with the currency symbol and thousands separators', () => {
    expect(money(12995, 'EUR')).toBe('€129.95');
    expect(money(0, 'EUR')).toBe('€0.00');
    expect(money(5, 'GBP')).toBe('£0.05');
    expect(money(123456789, 'USD')).toBe('$1,234,567.89');
    expect(money(-2599, 'EUR')).toBe('-€25.99');
    expect(money(1000, 'CHF')).toBe('10.00 CHF');
  });
});
