// The service worker of one app (written next to its page by tools/postbuild.mjs, which fills
// in BUILD and FILES): after one visit the app opens and works with no network.
//
// - Its files are kept on install, in a cache named by the build. Code lives in
//   app/<digest>/, named by its content: served from the cache first, so a page only ever
//   loads the code of its own build — never a mix of old and new files.
// - Pages, stylesheets and published schedules (`?src=`): the network first (a new build is
//   taken on the next visit), the kept copy when the network fails or takes over 4 s.
// - The caches of the two builds before are kept for pages still open on them; older ones go.
const BUILD = '__BUILD__';
const FILES = __FILES__;
const PREFIX = `agenda-${new URL('./', self.location).pathname}-`;
const CACHE = PREFIX + BUILD;
const IMMUTABLE = /\/app\/[0-9a-f]{16}\//;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const ours = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
    // caches.keys() lists in the order the caches were made: keep the two newest others.
    await Promise.all(ours.slice(0, -2).map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

async function keep(request, response) {
  if (response.ok && response.type === 'basic') {
    const cache = await caches.open(CACHE);
    // A page is one page whatever its query (the screen, the filters, the file to show).
    const url = new URL(request.url);
    url.search = '';
    await cache.put(request.mode === 'navigate' ? url.href : request, response.clone());
  }
  return response;
}

async function cacheFirst(request) {
  return (await caches.match(request)) ?? keep(request, await fetch(request));
}

async function networkFirst(request) {
  const page = request.mode === 'navigate';
  const kept = () => caches.match(request, { ignoreSearch: page });
  const network = fetch(request).then((r) => keep(request, r));
  const slow = new Promise((resolve) => setTimeout(resolve, 4000)).then(kept);
  try {
    return (await Promise.race([network, slow.then((r) => r ?? network)]));
  } catch (error) {
    const copy = await kept();
    if (copy) return copy;
    throw error;
  }
}

// A page asks for a file it fetched before this worker controlled it (the attendee view's
// published schedule on the first visit) to be kept.
self.addEventListener('message', (event) => {
  const url = typeof event.data?.keep === 'string' ? new URL(event.data.keep, self.location) : null;
  if (!url || url.origin !== self.location.origin) return;
  event.waitUntil(fetch(url, { credentials: 'omit' }).then((r) => keep(new Request(url), r)).catch(() => {}));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(IMMUTABLE.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
});
