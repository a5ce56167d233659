import type Database from 'better-sqlite3';
import type { PrinterSettings } from '../../ipc/shapes/fulfillment.ts';

/** Per-device settings (printers, the sender labels print), kept through a mirror reset. */

export const defaultPrinterSettings: PrinterSettings = {
  labelFormat: 'pdf',
  thermalHost: null,
  thermalPort: 9100,
  labelPrinter: null,
  documentPrinter: null,
  packingSlipPaper: 'A4',
  printPackingSlip: true,
};

export interface PrintProfile {
  shipFrom: {
    name: string;
    line1: string;
    line2?: string;
    postalCode: string;
    city: string;
    country: string;
  };
  returnUrlBase: string;
}

export function createDeviceSettings(db: Database.Database) {
  const read = <T>(key: string): T | null => {
    const row = db.prepare('SELECT value FROM device_settings WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row ? (JSON.parse(row.value) as T) : null;
  };
  const write = (key: string, value: unknown) =>
    db
      .prepare(
        'INSERT INTO device_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, JSON.stringify(value));
  return {
    printers: (): PrinterSettings => ({
      ...defaultPrinterSettings,
      ...(read<PrinterSettings>('printers') ?? {}),
    }),
    savePrinters: (settings: PrinterSettings) => write('printers', settings),
    /** The sender and return link the server gave with the last tracking block (null before the first). */
    profile: () => read<PrintProfile>('printProfile'),
    saveProfile: (profile: PrintProfile) => write('printProfile', profile),
  };
}
export type DeviceSettings = ReturnType<typeof createDeviceSettings>;
