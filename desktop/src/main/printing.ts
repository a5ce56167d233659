/**
 * PDF printing, which needs Electron: silent printing on a system printer (labels, packing
 * slips at the pack bench) and "save as PDF". Raw bytes to a thermal printer are the backend's
 * (`printing.raw`), since that is plain Node.
 */
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, dialog } from 'electron';
import type { Handlers } from '../ipc/index.ts';
import { ipcError } from '../ipc/index.ts';

export function printingHandlers(
  window: () => BrowserWindow | undefined,
): Pick<Handlers, 'printing.printers' | 'printing.pdf' | 'printing.savePdf' | 'printing.saveFile'> {
  return {
    'printing.printers': async () => {
      const printers = (await window()?.webContents.getPrintersAsync()) ?? [];
      return printers.map((p) => ({
        name: p.name,
        displayName: p.displayName,
        isDefault: isDefaultPrinter(p.options),
      }));
    },

    'printing.pdf': async ({ pdfBase64, printer, copies }) => {
      // Chromium's PDF viewer renders the file in a hidden window, which then prints silently.
      const file = join(tmpdir(), `shoebox-print-${randomUUID()}.pdf`);
      await writeFile(file, Buffer.from(pdfBase64, 'base64'));
      const hidden = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
      });
      try {
        await hidden.loadURL(pathToFileURL(file).href);
        await new Promise<void>((resolve, reject) =>
          hidden.webContents.print(
            { silent: true, copies, ...(printer ? { deviceName: printer } : {}) },
            (ok, reason) =>
              ok
                ? resolve()
                : reject(ipcError('PRINTER_UNREACHABLE', `The printer did not take the job (${reason}).`)),
          ),
        );
        return null;
      } finally {
        hidden.destroy();
        await rm(file, { force: true });
      }
    },

    'printing.savePdf': async ({ pdfBase64, suggestedName }) => {
      const owner = window();
      const options = { defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const choice = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return null;
      await writeFile(choice.filePath, Buffer.from(pdfBase64, 'base64'));
      return { path: choice.filePath };
    },

    'printing.saveFile': async ({ dataBase64, suggestedName, filter }) => {
      const owner = window();
      const options = { defaultPath: suggestedName, filters: [filter] };
      const choice = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return null;
      await writeFile(choice.filePath, Buffer.from(dataBase64, 'base64'));
      return { path: choice.filePath };
    },
  };
}

/** CUPS reports the default printer as an option; Windows and macOS builds fill the same key. */
function isDefaultPrinter(options: unknown): boolean {
  const value = (options as Record<string, unknown> | undefined)?.['printer-is-default'];
  return value === true || value === 'true';
}
