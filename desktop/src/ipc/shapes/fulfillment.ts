/**
 * Pick, pack, ship and returns across the process boundary. Reads come from the device's mirror
 * (pick batches, shipments and returns sync like orders do); the warehouse steps are sync
 * mutations (`pick.confirm-line`, `pick.short`, `pack.complete`, `shipment.create`,
 * `shipment.void`, `return.receive`) and answer at once with a receipt. Labels and packing slips
 * are rendered in the backend (`@shoebox/documents`), so the pack station prints with no network.
 */
import { boxCodes, houseTrackingStatuses, orderStatuses } from '@shoebox/shared';
import {
  createPickBatchBody,
  orderShippingAddress,
  pickLineStatuses,
  returnInspections,
  returnReasons,
  returnStatuses,
  shipmentStatuses,
} from '@shoebox/shared/contracts';
import { z } from 'zod';
import { mutationReceipt } from '../contracts.ts';

const id = z.string().min(1).max(80);
const scanCode = z.string().trim().min(1).max(64);
const base64 = z.string();

/** What a person sees of an item: enough to find it on a shelf and check it in the hand. */
export const itemLabel = z.object({
  variantId: id,
  sku: z.string(),
  gtin: z.string().nullable(),
  productName: z.string(),
  colourName: z.string(),
  sizeEu: z.number(),
  width: z.string(),
});

// ---- pick -------------------------------------------------------------------------------

export const pickBatchSummary = z.object({
  id,
  number: z.string(),
  status: z.enum(['open', 'done']),
  orderCount: z.number().int(),
  unitCount: z.number().int(),
  pickedUnits: z.number().int(),
  shortUnits: z.number().int(),
  createdAt: z.string(),
  /** A confirm or short made on this device is not on the server yet. */
  pending: z.boolean(),
});

export const pickLine = z.object({
  id,
  orderId: id,
  orderNumber: z.string(),
  quantity: z.number().int(),
  pickedQuantity: z.number().int(),
  shortQuantity: z.number().int(),
  status: z.enum(pickLineStatuses),
  shortReason: z.string().nullable(),
  pending: z.boolean(),
});

/** One SKU at one bin; the list is in walking order (by bin code, then SKU). */
export const pickStop = itemLabel.extend({
  binCode: z.string().nullable(),
  quantity: z.number().int(),
  pickedQuantity: z.number().int(),
  lines: z.array(pickLine),
});

export const pickBatchDetail = pickBatchSummary.extend({ stops: z.array(pickStop) });
export type PickBatchDetail = z.infer<typeof pickBatchDetail>;

export const pickBatchArgs = z.strictObject({ batchId: id });
/** Online only (the server moves the orders to `picking`): API_UNREACHABLE offline. */
export const pickCreateArgs = createPickBatchBody;

export const pickConfirmArgs = z.strictObject({
  batchId: id,
  lineId: id,
  /** The code scanned at the bin; refused locally (PICK_WRONG_ITEM) when it is not the line's item. */
  scan: scanCode.optional(),
});

/** Short pick: units not at the bin, and what to do for the customer. */
export const shortPickChoices = ['wait', 'substitute', 'cancel_line'] as const;
export const pickShortArgs = z.strictObject({
  batchId: id,
  lineId: id,
  missing: z.number().int().min(1).max(1000),
  reason: z.string().trim().min(1).max(200),
  choice: z.enum(shortPickChoices),
  /** With `substitute`: the other size or colour, and the note that the customer agreed. */
  substituteVariantId: id.optional(),
  consentNote: z.string().trim().max(500).optional(),
});

// ---- pack -------------------------------------------------------------------------------

/** Open an order at the pack bench by its number (as printed on the pick list) or id. */
export const packOpenArgs = z.strictObject({ scan: scanCode });

export const packLine = itemLabel.extend({
  lineId: id,
  quantity: z.number().int(),
  weightGrams: z.number().int(),
});

export const packOrder = z.object({
  orderId: id,
  number: z.string(),
  status: z.enum(orderStatuses),
  shippingMethodId: z.string(),
  shippingAddress: orderShippingAddress.nullable(),
  lines: z.array(packLine),
  /** The smallest preset that holds the pairs, and the weight with it (variant weights + box). */
  defaultBoxCode: z.enum(boxCodes),
  defaultWeightGrams: z.number().int(),
  /** Already packed (reprint or void from shipments instead). */
  packed: z.boolean(),
});
export type PackOrder = z.infer<typeof packOrder>;

/**
 * One scan against an order: the renderer keeps the accepted scans and sends them with the next.
 * Checked locally with shared/shipping's pack check, so it answers in milliseconds offline.
 */
export const packScanArgs = z.strictObject({
  orderId: id,
  accepted: z.array(scanCode).max(500),
  scan: scanCode,
});

export const packScanResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    lineId: id,
    /** Units still to scan across the order after this one. */
    remaining: z.number().int(),
    complete: z.boolean(),
  }),
  z.object({
    ok: z.literal(false),
    /** PACK_WRONG_ITEM (not in this order) or PACK_OVER_SCAN (one too many of this line). */
    code: z.enum(['PACK_WRONG_ITEM', 'PACK_OVER_SCAN']),
    message: z.string(),
  }),
]);

