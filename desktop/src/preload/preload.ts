/**
 * The preload: the renderer's only way out of its sandbox. It exposes exactly `invoke` and `on`
 * (as `window.shoebox`), never ipcRenderer itself, and only for our two channels.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { Envelope } from '../ipc/dispatch.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../ipc/electron.ts';

const bridge = {
  invoke(name: string, args: unknown): Promise<Envelope> {
    return ipcRenderer.invoke(INVOKE_CHANNEL, String(name), args);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    const wanted = String(event);
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === wanted) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('shoebox', bridge);
