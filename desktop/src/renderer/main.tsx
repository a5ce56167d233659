/** The renderer's entry: the bridge (Electron's preload, or browser mode's HTTP), the CSP nonce, the app. */
import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createIpcClient, type RawBridge } from '../ipc/index.ts';
import { App } from './app/App.tsx';
import { createHttpBridge } from './lib/http-bridge.ts';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in browser mode. */
    shoebox?: RawBridge;
  }
}

const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
// emotion's <style> tags carry the page's nonce, so the CSP can refuse every other inline style.
const cache = createCache({ key: 'sb', ...(nonce ? { nonce } : {}) });
const client = createIpcClient(window.shoebox ?? createHttpBridge());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CacheProvider value={cache}>
      <App client={client} />
    </CacheProvider>
  </StrictMode>,
);
