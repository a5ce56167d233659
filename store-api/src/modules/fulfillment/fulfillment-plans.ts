import {
  type BoxPreset,
  checkScans,
  normalizeGtin,
  normalizeSku,
  type PackLine,
  parcelWeightWithBox,
} from '@shoebox/shared';
import type { PickBatchView } from '@shoebox/shared/contracts';
import { fulfillmentErrors } from './fulfillment.errors.ts';

/**
 * The pure half of every warehouse step: check the state read and say what to write. A service
 * (or, next, a sync mutation from a desktop) runs the plan, then one conditional write guarded
 * by the state the plan saw, so a step replayed or raced applies at most once.
 */

export interface PickLineState {
  id: string;
  batchId: string;
  orderId: string;
  orderNumber: string;
  orderLineId: string;
  variantId: string;
  locationId: string;
  sku: string;
  gtin: string | null;
  binCode: string | null;
  quantity: number;
  pickedQuantity: number;
  shortQuantity: number;
  status: 'open' | 'picked' | 'short';
  shortReason: string | null;
}

/** Groups a batch's lines by SKU and bin, walked in bin order (lines with no bin last). */
export function groupPickLines(lines: readonly PickLineState[]): PickBatchView['groups'] {
  const groups = new Map<string, PickBatchView['groups'][number]>();
  for (const l of lines) {
    const key = `${l.binCode ?? '\uffff'}|${l.sku}`;
    const g = groups.get(key) ?? {
      sku: l.sku,
      variantId: l.variantId,
      binCode: l.binCode,
      quantity: 0,
      pickedQuantity: 0,
      lines: [],
    };
    g.quantity += l.quantity;
    g.pickedQuantity += l.pickedQuantity;
    g.lines.push({
      id: l.id,
      orderId: l.orderId,
      orderNumber: l.orderNumber,
      quantity: l.quantity,
      pickedQuantity: l.pickedQuantity,
      shortQuantity: l.shortQuantity,
      status: l.status,
      shortReason: l.shortReason,
    });
    groups.set(key, g);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}

export interface PickLineChange {
  lineId: string;
  pickedQuantity: number;
  shortQuantity: number;
  status: 'picked' | 'short';
  shortReason: string | null;
}

/** Confirming a line: it must be open, and a scan (GTIN or SKU) must be its item. */
export function planConfirmPick(line: PickLineState, scan: string | undefined): PickLineChange {
  if (line.status !== 'open') throw fulfillmentErrors.lineClosed(line.id, line.status);
  if (scan !== undefined) {
    const matchesGtin = line.gtin !== null && normalizeGtin(scan) === line.gtin;
    if (!matchesGtin && normalizeSku(scan) !== normalizeSku(line.sku))
      throw fulfillmentErrors.scanMismatch(scan, line.sku);
  }
  return {
    lineId: line.id,
    pickedQuantity: line.quantity,
    shortQuantity: 0,
    status: 'picked',
    shortReason: null,
  };
}

export interface ShortPickPlan {
  change: PickLineChange;
  /** Units written off the books at the line's location (never more than are available there). */
  writeOff: number;
  flagReason: string;
}

/**
 * A short pick: the units found are picked, the rest are missing. The order is flagged for a
 * person to decide (wait, substitute with the customer's consent, or cancel the line with a
 * refund), and the ledger writes off the missing units that it still counts as available there:
 * the sold units already left on_hand at payment, so only stock the shelf was thought to hold
 * beside them can be lost.
 */
export function planShortPick(
  line: PickLineState,
  missing: number,
  reason: string,
  available: number,
): ShortPickPlan {
  if (line.status !== 'open') throw fulfillmentErrors.lineClosed(line.id, line.status);
  if (missing > line.quantity) throw fulfillmentErrors.shortTooMany(missing, line.quantity);
  return {
    change: {
      lineId: line.id,
      pickedQuantity: line.quantity - missing,
      shortQuantity: missing,
      status: 'short',
      shortReason: reason,
    },
    writeOff: Math.max(0, Math.min(missing, available)),
    flagReason: `Short pick: ${missing} x ${line.sku} not found (${reason})`.slice(0, 200),
  };
}

export interface PackOrderLine extends PackLine {
  weightGrams: number;
}

export interface PackPlan {
  scans: string[];
  boxCode: string;
  weightGrams: number;
  defaultWeightGrams: number;
}

/**
 * Completing a pack: the batch lines of the order (if it was batched) are all picked, the scans
 * cover every unit with nothing extra, and the weight is the packer's or the default.
 */
export function planPack(input: {
  lines: readonly PackOrderLine[];
  pickLines: ReadonlyArray<{ id: string; sku: string; status: string }>;
  scans: readonly string[];
  box: BoxPreset;
  weightGrams?: number | undefined;
}): PackPlan {
  const unfinished = input.pickLines.filter((l) => l.status !== 'picked');
  if (unfinished.length > 0) throw fulfillmentErrors.pickNotFinished(unfinished);
  const checked = checkScans(input.lines, input.scans);
  if (!checked.ok) throw fulfillmentErrors.packRefused(checked.error);
  if (!checked.value.complete) throw fulfillmentErrors.packIncomplete(checked.value.remaining);
  const defaultWeightGrams = parcelWeightWithBox(input.lines, input.box);
  return {
    scans: input.scans.map(normalizeGtin),
    boxCode: input.box.code,
    weightGrams: input.weightGrams ?? defaultWeightGrams,
    defaultWeightGrams,
  };
}
