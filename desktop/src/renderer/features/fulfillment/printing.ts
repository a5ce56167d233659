/**
 * Printing a label and its packing slip the way this device is set up (printing.settings):
 * `zpl` sends the label's ZPL to the thermal printer (`printing.raw`, any mode); `pdf` prints on
 * a system printer (`printing.pdf`, the desktop app only). Browser mode answers
 * IPC_HANDLER_UNAVAILABLE for `printing.pdf`: the PDF then goes to the browser's own print
 * dialog through a hidden iframe. A download is always offered besides, as the last fallback.
 */
import type { DomainError } from '@shoebox/shared';
import type { IpcClient } from '../../../ipc/index.ts';
import type { LabelDocuments, PrinterSettings } from '../../../ipc/shapes/fulfillment.ts';

export type PrintRoute = 'thermal' | 'system' | 'browser';
export interface PrintOutcome {
  label: PrintRoute | 'failed';
  slip: PrintRoute | 'failed' | 'skipped';
  /** Why something did not print, in the backend's words. */
  error: DomainError | null;
}

export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function textBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The browser's side, an object so tests can see what was printed or downloaded. */
export const browserPrinting = {
  /** Opens the browser's print dialog for the PDF, from a hidden iframe (no new window, no tab). */
  printPdf(pdfBase64: string): void {
    const url = URL.createObjectURL(new Blob([bytesOf(pdfBase64)], { type: 'application/pdf' }));
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0';
    frame.src = url;
    frame.onload = () => {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
      // The dialog holds the document while open; a minute later it is safe to drop.
      setTimeout(() => {
        frame.remove();
        URL.revokeObjectURL(url);
      }, 60_000);
    };
    document.body.appendChild(frame);
  },
  download(pdfBase64: string, fileName: string): void {
    const url = URL.createObjectURL(new Blob([bytesOf(pdfBase64)], { type: 'application/pdf' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

const unavailable = (e: unknown) => (e as DomainError | undefined)?.code === 'IPC_HANDLER_UNAVAILABLE';

/** A PDF on the system printer, or the browser's dialog where there is no system printing. */
export async function printPdf(
  backend: IpcClient,
  pdfBase64: string,
  printer: string | null,
): Promise<PrintRoute> {
  try {
    await backend.invoke('printing.pdf', { pdfBase64, ...(printer ? { printer } : {}) });
    return 'system';
  } catch (e) {
    if (!unavailable(e)) throw e;
    browserPrinting.printPdf(pdfBase64);
    return 'browser';
  }
}

async function printLabel(backend: IpcClient, settings: PrinterSettings, docs: LabelDocuments) {
  if (settings.labelFormat === 'zpl') {
    if (!settings.thermalHost)
      throw { code: 'PRINTER_NOT_SET', message: 'No thermal printer is set up on this device.' };
    await backend.invoke('printing.raw', {
      host: settings.thermalHost,
      port: settings.thermalPort,
      dataBase64: textBase64(docs.labelZpl),
    });
    return 'thermal' as const;
  }
  return printPdf(backend, docs.labelPdfBase64, settings.labelPrinter);
}

/** Prints the label, then the packing slip when the device asks for it; never throws. */
export async function printDocuments(
  backend: IpcClient,
  settings: PrinterSettings,
  docs: LabelDocuments,
): Promise<PrintOutcome> {
  const outcome: PrintOutcome = { label: 'failed', slip: 'skipped', error: null };
  try {
    outcome.label = await printLabel(backend, settings, docs);
  } catch (e) {
    outcome.error = e as DomainError;
  }
  if (!settings.printPackingSlip) return outcome;
  try {
    outcome.slip = await printPdf(backend, docs.packingSlipPdfBase64, settings.documentPrinter);
  } catch (e) {
    outcome.slip = 'failed';
    outcome.error ??= e as DomainError;
  }
  return outcome;
}

/** The same sentence wherever a label was printed. */
export function printedWords(outcome: PrintOutcome): string {
  const how: Record<PrintRoute, string> = {
    thermal: 'on the thermal printer',
    system: 'on the label printer',
    browser: "to the browser's print dialog",
  };
  if (outcome.label === 'failed') return 'The label did not print: download it and print it by hand.';
  const slip =
    outcome.slip === 'skipped'
      ? ''
      : outcome.slip === 'failed'
        ? ' The packing slip did not print.'
        : ' Packing slip printed too.';
  return `Label sent ${how[outcome.label]}.${slip}`;
}
