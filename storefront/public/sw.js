/*
 * The storefront's service worker (decision 0044). Browsing survives a flaky phone connection:
 * - the app shell (the HTML and every page's hashed scripts and styles) is cached; hashed assets never
 *   change, so they are served from the cache first;
 * - pages and the catalogue answers (products, categories, images) are fetched from the network
 *   first and kept, so recently viewed pages open again offline;
 * - the bag, checkout, account and every write go to the network only: prices, stock and payment
 *   must be live, and the checkout page tells the shopper plainly when they are offline.
 * Plain JavaScript in public/: it is not bundled, so it has a stable URL (/sw.js) and no hash.
 */
const VERSION = 'shoebox-v1';
const SHELL = `${VERSION}-shell`;
const PAGES = `${VERSION}-pages`;
/** Recently viewed pages and catalogue answers kept for offline use; the oldest go first. */
const MAX_PAGES = 80;
/** How long a page waits for the network before a cached copy is shown. */
const NETWORK_WAIT_MS = 4000;

const CATALOGUE = [/^\/store\/products(\/|$|\?)/, /^\/store\/categories$/, /^\/store\/brands$/, /^\/media\//];
const ONLINE_ONLY_PAGES = [/^\/checkout/, /^\/order\//, /^\/account/, /^\/returns/];

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => !k.startsWith(VERSION)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/**
 * Whether the last request this worker made reached the network. Pages ask on start and are told
 * on each change: a page served from a saved copy says so, even where `navigator.onLine` still
 * reports a connection (a captive portal, a dead mobile network).
 */
let reachable = true;
async function setReachable(now) {
  if (now === reachable) return;
  reachable = now;
  for (const client of await self.clients.matchAll({ type: 'window' }))
    client.postMessage({ type: 'reachable', reachable });
}

self.addEventListener('message', (event) => {
  const data = event.data ?? {};
  // The page posts the scripts and styles it loaded before this worker controlled it.
  if (data.type === 'cache-assets' && Array.isArray(data.urls)) event.waitUntil(cacheAssets(data.urls));
  if (data.type === 'reachable?') event.source?.postMessage({ type: 'reachable', reachable });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/assets/')) return event.respondWith(cacheFirst(request));
  if (request.mode === 'navigate') return event.respondWith(page(request, url));
  if (CATALOGUE.some((re) => re.test(url.pathname))) return event.respondWith(networkFirst(request));
  // Everything else (bag, checkout, account, icons) goes to the network as if there were no worker.
});

async function cacheShell() {
  const cache = await caches.open(SHELL);
  const response = await fetch('/', { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put('/', response);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  // Every page's chunk (written by the build), so a page not opened before still opens offline.
  const pages = await fetch('/shell-assets.json')
    .then((r) => (r.ok ? r.json() : []))
    .catch(() => []);
  await cacheAssets([...assets, ...pages, '/manifest.webmanifest', '/favicon.svg']);
}

async function cacheAssets(urls) {
  const cache = await caches.open(SHELL);
  const sameOrigin = urls.filter((u) => new URL(u, self.location.origin).origin === self.location.origin);
  await Promise.all(sameOrigin.map((u) => cache.add(u).catch(() => undefined)));
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

/** Network first (with a time limit), keeping a copy; offline, the last copy. */
async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await withTimeout(fetch(request), NETWORK_WAIT_MS);
    setReachable(true);
    if (response.ok) {
      await cache.put(request, response.clone());
      trim(cache);
    }
    return response;
  } catch (error) {
    setReachable(false);
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}

/**
 * Pages: every route is the same app shell, so a page works offline when the shell is cached and
 * its data was seen before. Online-only pages still get the shell offline, which says why they
 * cannot work right now instead of the browser's error page.
 */
async function page(request, url) {
  try {
    const response = await withTimeout(fetch(request), NETWORK_WAIT_MS);
    setReachable(true);
    if (response.ok && !ONLINE_ONLY_PAGES.some((re) => re.test(url.pathname)))
      (await caches.open(SHELL)).put('/', response.clone());
    return response;
  } catch (error) {
    setReachable(false);
    const shell = await caches.match('/');
    if (shell) return shell;
    throw error;
  }
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network too slow')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function trim(cache) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(key);
}
