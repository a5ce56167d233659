/** A postal address as printed on a label or slip (any European script; the fonts embed it). */
export interface PrintAddress {
  name: string;
  company?: string | undefined;
  line1: string;
  line2?: string | undefined;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  phone?: string | undefined;
}

/** Everything a shipping label shows; the same data renders the PDF and the ZPL. */
export interface LabelData {
  carrier: string;
  /** The carrier's service name, e.g. "House Standard". */
  service: string;
  trackingNumber: string;
  orderNumber: string;
  weightGrams: number;
  from: PrintAddress;
  to: PrintAddress;
  /** ISO date printed on the label (yyyy-mm-dd). */
  shipDate: string;
}

export interface PackingSlipLine {
  sku: string;
  name: string;
  colour: string;
  /** EU size as sold, e.g. "38" or "38.5". */
  size: string;
  width?: string | undefined;
  quantity: number;
}

export type PaperSize = 'A4' | 'LETTER';

export interface PackingSlipData {
  orderNumber: string;
  orderedAt: string;
  from: PrintAddress;
  to: PrintAddress;
  lines: readonly PackingSlipLine[];
  /** Where the customer starts a return; printed as a QR code and as text. */
  returnUrl: string;
  paper?: PaperSize;
}
