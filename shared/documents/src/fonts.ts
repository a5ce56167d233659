import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * DejaVu Sans from the npm package `dejavu-fonts-ttf` (pinned), embedded (subset) in every PDF:
 * pdfkit's built-in Helvetica covers Latin-1 only and garbles names like "Łódź". Read once per
 * process; pdfkit subsets the glyphs a document uses, so a label stays a few kilobytes.
 */
const require = createRequire(import.meta.url);
let cache: { regular: Buffer; bold: Buffer } | undefined;

export function documentFonts(): { regular: Buffer; bold: Buffer } {
  cache ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return cache;
}
