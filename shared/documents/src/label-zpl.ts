import { addressLines } from './address.ts';
import { formatWeight } from './label-pdf.ts';
import type { LabelData } from './types.ts';

/**
 * The same label as ZPL II for 203 dpi thermal printers (4 x 6 in = 812 x 1218 dots).
 * `^CI28` selects UTF-8, so "Łódź" prints with a printer font that has the glyphs; `^FH` lets
 * field data carry `^` and `~` escaped as hex, so an address can never inject a command.
 */
export function renderLabelZpl(label: LabelData): string {
  const out: string[] = ['^XA', '^CI28', '^PW812', '^LL1218', '^LH0,0'];
  const text = (x: number, y: number, size: number, value: string) =>
    out.push(`^FO${x},${y}^A0N,${size},${size}^FH^FD${escapeField(value)}^FS`);

  text(30, 30, 50, label.carrier.toUpperCase());
  text(30, 90, 32, label.service);
  text(560, 30, 26, label.shipDate);
  text(560, 62, 26, formatWeight(label.weightGrams));
  out.push('^FO30,135^GB752,3,3^FS');
  text(30, 150, 22, 'FROM');
  for (const [i, l] of [label.from.name, ...addressLines(label.from)].entries())
    text(30, 178 + i * 26, 24, l);
  out.push('^FO30,330^GB752,3,3^FS');
  text(30, 345, 22, 'SHIP TO');
  text(30, 375, 48, label.to.name);
  for (const [i, l] of addressLines(label.to).entries()) text(30, 435 + i * 40, 38, l);
  out.push('^FO30,740^GB752,3,3^FS');
  text(30, 755, 28, `Order ${label.orderNumber}`);
  // Code 128, 220 dots high, human-readable line below; module width 3 dots.
  out.push('^BY3,3,220');
  out.push(`^FO60,820^BCN,220,Y,N,N^FD${escapeField(label.trackingNumber)}^FS`);
  out.push('^XZ');
  return `${out.join('\n')}\n`;
}

/** Escapes the ZPL control characters for a `^FH` field (hex with the default `_` indicator). */
export function escapeField(value: string): string {
  return value.replace(/[\^~_]/g, (c) => `_${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
