/**
 * The pack station's flow (ui.md): scan the order, scan each item (checked by `pack.scan`, which
 * runs locally and offline), and the last right scan completes the pack and prints the label and
 * packing slip with no click. Scans are handled one at a time in arrival order, so a fast
 * scanner never races two checks against the same list of accepted scans.
 */
import { boxPresets, type DomainError, findBox, parcelWeightWithBox } from '@shoebox/shared';
import { useEffect, useRef, useState } from 'react';
import type { LabelDocuments, PackOrder, PrinterSettings } from '../../../ipc/shapes/fulfillment.ts';
import { useBackend } from '../../lib/backend.tsx';
import { size } from '../../lib/format.ts';
import { errorWords } from '../../lib/words.ts';
import type { Feedback } from '../inventory/ScanFeedback.tsx';
import { type PrintOutcome, printDocuments, printedWords } from './printing.ts';

export type PackPhase =
  | { kind: 'idle' }
  | {
      kind: 'packing';
      order: PackOrder;
      scans: string[];
      scanned: Record<string, number>;
      completing: boolean;
    }
  | { kind: 'done'; order: PackOrder; documents: LabelDocuments; outcome: PrintOutcome };

export const fallbackPrinter: PrinterSettings = {
  labelFormat: 'pdf',
  thermalHost: null,
  thermalPort: 9100,
  labelPrinter: null,
  documentPrinter: null,
  packingSlipPaper: 'A4',
  printPackingSlip: true,
};

const ready: Omit<Feedback, 'seq'> = {
  cue: null,
  headline: 'Scan the order number',
  detail: 'From the pick list, the tote or the packing slip.',
};

