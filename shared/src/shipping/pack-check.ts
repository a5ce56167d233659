import { isValidGtin, normalizeGtin } from '../gtin.ts';
import { err, ok, type Result } from '../result.ts';

/**
 * The pack station's check, pure so the desktop runs it offline on every scan and the API runs
 * the same one (the verify endpoint and pack completion): a scan must be the GTIN of a line of
 * the order that still wants units. The scans are the whole list so far, in order.
 */
export interface PackLine {
  lineId: string;
  gtin: string | null;
  sku: string;
  quantity: number;
}

export type PackRefusal =
  /** The scanned code is no line of this order. */
  | { code: 'PACK_WRONG_ITEM'; gtin: string }
  /** The line is already complete: one too many. */
  | { code: 'PACK_OVER_SCAN'; gtin: string; lineId: string; quantity: number }
  /** Not a GTIN at all (wrong length or check digit). */
  | { code: 'PACK_SCAN_INVALID'; gtin: string };

export interface PackProgress {
  /** Units scanned per line id. */
  scanned: Record<string, number>;
  /** Units still missing, over all lines. */
  remaining: number;
  complete: boolean;
}

function progressOf(lines: readonly PackLine[], scanned: Record<string, number>): PackProgress {
  const remaining = lines.reduce((n, l) => n + l.quantity - (scanned[l.lineId] ?? 0), 0);
  return { scanned, remaining, complete: remaining === 0 };
}

/** Applies scans one by one; the first refused scan stops the check. */
export function checkScans(
  lines: readonly PackLine[],
  scans: readonly string[],
): Result<PackProgress & { lastLineId: string | null }, PackRefusal & { index: number }> {
  const scanned: Record<string, number> = {};
  let lastLineId: string | null = null;
  for (const [index, raw] of scans.entries()) {
    const gtin = normalizeGtin(raw);
    if (!isValidGtin(gtin)) return err({ code: 'PACK_SCAN_INVALID', gtin: raw, index });
    const matching = lines.filter((l) => l.gtin === gtin);
    if (matching.length === 0) return err({ code: 'PACK_WRONG_ITEM', gtin, index });
    const open = matching.find((l) => (scanned[l.lineId] ?? 0) < l.quantity);
    if (!open) {
      const first = matching[0] as PackLine;
      return err({ code: 'PACK_OVER_SCAN', gtin, lineId: first.lineId, quantity: first.quantity, index });
    }
    scanned[open.lineId] = (scanned[open.lineId] ?? 0) + 1;
    lastLineId = open.lineId;
  }
  return ok({ ...progressOf(lines, scanned), lastLineId });
}
