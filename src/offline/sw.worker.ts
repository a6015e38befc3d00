/**
 * The page's service worker. scripts/service-worker-plugin.ts strips the types, puts the build's
 * file list and version in front and writes it as sw.js beside index.html; the page registers it
 * in the build only (./register.ts). Three jobs:
 *  - offline: every file of the build (the app, its chunks, the worker with the WebAssembly
 *    inlined, digits.bin, the recorder) is cached at install and served from the cache first, so
 *    the page opens at once on a poor network and works with none;
 *  - updates: a new build has a new sw.js (its version is a hash of every file's contents), which
 *    installs beside the old one and takes over at once; files whose contents did not change are
 *    copied from the old cache rather than downloaded again (digits.bin is 7.8 MB);
 *  - cross-origin isolation: every response it serves carries COOP/COEP, which a static host
 *    (GitHub Pages) cannot send, so the page gets SharedArrayBuffer (the kernels' threads).
 */

/** [path relative to the scope, revision (a hash of the contents)] of every file of the build. */
declare const PRECACHE: readonly (readonly [string, string])[];
/** A hash of PRECACHE: a new build is a new version. */
declare const VERSION: string;

const worker = self as unknown as ServiceWorkerGlobalScope;
const PREFIX = 'activation-lab-';
const CACHE = PREFIX + VERSION;
const REVISION = 'x-activation-lab-revision';
const ISOLATION: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
/** Statuses whose responses must have no body. */
const NULL_BODY = [101, 204, 205, 304];

const scoped = (path: string) => new URL(path, worker.registration.scope).href;

/** The same response with other headers (a Response's headers are immutable). */
function withHeaders(response: Response, extra: Record<string, string>): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  const body = NULL_BODY.includes(response.status) ? null : response.body;
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** The file at this revision from an older version's cache, if one holds it. */
async function cachedRevision(url: string, revision: string): Promise<Response | undefined> {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX)) continue;
    const response = await (await caches.open(name)).match(url);
    if (response?.headers.get(REVISION) === revision) return response;
  }
  return undefined;
}

async function download(url: string, revision: string): Promise<Response> {
  // no-cache: a file of the same name from the previous build may sit in the HTTP cache.
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return withHeaders(response, { [REVISION]: revision });
}

worker.addEventListener('install', (event) => {
  const install = async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(
      PRECACHE.map(async ([path, revision]) => {
        const url = scoped(path);
        await cache.put(
          url,
          (await cachedRevision(url, revision)) ?? (await download(url, revision)),
        );
      }),
    );
    // Take over at once: a reload, or the next visit, gets the new version.
    await worker.skipWaiting();
  };
  event.waitUntil(install());
});

worker.addEventListener('activate', (event) => {
  const activate = async () => {
    const older = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
    // The version just replaced keeps only the files this one lacks: a page still open on it may
    // load its lazy chunks later, which the host no longer has. Versions before that go.
    const previous = older.pop();
    await Promise.all(older.map((name) => caches.delete(name)));
    if (previous) {
      const cache = await caches.open(previous);
      await Promise.all(PRECACHE.map(([path]) => cache.delete(scoped(path))));
    }
    await worker.clients.claim();
  };
  event.waitUntil(activate());
});

/** A navigation to the page itself (any query string: the settings live there) is index.html. */
function cacheKey(request: Request): string {
  if (request.mode !== 'navigate') return request.url;
  const url = new URL(request.url);
  const page = scoped('./');
  const path = url.origin + url.pathname;
  return path === page || path === page + 'index.html' ? page : request.url;
}

async function respond(request: Request): Promise<Response> {
  const response = (await caches.match(cacheKey(request))) ?? (await fetch(request));
  return response.type === 'opaque' ? response : withHeaders(response, ISOLATION);
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(worker.registration.scope)) return;
  event.respondWith(respond(request));
});