/** The last scan's call: completes the pack, takes a tracking number from this device's block,
 * queues `pack.complete` and `shipment.create`, and answers the documents ready to print. */
export const packCompleteArgs = z.strictObject({
  orderId: id,
  scans: z.array(scanCode).min(1).max(500),
  boxCode: z.enum(boxCodes),
  weightGrams: z.number().int().min(1).max(70_000).optional(),
  service: z.enum(['standard', 'express']).default('standard'),
});

export const labelDocuments = z.object({
  shipmentId: id,
  trackingNumber: z.string(),
  labelPdfBase64: base64,
  labelZpl: z.string(),
  packingSlipPdfBase64: base64,
});
export type LabelDocuments = z.infer<typeof labelDocuments>;

export const packCompleteResult = z.object({
  receipt: mutationReceipt,
  documents: labelDocuments,
  /** Tracking numbers left in this device's block; warn below `trackingBlock.warnBelow`. */
  trackingNumbersLeft: z.number().int(),
});

// ---- shipments --------------------------------------------------------------------------

export const shipmentsListArgs = z.strictObject({
  status: z.enum(shipmentStatuses).optional(),
  /** Order number or tracking number, partial. */
  q: z.string().trim().max(64).optional(),
  limit: z.number().int().min(1).max(500).default(200),
});

export const shipmentRow = z.object({
  id,
  orderId: id,
  orderNumber: z.string(),
  carrier: z.string(),
  service: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.string().nullable(),
  status: z.enum(shipmentStatuses),
  trackingStatus: z.string(),
  weightGrams: z.number().int(),
  boxCode: z.string().nullable(),
  createdAt: z.string(),
  pending: z.boolean(),
});
export const shipmentsList = z.object({ items: z.array(shipmentRow) });

export const shipmentArgs = z.strictObject({ shipmentId: id });
export const shipmentVoidArgs = z.strictObject({ shipmentId: id, reason: z.string().trim().min(1).max(200) });
/** House carrier: staff advance the parcel (online only). */
export const shipmentTrackingArgs = z.strictObject({
  shipmentId: id,
  status: z.enum(houseTrackingStatuses),
});
export const batchLabelsArgs = z.strictObject({ batchId: id });
export const pdfDocument = z.object({ pdfBase64: base64, fileName: z.string(), pages: z.number().int() });

export const trackingBlockStatus = z.object({
  carrier: z.literal('house'),
  left: z.number().int(),
  /** Below this, the pack station warns (and refills when online). */
  warnBelow: z.number().int(),
  lastRefillAt: z.string().nullable(),
});

// ---- returns ----------------------------------------------------------------------------

export const returnsListArgs = z.strictObject({
  status: z.enum(returnStatuses).optional(),
  /** Order number, partial. */
  q: z.string().trim().max(64).optional(),
});

export const returnLineDetail = itemLabel.extend({
  id,
  quantity: z.number().int(),
  reason: z.enum(returnReasons),
  exchangeFor: itemLabel.nullable(),
  inspection: z.enum(returnInspections).nullable(),
  /** null without orders:refund. */
  refundMinor: z.number().int().nullable(),
});

export const returnRow = z.object({
  id,
  orderId: id,
  orderNumber: z.string(),
  status: z.enum(returnStatuses),
  unitCount: z.number().int(),
  hasExchange: z.boolean(),
  createdAt: z.string(),
  receivedAt: z.string().nullable(),
  pending: z.boolean(),
});
export const returnsList = z.object({ items: z.array(returnRow) });
export const returnDetail = returnRow.extend({
  lines: z.array(returnLineDetail),
  refundId: z.string().nullable(),
  /** null without orders:refund. */
  refundTotalMinor: z.number().int().nullable(),
  currency: z.string(),
});
export type ReturnDetail = z.infer<typeof returnDetail>;

export const returnArgs = z.strictObject({ returnId: id });
export const returnReceiveArgs = z.strictObject({
  returnId: id,
  lines: z
    .array(z.strictObject({ returnLineId: id, inspection: z.enum(returnInspections) }))
    .min(1)
    .max(50),
});

// ---- printer settings (this device) -----------------------------------------------------

export const labelFormats = ['pdf', 'zpl'] as const;
export const printerSettings = z.strictObject({
  /** `zpl` sends the label to the thermal printer; `pdf` prints it (or opens it in browser mode). */
  labelFormat: z.enum(labelFormats),
  thermalHost: z.string().trim().max(253).nullable(),
  thermalPort: z.number().int().min(9100).max(9109),
  /** System printer names (desktop app); null: the default printer. */
  labelPrinter: z.string().max(200).nullable(),
  documentPrinter: z.string().max(200).nullable(),
  packingSlipPaper: z.enum(['A4', 'Letter']),
  /** Print the packing slip with the label on the last scan. */
  printPackingSlip: z.boolean(),
});
export type PrinterSettings = z.infer<typeof printerSettings>;
