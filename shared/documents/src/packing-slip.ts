import { addressLines } from './address.ts';
import { qrPng } from './barcodes.ts';
import { finish, newPdf } from './pdf.ts';
import type { PackingSlipData } from './types.ts';

const M = 50;

/** The packing slip that goes in the box: lines with sizes, and a QR code to start a return. */
export async function renderPackingSlipPdf(slip: PackingSlipData): Promise<Buffer> {
  const doc = newPdf(`Packing slip ${slip.orderNumber}`);
  doc.addPage({ size: slip.paper ?? 'A4', margin: M });
  const width = doc.page.width - 2 * M;

  doc.font('bold').fontSize(20).text('Packing slip', M, M);
  doc
    .font('regular')
    .fontSize(10)
    .text(`Order ${slip.orderNumber} · ${slip.orderedAt}`, M, M + 28);
  const top = M + 60;
  doc.font('bold').fontSize(9).text('FROM', M, top);
  doc
    .font('regular')
    .fontSize(10)
    .text([slip.from.name, ...addressLines(slip.from)].join('\n'), M, top + 12, { width: width / 2 - 10 });
  doc
    .font('bold')
    .fontSize(9)
    .text('SHIP TO', M + width / 2, top);
  doc
    .font('regular')
    .fontSize(10)
    .text([slip.to.name, ...addressLines(slip.to)].join('\n'), M + width / 2, top + 12, { width: width / 2 });

  const cols = [
    { title: 'SKU', x: 0, w: 0.26 },
    { title: 'Item', x: 0.26, w: 0.38 },
    { title: 'Colour', x: 0.64, w: 0.14 },
    { title: 'Size', x: 0.78, w: 0.12 },
    { title: 'Qty', x: 0.9, w: 0.1 },
  ];
  let y = top + 110;
  doc.font('bold').fontSize(9);
  for (const c of cols) doc.text(c.title, M + c.x * width, y, { width: c.w * width });
  y += 14;
  doc
    .moveTo(M, y)
    .lineTo(M + width, y)
    .lineWidth(0.5)
    .stroke('#000000');
  y += 6;
  doc.font('regular').fontSize(10);
  for (const line of slip.lines) {
    const size = line.width ? `EU ${line.size} ${line.width}` : `EU ${line.size}`;
    const cells = [line.sku, line.name, line.colour, size, String(line.quantity)];
    const rowHeight = Math.max(
      ...cells.map((v, i) => doc.heightOfString(v, { width: (cols[i]?.w ?? 0) * width - 4 })),
    );
    for (const [i, v] of cells.entries()) {
      doc.text(v, M + (cols[i]?.x ?? 0) * width, y, { width: (cols[i]?.w ?? 0) * width - 4 });
    }
    y += rowHeight + 6;
  }
  const units = slip.lines.reduce((n, l) => n + l.quantity, 0);
  doc.font('bold').text(`${units} item${units === 1 ? '' : 's'}`, M, y + 4, { width, align: 'right' });

  const qrTop = doc.page.height - M - 120;
  doc.image(await qrPng(slip.returnUrl), M, qrTop, { fit: [110, 110] });
  doc
    .font('bold')
    .fontSize(11)
    .text('Not the right fit?', M + 125, qrTop + 20);
  doc
    .font('regular')
    .fontSize(9)
    .text(
      `Scan the code or visit ${slip.returnUrl} to return or exchange within 30 days.`,
      M + 125,
      qrTop + 38,
      { width: width - 125 },
    );
  return finish(doc);
}
