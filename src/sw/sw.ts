/**
 * The service worker: once the app has been opened, it opens, trains and predicts offline.
 *
 * Install precaches every file of the build (index.html, the page's and the worker's
 * chunks, the .wasm files, public/data) into a cache named after the build's version;
 * activate deletes the caches of older versions. Precached same-origin GETs are served
 * cache-first with the network as fallback; anything else is left to the browser.
 * A navigation to the app with any query (`?steps=50&backend=wasm`) gets index.html.
 *
 * A new version takes over open pages at once (skipWaiting + claim): the page loads all
 * of its code at start, so an open page keeps running what it loaded, and the next
 * navigation gets the new version.
 *
 * Built into dist/sw.js by scripts/build-sw.mjs, which strips the types and writes
 * `PRECACHE` in front: `urls` are relative to sw.js, `version` hashes the files.
 */
/// <reference lib="webworker" />
export {};

declare const self: ServiceWorkerGlobalScope;
declare const PRECACHE: { version: string; urls: string[] };

/** Per scope, so two builds under different paths of one origin keep their own caches. */
const PREFIX = `nn-playground:${self.registration.scope}:`;
const CACHE = `${PREFIX}${PRECACHE.version}`;
const SHELL = new URL('./', self.location.href).href;
const PRECACHED = new Set(PRECACHE.urls.map((u) => new URL(u, self.location.href).href));

/** Fetch every file into a fresh cache; any failure fails the install (the old version stays). */
async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      [...PRECACHED].map(async (url) => {
        // Revalidate with the server: index.html and public/data keep their names across builds.
        const response = await fetch(url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`precaching ${url}: HTTP ${response.status}`);
        // A redirected response may not answer a navigation; keep only its body and headers.
        const clean = response.redirected ? new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers }) : response;
        await cache.put(url, clean);
      }),
    );
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

/** The cache key of a request we answer, or null to leave it to the browser. */
function precachedKey(request: Request): string | null {
  if (request.method !== 'GET' || request.headers.has('range')) return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  if (request.mode === 'navigate') {
    const path = url.origin + url.pathname;
    return path === SHELL || path === `${SHELL}index.html` ? SHELL : null;
  }
  return url.search === '' && PRECACHED.has(url.href) ? url.href : null;
}

async function cacheFirst(request: Request, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  // Evicted or never stored: the network, and store it again for next time.
  const response = await fetch(request);
  if (response.ok && response.type === 'basic' && request.mode !== 'navigate') await cache.put(key, response.clone());
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const key = precachedKey(event.request);
  if (key !== null) event.respondWith(cacheFirst(event.request, key));
});
