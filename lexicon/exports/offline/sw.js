/* Service worker of the lexicon (served at /sw.js, scope "/"): keeps the saved lexicon on the
   device when the reader asks for it, and answers from it when there is no connection.
   Network first: a reader online always gets the current page; the stored copy is used when the
   network fails, or is slow (SLOW_MS) and a stored copy exists. */
"use strict";

const PREFIX = "lexicon-offline-";
const META = "/offline/opgeslagen.json";
const INDEX = "/offline/index.json";
const FALLBACK = "/offline/";
const SLOW_MS = 4000;
const PARALLEL = 4;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "save") event.waitUntil(save());
});

async function tell(message) {
  for (const client of await self.clients.matchAll({ includeUncontrolled: true })) client.postMessage(message);
}

let saving = null;

function save() {
  if (!saving) saving = doSave().finally(() => { saving = null; });
  return saving;
}

async function doSave() {
  try {
    const response = await fetch(INDEX, { cache: "no-store" });
    if (!response.ok) throw new Error("index " + response.status);
    const index = await response.clone().json();
    const name = PREFIX + index.generation;
    const store = await caches.open(name);
    const urls = index.bundle;
    let done = 0;
    const queue = urls.slice();
    async function worker() {
      while (queue.length) {
        const url = queue.shift();
        const page = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
        if (!page.ok) throw new Error(url + " " + page.status);
        await store.put(url, page);
        done += 1;
        tell({ type: "progress", done: done, total: urls.length });
      }
    }
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    await store.put(INDEX, response);
    const meta = { generation: index.generation, changed: index.changed, saved: new Date().toISOString(), count: urls.length };
    await store.put(META, new Response(JSON.stringify(meta), { headers: { "Content-Type": "application/json" } }));
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== name) await caches.delete(key);
    }
    tell({ type: "saved", meta: meta });
  } catch (error) {
    tell({ type: "failed", error: String(error) });
  }
}

async function stored(request, url) {
  // A lemma page is the same page whatever its query string (?ref=...); search pages are not.
  return caches.match(request, { ignoreSearch: !url.pathname.startsWith("/zoeken/") });
}

async function fromNetwork(request, url, navigate) {
  const network = fetch(request);
  const slow = new Promise((resolve) => setTimeout(resolve, SLOW_MS, "slow"));
  try {
    const first = await Promise.race([network, slow]);
    if (first !== "slow") return first;
    const copy = await stored(request, url);
    return copy || (await network);
  } catch (error) {
    const copy = await stored(request, url);
    if (copy) return copy;
    if (navigate) {
      // A page that was not saved, or a search: the offline search page (it reads ?q= itself).
      const fallback = await caches.match(FALLBACK);
      if (fallback) return fallback;
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/beheer/") || url.pathname.startsWith("/api/") || url.pathname === "/offline/versie.json") return;
  event.respondWith(fromNetwork(request, url, request.mode === "navigate"));
});
