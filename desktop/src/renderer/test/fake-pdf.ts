/**
 * Small but valid PDFs for the fake backend: one page per entry, each a few lines of Helvetica.
 * @shoebox/documents (pdfkit, fonts from disk) does not run in happy-dom or in the screenshot
 * harness's browser, and the screens only need real PDF bytes to print or download; the real
 * documents are the backend's and are tested there.
 */

const escapeText = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[\\()]/g, (c) => `\\${c}`);

function pageContent(lines: readonly string[], height: number): string {
  const body = lines
    .map(
      (line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 24 ${height - 40 - i * 20} Td (${escapeText(line)}) Tj ET`,
    )
    .join('\n');
  return body;
}

/** `pages` of text lines; `size` in points (4x6 in label: 288 x 432). Returns base64. */
export function textPdf(
  pages: ReadonlyArray<readonly string[]>,
  size: [number, number] = [288, 432],
): string {
  const [width, height] = size;
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pages.forEach((lines, i) => {
    const content = pageContent(lines, height);
    objects[4 + i * 2] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`;
    objects[5 + i * 2] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = out.length;
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n++) out += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return btoa(out);
}
