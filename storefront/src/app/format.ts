const formats = new Map<string, Intl.NumberFormat>();

/** Minor units to a price the shopper reads, e.g. 12995 EUR -> "€129.95". */
export function money(minor: number, currency: string): string {
  let f = formats.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en-IE', { style: 'currency', currency });
    formats.set(currency, f);
  }
  return f.format(minor / 100);
}
