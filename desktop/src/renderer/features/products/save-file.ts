/**
 * Saving a file the app made (the catalogue CSV): in the desktop app a save dialog through the
 * main process (`printing.saveFile`); in browser mode, where that handler is not provided, the
 * browser's own download.
 */
import type { IpcClient } from '../../../ipc/index.ts';

const toBase64 = (text: string): string => {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** Where it went: a path, "downloaded", or null when the person cancelled the dialog. */
export async function saveTextFile(
  backend: IpcClient,
  text: string,
  fileName: string,
  filter: { name: string; extensions: string[] },
): Promise<{ path: string } | 'downloaded' | null> {
  try {
    return await backend.invoke('printing.saveFile', {
      dataBase64: toBase64(text),
      suggestedName: fileName,
      filter,
    });
  } catch (e) {
    if ((e as { code?: string }).code !== 'IPC_HANDLER_UNAVAILABLE') throw e;
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return 'downloaded';
}
