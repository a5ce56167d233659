/** The main window: locked-down web preferences, and its size and place kept between runs. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, type Rectangle, screen } from 'electron';
import { APP_ORIGIN } from './app-protocol.ts';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const stateFile = () => join(app.getPath('userData'), 'window-state.json');

function loadState(): WindowState | undefined {
  try {
    const state = JSON.parse(readFileSync(stateFile(), 'utf8')) as WindowState;
    // A monitor that was unplugged must not leave the window off every screen.
    const display = screen.getDisplayMatching(state.bounds).workArea;
    const visible =
      state.bounds.x < display.x + display.width &&
      state.bounds.y < display.y + display.height &&
      state.bounds.x + state.bounds.width > display.x &&
      state.bounds.y + state.bounds.height > display.y;
    return visible ? state : undefined;
  } catch {
    return undefined;
  }
}

function saveState(win: BrowserWindow): void {
  const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
  try {
    writeFileSync(stateFile(), JSON.stringify(state));
  } catch {
    // Losing the window position is not worth an error dialog.
  }
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const state = loadState();
  const win = new BrowserWindow({
    ...(state?.bounds ?? { width: 1440, height: 900 }),
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Shoebox Back Office',
    backgroundColor: '#f4f5f7',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  });
  if (state?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  let saveTimer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => saveState(win), 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('close', () => saveState(win));
  void win.loadURL(`${APP_ORIGIN}/`);
  return win;
}
