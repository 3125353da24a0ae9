/* Relieve's service worker. The server prepends `self.RELIEVE = {version, precache, revisions,
   offline, offlineAccount}`, generated from the app's routes, content and asset hashes
   (webapp/pwa/precache.py). */
// @ts-check
/// <reference lib="webworker" />
import { run as runSync } from '../sync/core.js';

/**
 * @typedef {{ version: string, precache: string[], revisions: Record<string, string>, offline: string,
 *   offlineAccount: string }} Precache
 */
// The checker sees one program with the page scripts, where `self` is a Window: here it is the
// worker's global scope.
const sw = /** @type {ServiceWorkerGlobalScope & { RELIEVE: Precache }} */ (/** @type {unknown} */ (self));

const { version, precache, revisions, offline, offlineAccount } = sw.RELIEVE;
const PREFIX = 'relieve-precache-';
const CACHE = PREFIX + version;
const PRECACHED = new Set(precache);
// Each cache also holds the revisions of the entries it was filled with, under a URL no route
// answers: the next version reads it to know which entries it can take over.
const REVISIONS = '/.relieve-precache-revisions';

/**
 * Whether a URL carries its file's hash (bundles under /static/gen/, other files with ?v=): then
 * the same URL is the same bytes. Pages, the manifest and the catalog get a revision instead.
 * @param {string} url
 */
function hashed(url) {
  return !(url in revisions) && url.startsWith('/static/');
}

/** The caches of earlier versions, each with the revisions it was filled with. */
async function earlierCaches() {
  const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
  return Promise.all(names.map(async (name) => {
    const cache = await caches.open(name);
    const stored = await cache.match(REVISIONS);
    return { cache, revisions: /** @type {Record<string, string>} */ (stored ? await stored.json() : {}) };
  }));
}

/**
 * An unchanged entry from an earlier version's cache, or undefined.
 * @param {string} url
 * @param {{ cache: Cache, revisions: Record<string, string> }[]} earlier
 */
async function unchanged(url, earlier) {
  for (const old of earlier) {
    if (hashed(url) || (url in revisions && old.revisions[url] === revisions[url])) {
      const response = await old.cache.match(url);
      if (response) return response;
    }
  }
  return undefined;
}

/**
 * Downloads one entry. A hashed URL never changes, so the HTTP cache may answer it (on the first
 * install the page has just loaded its own files: they are not downloaded twice); anything else
 * is asked of the server ('no-cache' revalidates, so an old copy is never stored).
 * @param {string} url
 */
async function download(url) {
  const response = await fetch(new Request(url, {
    cache: hashed(url) ? 'default' : 'no-cache',
    credentials: 'same-origin',
  }));
  if (!response.ok) throw new Error(`Precaching ${url} failed: ${response.status}`);
  return response;
}

sw.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const earlier = await earlierCaches();
    // A deploy costs only what changed: unchanged entries are copied from the earlier cache.
    // Any failure fails the install, and the version with the half-filled cache is never used.
    await Promise.all(precache.map(async (url) => {
      await cache.put(url, (await unchanged(url, earlier)) || (await download(url)));
    }));
    // Written last: a cache whose revisions are stored is complete.
    await cache.put(REVISIONS, new Response(JSON.stringify(revisions), {
      headers: { 'Content-Type': 'application/json' },
    }));
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
