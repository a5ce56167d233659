/**
 * Electron's main process: one instance, one window, the backend in a utilityProcess, the
 * renderer from app://shoebox. Settings come from the environment like browser mode's
 * (SHOEBOX_API_URL, SHOP_NAME); the data lives in Electron's per-user folder.
 */
import { join } from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { registerAppScheme, serveRenderer } from './app-protocol.ts';
import { startBackendBridge } from './backend-bridge.ts';
import { installMenu } from './menu.ts';
import { printingHandlers } from './printing.ts';
import { installSecurityGuards } from './security.ts';
import { createMainWindow } from './window.ts';

// The build puts main.js, preload.cjs and backend.js side by side, and the renderer in ../renderer.
const here = import.meta.dirname;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  installSecurityGuards();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  installMenu({ devTools: !app.isPackaged });
  serveRenderer(join(here, '..', 'renderer'));
  const bridge = startBackendBridge({
    entry: join(here, 'backend.js'),
    config: {
      apiUrl: (process.env.SHOEBOX_API_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, ''),
      dataDir: join(app.getPath('userData'), 'data'),
      shopName: process.env.SHOP_NAME ?? 'Shoebox',
      mode: 'electron',
      appVersion: app.getVersion(),
      probeIntervalMs: 3000,
      requestTimeoutMs: 5000,
    },
    window: () => mainWindow,
    mainHandlers: printingHandlers(() => mainWindow),
  });
  mainWindow = createMainWindow(join(here, 'preload.cjs'));
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    mainWindow ??= createMainWindow(join(here, 'preload.cjs'));
  });
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    void bridge.stop().finally(() => app.quit());
  });
}
