import { addressLines } from './address.ts';
import { code128Png } from './barcodes.ts';
import { finish, newPdf, type Pdf, POINTS_PER_INCH } from './pdf.ts';
import type { LabelData } from './types.ts';

/** 4 x 6 in, portrait: the size desktop label printers and thermal rolls take. */
export const LABEL_SIZE: [number, number] = [4 * POINTS_PER_INCH, 6 * POINTS_PER_INCH];
const M = 14;

export const formatWeight = (grams: number): string => `${(grams / 1000).toFixed(2)} kg`;

/** Draws one label on a new page of `doc` (shared by the single label and the batch). */
export function drawLabel(doc: Pdf, label: LabelData, barcode: Buffer): void {
  const [w, h] = LABEL_SIZE;
  const inner = w - 2 * M;
  doc.addPage({ size: LABEL_SIZE, margin: 0 });
  doc.rect(0, 0, w, h).fill('#FFFFFF').fillColor('#000000');

  doc
    .font('bold')
    .fontSize(15)
    .text(label.carrier.toUpperCase(), M, M, { width: inner * 0.6, lineBreak: false });
  doc
    .font('regular')
    .fontSize(10)
    .text(label.service, M, M + 18, { width: inner * 0.6 });
  doc.fontSize(8).text(label.shipDate, M, M, { width: inner, align: 'right' });
  doc.text(formatWeight(label.weightGrams), M, M + 11, { width: inner, align: 'right' });
  rule(doc, 50);

  doc.font('bold').fontSize(7).text('FROM', M, 56);
  doc
    .font('regular')
    .fontSize(8)
    .text([label.from.name, ...addressLines(label.from)].join('\n'), M, 65, { width: inner });
  rule(doc, 124);

  doc.font('bold').fontSize(7).text('SHIP TO', M, 130);
  doc.font('bold').fontSize(15).text(label.to.name, M, 141, { width: inner });
  doc
    .font('regular')
    .fontSize(12)
    .text(addressLines(label.to).join('\n'), M, doc.y + 2, { width: inner });
  if (label.to.phone) doc.fontSize(9).text(label.to.phone, M, doc.y + 2, { width: inner });
  rule(doc, 268);

  doc.font('regular').fontSize(9).text(`Order ${label.orderNumber}`, M, 274, { width: inner });
  doc.text(`Weight ${formatWeight(label.weightGrams)}`, M, 274, { width: inner, align: 'right' });

  // The barcode spans the label's width: wide bars scan from further away.
  doc.image(barcode, M, 292, { fit: [inner, 100], align: 'center', valign: 'center' });
  doc
    .font('bold')
    .fontSize(12)
    .text(label.trackingNumber, M, 398, { width: inner, align: 'center', characterSpacing: 1 });
}

function rule(doc: Pdf, y: number): void {
  doc
    .moveTo(M, y)
    .lineTo(LABEL_SIZE[0] - M, y)
    .lineWidth(1)
    .stroke('#000000');
}

/** One 4 x 6 in shipping label as PDF bytes. */
export async function renderLabelPdf(label: LabelData): Promise<Buffer> {
  const doc = newPdf(`Label ${label.trackingNumber}`);
  drawLabel(doc, label, await code128Png(label.trackingNumber));
  return finish(doc);
}

/** Many labels as one PDF, one per page, in the order given (a pick batch's labels). */
export async function renderLabelBatchPdf(labels: readonly LabelData[]): Promise<Buffer> {
  const doc = newPdf(`Labels (${labels.length})`);
  // Barcodes render concurrently; pages are drawn in order.
  const barcodes = await Promise.all(labels.map((l) => code128Png(l.trackingNumber)));
  labels.forEach((l, i) => {
    drawLabel(doc, l, barcodes[i] as Buffer);
  });
  return finish(doc);
}