export function usePackStation(printer: PrinterSettings, initialTrackingLeft: number | null) {
  const backend = useBackend();
  const [phase, setPhaseNow] = useState<PackPhase>({ kind: 'idle' });
  const latest = useRef(phase);
  const setPhase = (next: PackPhase) => {
    latest.current = next;
    setPhaseNow(next);
  };
  const [feedback, setFeedback] = useState<Feedback>({ ...ready, seq: 0 });
  const say = (f: Omit<Feedback, 'seq'>) => setFeedback((old) => ({ ...f, seq: old.seq + 1 }));
  const [boxCode, setBoxCode] = useState<string>(boxPresets[0]!.code);
  const [weightOverride, setWeightOverride] = useState<number | null>(null);
  const [trackingLeft, setTrackingLeft] = useState<number | null>(initialTrackingLeft);
  useEffect(() => setTrackingLeft(initialTrackingLeft), [initialTrackingLeft]);
  const queue = useRef(Promise.resolve());

  const order = latest.current.kind === 'idle' ? null : latest.current.order;
  const autoWeight = order ? parcelWeightWithBox(order.lines, findBox(boxCode) ?? boxPresets[0]!) : 0;
  const weight = weightOverride ?? autoWeight;
  const box = useRef({ boxCode, weight });
  box.current = { boxCode, weight };

  const reset = () => {
    setPhase({ kind: 'idle' });
    setWeightOverride(null);
    say(ready);
  };

  const open = async (code: string) => {
    try {
      const o = await backend.invoke('pack.open', { scan: code });
      if (o.packed) {
        say({
          cue: 'wrong',
          headline: `${o.number} is packed already`,
          detail: 'Reprint or void its label under Shipments. Scan another order.',
        });
        return;
      }
      setBoxCode(o.defaultBoxCode);
      setWeightOverride(null);
      setPhase({ kind: 'packing', order: o, scans: [], scanned: {}, completing: false });
      const units = o.lines.reduce((s, l) => s + l.quantity, 0);
      say({
        cue: 'right',
        headline: `${o.number}: scan ${units} ${units === 1 ? 'item' : 'items'}`,
        detail: o.shippingAddress ? `For ${o.shippingAddress.name}, ${o.shippingAddress.city}` : undefined,
      });
    } catch (e) {
      say({
        cue: 'wrong',
        headline: `${code}: ${errorWords(e as DomainError).title}`,
        detail: 'Scan the order number again.',
      });
    }
  };

  const complete = async () => {
    const p = latest.current;
    if (p.kind !== 'packing') return;
    setPhase({ ...p, completing: true });
    say({ cue: null, headline: 'Printing the label…', detail: `${p.order.number} is complete.` });
    try {
      const result = await backend.invoke('pack.complete', {
        orderId: p.order.orderId,
        scans: p.scans,
        boxCode: box.current.boxCode,
        weightGrams: box.current.weight,
      });
      setTrackingLeft(result.trackingNumbersLeft);
      const outcome = await printDocuments(backend, printer, result.documents);
      setPhase({ kind: 'done', order: p.order, documents: result.documents, outcome });
      say(doneFeedback(outcome, result.documents.trackingNumber));
    } catch (e) {
      setPhase({ ...p, completing: false });
      say({
        cue: 'wrong',
        headline: `Not completed: ${errorWords(e as DomainError).title}`,
        detail: 'Press Enter to try again, or Esc to leave the order as it was.',
      });
    }
  };

  const scanItem = async (code: string) => {
    const p = latest.current;
    if (p.kind !== 'packing' || p.completing) return;
    const verdict = await backend.invoke('pack.scan', {
      orderId: p.order.orderId,
      accepted: p.scans,
      scan: code,
    });
    if (!verdict.ok) {
      say({
        cue: 'wrong',
        headline: verdict.message,
        detail: `Put it aside: nothing was counted. (${verdict.code})`,
      });
      return;
    }
    const line = p.order.lines.find((l) => l.lineId === verdict.lineId)!;
    const scanned = { ...p.scanned, [line.lineId]: (p.scanned[line.lineId] ?? 0) + 1 };
    setPhase({ ...p, scans: [...p.scans, code], scanned });
    say({
      cue: verdict.complete ? null : 'right',
      headline: `${size(line.sizeEu)} ${line.colourName}: ${scanned[line.lineId]} of ${line.quantity}`,
      detail: verdict.complete ? 'All items scanned.' : `${verdict.remaining} more to scan`,
    });
    if (verdict.complete) await complete();
  };

  const handle = async (code: string) => {
    const kind = latest.current.kind;
    if (kind === 'packing') await scanItem(code);
    else await open(code);
  };

  return {
    phase,
    feedback,
    boxCode,
    weight,
    weightOverridden: weightOverride !== null,
    trackingLeft,
    scan: (code: string) => {
      queue.current = queue.current.then(() => handle(code)).catch(() => {});
    },
    /** Enter on an empty input: the next order when done, a retry when completing failed. */
    enter: () => {
      const p = latest.current;
      if (p.kind === 'done') reset();
      else if (p.kind === 'packing' && !p.completing && p.scans.length > 0 && allScanned(p)) void complete();
    },
    backOut: () => latest.current.kind !== 'idle' && reset(),
    chooseBox: (code: string) => {
      if (latest.current.kind !== 'packing') return;
      setBoxCode(code);
      say({ cue: null, headline: `Box: ${findBox(code)?.name ?? code}`, detail: 'Keep scanning.' });
    },
    setWeight: setWeightOverride,
    reprint: async () => {
      const p = latest.current;
      if (p.kind !== 'done') return;
      const outcome = await printDocuments(backend, printer, p.documents);
      setPhase({ ...p, outcome });
      say({ ...doneFeedback(outcome, p.documents.trackingNumber), headline: 'Printed again' });
    },
  };
}

const allScanned = (p: Extract<PackPhase, { kind: 'packing' }>) =>
  p.order.lines.every((l) => (p.scanned[l.lineId] ?? 0) >= l.quantity);

function doneFeedback(outcome: PrintOutcome, tracking: string): Omit<Feedback, 'seq'> {
  if (outcome.label === 'failed')
    return {
      cue: 'wrong',
      headline: 'Packed, but the label did not print',
      detail: `${tracking}: ${outcome.error ? errorWords(outcome.error).title : ''} Download the label below, or press R to try again.`,
    };
  return {
    cue: 'done',
    headline: 'Label printed: put it on the box',
    detail: `${printedWords(outcome)} Tracking ${tracking}. Enter or scan for the next order.`,
  };
}
