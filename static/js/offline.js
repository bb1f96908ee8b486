/* "Bewaar voor offline gebruik": registers the service worker (static/../sw.js at the root scope),
   saves the lexicon on request, shows the stored version and refreshes it when online again.
   Progressive: the box stays hidden where service workers or the Cache API are missing. */
(function () {
  "use strict";
  var box = document.getElementById("offline-save");
  if (!box || !("serviceWorker" in navigator) || !("caches" in window)) return;
  var button = box.querySelector("button");
  var status = box.querySelector(".offline-status");
  var msg = box.dataset;
  var META = "/offline/opgeslagen.json";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function say(text) { status.textContent = text; }

  function showStored(meta) {
    var date = new Date(meta.saved).toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
    say(fill(msg.saved, { date: date, version: meta.generation }));
    box.classList.add("is-saved");
    button.textContent = msg.update;
  }

  function readMeta() {
    return caches.match(META).then(function (r) { return r ? r.json() : null; }).catch(function () { return null; });
  }

  function ask() {
    return navigator.serviceWorker.ready.then(function (reg) {
      reg.active.postMessage({ type: "save" });
    });
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type === "progress") say(fill(msg.progress, { done: data.done, total: data.total }));
    else if (data.type === "saved") { showStored(data.meta); button.disabled = false; }
    else if (data.type === "failed") { say(msg.failed); button.disabled = false; }
  });

  function refreshIfStale() {
    if (!navigator.onLine) return;
    readMeta().then(function (meta) {
      if (!meta) return;
      fetch(box.dataset.versionUrl, { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (now) {
        if (now.generation !== meta.generation) { say(msg.updating); ask(); }
      }).catch(function () {});
    });
  }

  navigator.serviceWorker.register(box.dataset.sw, { scope: "/" }).then(function () {
    box.hidden = false;
    readMeta().then(function (meta) { if (meta) showStored(meta); });
    refreshIfStale();
  }).catch(function () { /* no worker: the box stays hidden, the site works as before */ });

  button.addEventListener("click", function () {
    button.disabled = true;
    say(msg.saving);
    ask();
  });
  window.addEventListener("online", refreshIfStale);
})();
