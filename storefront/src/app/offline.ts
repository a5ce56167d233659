/**
 * The service worker (public/sw.js) and the shopper's connection. Registration waits until the
 * page is idle, so it never competes with the first render (Lighthouse's total blocking time).
 */
import { useSyncExternalStore } from 'react';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  const register = async () => {
    const registration = await navigator.serviceWorker.register('/sw.js');
    // The scripts of this first visit loaded before the worker existed: hand them over for the shell cache.
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
      .map((u) => u.pathname);
    const worker = registration.active ?? registration.installing ?? registration.waiting;
    worker?.postMessage({ type: 'cache-assets', urls });
  };
  const later = () => setTimeout(() => register().catch(() => undefined), 3000);
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });
}

/** What the service worker last saw: false when it had to answer from a saved copy. */
let workerReachable = true;
const listeners = new Set<() => void>();
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    if (event.data?.type !== 'reachable') return;
    workerReachable = event.data.reachable === true;
    for (const l of listeners) l();
  });
  navigator.serviceWorker.controller?.postMessage({ type: 'reachable?' });
}

const setReachable = (now: boolean) => {
  workerReachable = now;
  for (const l of listeners) l();
};

/**
 * Asks the server directly (the worker lets /healthz through): for pages that must not run on a
 * saved copy, such as checkout, whatever the browser's flag says.
 */
export function probeConnection(): void {
  fetch('/healthz', { cache: 'no-store' }).then(
    (r) => setReachable(r.ok),
    () => setReachable(false),
  );
}

const subscribe = (onChange: () => void) => {
  listeners.add(onChange);
  addEventListener('online', onChange);
  addEventListener('offline', onChange);
  return () => {
    listeners.delete(onChange);
    removeEventListener('online', onChange);
    removeEventListener('offline', onChange);
  };
};

/** Whether the shop can be reached (the browser's flag and the service worker's last request), re-rendering on change. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine && workerReachable);
}
