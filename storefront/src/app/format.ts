/**
 * Minor units to a price the shopper reads, e.g. 12995 EUR -> "€129.95", 123456 -> "€1,234.56".
 * By hand rather than Intl.NumberFormat: building the first NumberFormat loads ICU locale data,
 * measured at about 130 ms of main-thread time in chromium, the largest single task of a page load.
 */
const symbols: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };

export function money(minor: number, currency: string): string {
  const sign = minor < 0 ? '-' : '';
  const [whole, cents] = (Math.abs(minor) / 100).toFixed(2).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const symbol = symbols[currency];
  return symbol ? `${sign}${symbol}${grouped}.${cents}` : `${sign}${grouped}.${cents} ${currency}`;
}
