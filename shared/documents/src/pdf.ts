import PDFDocument from 'pdfkit';
import { documentFonts } from './fonts.ts';

export type Pdf = PDFKit.PDFDocument;

/** A new document with the embedded fonts registered as 'regular' and 'bold'; no first page. */
export function newPdf(title: string): Pdf {
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: { Title: title, Producer: 'Shoebox' },
  });
  const fonts = documentFonts();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function finish(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export const POINTS_PER_INCH = 72;
