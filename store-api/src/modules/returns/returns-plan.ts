import type { ReturnInspection, StoreReturnBody } from '@shoebox/shared/contracts';
import { returnErrors } from './returns.errors.ts';

/**
 * The pure rules of a return, checked before anything is written: the window, what each order
 * line still allows back, and the money each returned line gives back.
 */

export const DAY_MS = 86_400_000;

/** Throws RETURN_WINDOW_CLOSED when `now` is past `windowDays` after delivery (or shipment when not delivered). */
export function checkWindow(startedAt: number, windowDays: number, now: number): void {
  const closesAt = startedAt + windowDays * DAY_MS;
  if (now > closesAt) throw returnErrors.windowClosed(windowDays, closesAt);
}

export interface BoughtLine {
  id: string;
  variantId: string;
  quantity: number;
  lineTotalMinor: number;
}

export interface PlannedLine {
  orderLineId: string;
  variantId: string;
  quantity: number;
  reason: StoreReturnBody['lines'][number]['reason'];
  exchangeVariantId: string | null;
  refundMinor: number;
}

/**
 * Each requested line against what was bought minus what earlier returns took already. An
 * exchange gives no money back (the replacement is sent instead); a refund is the line's paid
 * total pro rata, rounded down so a line returned in parts never refunds more than was paid.
 */
export function planLines(
  requested: StoreReturnBody['lines'],
  bought: readonly BoughtLine[],
  alreadyReturned: ReadonlyMap<string, number>,
): PlannedLine[] {
  const byId = new Map(bought.map((l) => [l.id, l]));
  return requested.map((r) => {
    const line = byId.get(r.orderLineId);
    if (!line) throw returnErrors.lineUnknown(r.orderLineId);
    const returnable = line.quantity - (alreadyReturned.get(line.id) ?? 0);
    if (r.quantity > returnable)
      throw returnErrors.quantityExceeded(line.id, r.quantity, Math.max(0, returnable));
    if (r.exchangeVariantId === line.variantId) throw returnErrors.exchangeInvalid(r.exchangeVariantId);
    const exchange = r.exchangeVariantId ?? null;
    return {
      orderLineId: line.id,
      variantId: line.variantId,
      quantity: r.quantity,
      reason: r.reason,
      exchangeVariantId: exchange,
      refundMinor: exchange ? 0 : Math.floor((line.lineTotalMinor * r.quantity) / line.quantity),
    };
  });
}

/** Every line of the return inspected exactly once; unknown ids and missing lines are refused. */
export function checkInspections(
  returnLineIds: readonly string[],
  given: ReadonlyArray<{ returnLineId: string; inspection: ReturnInspection }>,
): Map<string, ReturnInspection> {
  const known = new Set(returnLineIds);
  const out = new Map<string, ReturnInspection>();
  for (const g of given) {
    if (!known.has(g.returnLineId) || out.has(g.returnLineId)) throw returnErrors.lineUnknown(g.returnLineId);
    out.set(g.returnLineId, g.inspection);
  }
  const missing = returnLineIds.filter((id) => !out.has(id));
  if (missing.length > 0) throw returnErrors.inspectionIncomplete(missing);
  return out;
}
