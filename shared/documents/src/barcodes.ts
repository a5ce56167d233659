import bwipjs from 'bwip-js/node';

/**
 * Barcode images for the PDFs. Scanners (and zbarimg) read nothing without a quiet zone and a
 * white background, so both are always set; the human-readable line is printed by the label
 * itself in the embedded font.
 */
export function code128Png(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text,
    scale: 3,
    height: 18,
    paddingwidth: 12,
    paddingheight: 4,
    backgroundcolor: 'FFFFFF',
    includetext: false,
  });
}

export function qrPng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'qrcode',
    text,
    scale: 4,
    padding: 8,
    backgroundcolor: 'FFFFFF',
    eclevel: 'M',
  } as Parameters<typeof bwipjs.toBuffer>[0]);
}
