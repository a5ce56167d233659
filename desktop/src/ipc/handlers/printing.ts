import { z } from 'zod';
import { fileSaveArgs, noArgs, pdfPrintArgs, pdfSaveArgs, printerInfo, rawPrintArgs } from '../contracts.ts';
import { defineHandler } from '../spec.ts';

// Raw bytes run in the backend (any mode); PDFs need Electron's main process, so browser mode
// does not provide them and the page uses the browser's own print dialog instead.
export const printingSpecs = {
  'printing.raw': defineHandler({
    summary: 'Send raw bytes (ZPL, ESC/POS) to a network thermal printer on port 9100',
    access: 'labels:print',
    args: rawPrintArgs,
    result: z.object({ bytesSent: z.number().int() }),
  }),
  'printing.printers': defineHandler({
    summary: "The system's printers (desktop app only)",
    access: 'labels:print',
    args: noArgs,
    result: z.array(printerInfo),
  }),
  'printing.pdf': defineHandler({
    summary: 'Print a PDF on a system printer without a dialog (desktop app only)',
    access: 'labels:print',
    args: pdfPrintArgs,
    result: z.null(),
  }),
  'printing.savePdf': defineHandler({
    summary: 'Save a PDF where the user chooses; null when they cancel (desktop app only)',
    access: 'signed-in',
    args: pdfSaveArgs,
    result: z.object({ path: z.string() }).nullable(),
  }),
  'printing.saveFile': defineHandler({
    summary:
      'Save any file (a CSV export, say) where the user chooses; null when they cancel (desktop app only)',
    access: 'signed-in',
    args: fileSaveArgs,
    result: z.object({ path: z.string() }).nullable(),
  }),
} as const;
