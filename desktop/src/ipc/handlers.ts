/**
 * The handler table: every call the renderer can make, as data. Names are `<domain>.<action>`.
 *
 * Implemented by the backend today: session.*, sync.status, devices.current, printing.raw; by
 * Electron's main process: printing.printers, printing.pdf, printing.savePdf. The catalog,
 * inventory and orders handlers are the contract the offline-cache backend (sync issue) fills
 * in; until then a backend simply does not provide them and calls answer
 * IPC_HANDLER_UNAVAILABLE: nothing is faked.
 */
import {
  adminOrderList,
  adminOrderListQuery,
  stockAdjustBody,
  stockCountBody,
  stockGrid,
  stockReceiveBody,
} from '@shoebox/shared/contracts';
import { z } from 'zod';
import {
  deviceInfo,
  mutationReceipt,
  noArgs,
  pdfPrintArgs,
  pdfSaveArgs,
  printerInfo,
  rawPrintArgs,
  scannedVariant,
  session,
  signInArgs,
  syncStatus,
} from './contracts.ts';
import { defineHandler } from './spec.ts';

export const handlerSpecs = {
  // session: the first sign-in is online; later ones may be offline against this device's saved session.
  'session.signIn': defineHandler({
    summary:
      'Sign in with email and password, plus a two-factor code when asked (offline with the saved session when the API is unreachable)',
    access: 'public',
    args: signInArgs,
    result: session,
  }),
  'session.signOut': defineHandler({
    summary: "Sign out and wipe this user's saved session (pending changes are kept)",
    access: 'public',
    args: noArgs,
    result: z.null(),
  }),
  'session.current': defineHandler({
    summary: 'Who is signed in, or null',
    access: 'public',
    args: noArgs,
    result: session.nullable(),
  }),

  // sync: the state shown in the top bar; the `sync.status` event pushes each change.
  'sync.status': defineHandler({
    summary: 'Online, offline or syncing, with the pending and needs-attention counts',
    access: 'public',
    args: noArgs,
    result: syncStatus,
  }),

  // devices
  'devices.current': defineHandler({
    summary: 'This install: its device id, name, mode and the API it talks to',
    access: 'signed-in',
    args: noArgs,
    result: deviceInfo,
  }),

  // printing: raw bytes run in the backend (any mode); PDFs need Electron's main process, so
  // browser mode does not provide them and the page uses the browser's own print dialog instead.
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

  // catalog (from the local cache)
  'catalog.findByCode': defineHandler({
    summary: 'Resolve a scanned or typed GTIN or SKU to its variant, or null',
    access: 'catalog:read',
    args: z.strictObject({ code: z.string().trim().min(1).max(64) }),
    result: scannedVariant.nullable(),
  }),

  // inventory: reads from the cache; writes go to the outbox and answer with a receipt.
  'inventory.grid': defineHandler({
    summary: "A style's stock as a size x colour grid",
    access: 'inventory:read',
    args: z.strictObject({ productId: z.uuid(), locationId: z.uuid().optional() }),
    result: stockGrid,
  }),
  'inventory.adjust': defineHandler({
    summary: 'Adjust one variant with a reason (works offline)',
    access: 'inventory:adjust',
    args: stockAdjustBody,
    result: mutationReceipt,
  }),
  'inventory.receive': defineHandler({
    summary: 'Receive a delivery (works offline)',
    access: 'inventory:receive',
    args: stockReceiveBody,
    result: mutationReceipt,
  }),
  'inventory.count': defineHandler({
    summary: 'Submit a cycle count: one line per variant with the on-hand it started from (works offline)',
    access: 'inventory:count',
    args: stockCountBody,
    result: mutationReceipt,
  }),

  // orders (from the local cache; money is null for roles without orders:refund, as on the API)
  'orders.list': defineHandler({
    summary: 'The orders queue, filtered and paged',
    access: 'orders:read',
    args: adminOrderListQuery,
    result: adminOrderList,
  }),
} as const;

type Specs = typeof handlerSpecs;
export type HandlerName = keyof Specs;
/** What the renderer passes. */
export type ArgsIn<N extends HandlerName> = z.input<Specs[N]['args']>;
/** What the backend receives, after the schema's defaults and transforms. */
export type ArgsOf<N extends HandlerName> = z.output<Specs[N]['args']>;
export type ResultOf<N extends HandlerName> = z.output<Specs[N]['result']>;

/** The full map a backend implements; a backend built in steps provides `Partial<Handlers>`. */
export type Handlers = { [N in HandlerName]: (args: ArgsOf<N>) => Promise<ResultOf<N>> };

export const handlerNames = Object.keys(handlerSpecs) as HandlerName[];
export const isHandlerName = (name: string): name is HandlerName => Object.hasOwn(handlerSpecs, name);
