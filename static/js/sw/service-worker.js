/* Relieve's service worker. The server prepends `self.RELIEVE = {version, precache, offline}`,
   generated from the app's routes, content and asset hashes (webapp/pwa/precache.py). */
// @ts-check
/// <reference lib="webworker" />
import { run as runSync } from '../sync/core.js';

/** @typedef {{ version: string, precache: string[], offline: string, offlineAccount: string }} Precache */
// The checker sees one program with the page scripts, where `self` is a Window: here it is the
// worker's global scope.
const sw = /** @type {ServiceWorkerGlobalScope & { RELIEVE: Precache }} */ (/** @type {unknown} */ (self));

const { version, precache, offline, offlineAccount } = sw.RELIEVE;
const PREFIX = 'relieve-precache-';
const CACHE = PREFIX + version;
const PRECACHED = new Set(precache);

sw.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // 'reload' skips the HTTP cache so a new version never stores an old copy. addAll fails the
    // whole install on any error response, so a half-filled cache is never used.
    await cache.addAll(precache.map((url) => new Request(url, { cache: 'reload', credentials: 'same-origin' })));
  })());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    // Only our own old versions: other caches on this origin are not ours to delete.
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
    await sw.clients.claim();
  })());
});

// Background Sync: changes made just before the connection dropped go out when it returns, even
// if the app is closed by then.
sw.addEventListener('sync', (event) => {
  if (event.tag !== 'relieve-sync') return;
  event.waitUntil(runSync().then(async (status) => {
    for (const client of await sw.clients.matchAll()) client.postMessage({ type: 'synced', status });
    // A failed run rejects, so the browser tries again later.
    if (status.state === 'offline' || status.state === 'error') throw new Error(status.message);
  }));
});

sw.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') sw.skipWaiting();
});

function pageKey(url) {
  // "/techniques" and "/techniques/" are the same page; filters live in the query string and
  // are applied by the page itself.
  const path = url.pathname;
  return path.length > 1 && !path.endsWith('/') && PRECACHED.has(path + '/') ? path + '/' : path;
}

async function handleNavigation(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(pageKey(new URL(request.url)), { ignoreSearch: true });
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch (error) {
    // Account pages are never cached: offline, say that signing in needs a connection and that
    // the person's data is safe on the device, rather than the generic offline page.
    const page = new URL(request.url).pathname.startsWith('/account/') ? offlineAccount : offline;
    return (await cache.match(page)) || (await cache.match(offline)) || Response.error();
  }
}

async function handleAsset(request) {
  const cached = await caches.match(request, { cacheName: CACHE });
  return cached || fetch(request);
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Other origins and the API go straight to the network.
  if (url.origin !== sw.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(handleNavigation(request));
  } else if (PRECACHED.has(url.pathname + url.search)) {
    event.respondWith(handleAsset(request));
  }
});
