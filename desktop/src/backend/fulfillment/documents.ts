import {
  type LabelData,
  type PackingSlipData,
  renderLabelPdf,
  renderLabelZpl,
  renderPackingSlipPdf,
} from '@shoebox/documents';
import type Database from 'better-sqlite3';
import type { LabelDocuments } from '../../ipc/shapes/fulfillment.ts';

/**
 * The label and packing slip each printed on this device, kept as the data they were drawn from:
 * a reprint (before or after sync) draws exactly the same documents, with no network.
 */
export function createLocalLabels(db: Database.Database) {
  const find = db.prepare('SELECT label, slip FROM local_labels WHERE shipment_id = ?');
  return {
    save(shipmentId: string, label: LabelData, slip: PackingSlipData): void {
      db.prepare('INSERT OR REPLACE INTO local_labels (shipment_id, label, slip) VALUES (?, ?, ?)').run(
        shipmentId,
        JSON.stringify(label),
        JSON.stringify(slip),
      );
    },
    find(shipmentId: string): { label: LabelData; slip: PackingSlipData } | null {
      const row = find.get(shipmentId) as { label: string; slip: string } | undefined;
      return row ? { label: JSON.parse(row.label), slip: JSON.parse(row.slip) } : null;
    },
  };
}
export type LocalLabels = ReturnType<typeof createLocalLabels>;

/** The label as PDF and ZPL and the packing slip, rendered here (@shoebox/documents). */
export async function renderDocuments(
  shipmentId: string,
  label: LabelData,
  slip: PackingSlipData,
): Promise<LabelDocuments> {
  const [pdf, slipPdf] = await Promise.all([renderLabelPdf(label), renderPackingSlipPdf(slip)]);
  return {
    shipmentId,
    trackingNumber: label.trackingNumber,
    labelPdfBase64: pdf.toString('base64'),
    labelZpl: renderLabelZpl(label),
    packingSlipPdfBase64: slipPdf.toString('base64'),
  };
}
