/** Money and sizes as people read them, from shared's rules (one formatting for the whole app). */
import { type Currency, currencies, formatMoney, sizeLabels } from '@shoebox/shared';

const isCurrency = (c: string): c is Currency => (currencies as readonly string[]).includes(c);

/**
 * Always with its currency. `null` is money this role may not see (the API sends null), shown as
 * a dash rather than a zero that would be a lie.
 */
export function money(amountMinor: number | null, currency: string): string {
  if (amountMinor === null) return '—';
  if (!isCurrency(currency)) return `${(amountMinor / 100).toFixed(2)} ${currency}`;
  return formatMoney(amountMinor, currency);
}

/** EU first; US/UK beside it where a customer is concerned ("EU 39 · US 8.5 · UK 6"). */
export function size(eu: number, options: { forCustomer?: boolean } = {}): string {
  const labels = sizeLabels(eu);
  return options.forCustomer ? `EU ${labels.eu} · US ${labels.us} · UK ${labels.uk}` : `EU ${labels.eu}`;
}

const timeFormat = new Intl.DateTimeFormat('en-IE', { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat('en-IE', { dateStyle: 'medium', timeStyle: 'short' });

/** "14:05" today, "2 Dec 2026, 14:05" on other days. */
export function when(iso: string, now = new Date()): string {
  const d = new Date(iso);
  return d.toDateString() === now.toDateString() ? timeFormat.format(d) : dateTimeFormat.format(d);
}
