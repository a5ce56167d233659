/**
 * @shoebox/documents: the shipping label (PDF 4x6 in and ZPL), the packing slip and the batch of
 * labels, one implementation for store-api and the desktop backend (docs/decisions/0030).
 * Node only (pdfkit, bwip-js, fs for the embedded font); never import it from a renderer.
 */
export { addressLines } from './address.ts';
export { code128Png, qrPng } from './barcodes.ts';
export { documentFonts } from './fonts.ts';
export { drawLabel, formatWeight, LABEL_SIZE, renderLabelBatchPdf, renderLabelPdf } from './label-pdf.ts';
export { escapeField, renderLabelZpl } from './label-zpl.ts';
export { renderPackingSlipPdf } from './packing-slip.ts';
export type { LabelData, PackingSlipData, PackingSlipLine, PaperSize, PrintAddress } from './types.ts';
