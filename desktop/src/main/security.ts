/**
 * App-wide guards for every web contents (Electron's security checklist; desktop/README.md lists
 * each item): no new windows, no navigation away from our origin, no <webview>, no permission
 * prompts granted, external https links open in the user's browser instead.
 */
import { app, session, shell } from 'electron';
import { APP_ORIGIN } from './app-protocol.ts';

const isOurs = (url: string) => url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);

function openOutside(url: string): void {
  if (url.startsWith('https://')) void shell.openExternal(url);
}

export function installSecurityGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openOutside(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isOurs(url)) {
        event.preventDefault();
        openOutside(url);
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOurs(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.whenReady().then(() => {
    // No camera, microphone, notifications, geolocation...: nothing asks, nothing is granted.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}

/** Only our own page may call the backend. */
export const isTrustedSender = (frameUrl: string | undefined): boolean =>
  Boolean(frameUrl && isOurs(frameUrl));
