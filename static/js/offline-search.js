/* Search without a connection (/offline/): the saved index (/offline/index.json, from the service
   worker's store when offline) and the device analyser (dutch-analysis.js) that makes the same
   terms from a query as the server does from the lemmas. */
(function () {
  "use strict";
  var root = document.getElementById("offline-search");
  if (!root || !window.LexiconAnalysis || !window.fetch) return;
  var form = root.querySelector("form");
  var input = form.querySelector("input[name=q]");
  var list = root.querySelector(".offline-results");
  var status = root.querySelector(".offline-results-status");
  var msg = root.dataset;
  var loaded = null;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function load() {
    if (!loaded) {
      loaded = fetch(root.dataset.index).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (index) {
        var df = {};
        index.lemmas.forEach(function (lemma) {
          for (var term in lemma.terms) df[term] = (df[term] || 0) + 1;
        });
        index.df = df;
        index.vocabulary = Object.keys(df);
        index.analyser = new window.LexiconAnalysis.Analyser(index.analysis);
        return index;
      });
      loaded.catch(function () { loaded = null; });
    }
    return loaded;
  }

  /* Weighted matches of one query term: the term itself, else the words it begins (compounds). */
  function expand(index, term) {
    if (index.df[term]) return [[term, 1]];
    if (term.length < 3) return [];
    return index.vocabulary.filter(function (t) { return t.indexOf(term) === 0; }).map(function (t) { return [t, 0.5]; });
  }

  function search(index, query) {
    var terms = index.analyser.terms(query);
    var n = index.lemmas.length;
    var expanded = terms.map(function (t) { return expand(index, t); });
    var hits = [];
    index.lemmas.forEach(function (lemma) {
      var score = 0, matched = 0;
      expanded.forEach(function (options) {
        var best = 0;
        options.forEach(function (option) {
          var w = lemma.terms[option[0]];
          if (w) best = Math.max(best, w * option[1] * Math.log(1 + n / index.df[option[0]]));
        });
        if (best) { matched += 1; score += best; }
      });
      if (matched) hits.push({ lemma: lemma, matched: matched, score: score });
    });
    hits.sort(function (a, b) { return b.matched - a.matched || b.score - a.score; });
    var complete = hits.filter(function (h) { return h.matched === terms.length; });
    return complete.length ? complete : hits;
  }

  function show(query) {
    list.textContent = "";
    if (!query.trim()) { status.textContent = ""; return; }
    status.textContent = msg.searching;
    load().then(function (index) {
      var hits = search(index, query).slice(0, 30);
      status.textContent = hits.length ? fill(msg.found, { n: hits.length, q: query }) : fill(msg.none, { q: query });
      hits.forEach(function (hit) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = hit.lemma.url;
        a.textContent = hit.lemma.title;
        var h = document.createElement("h2");
        h.appendChild(a);
        var meta = document.createElement("p");
        meta.className = "result-meta";
        meta.textContent = hit.lemma.cluster;
        var lead = document.createElement("p");
        lead.textContent = hit.lemma.lead;
        li.append(h, meta, lead);
        list.appendChild(li);
      });
      document.dispatchEvent(new CustomEvent("offline-search:done", { detail: { count: hits.length } }));
    }).catch(function () { status.textContent = msg.unavailable; });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url.pathname + url.search);
    show(input.value);
  });
  var initial = new URLSearchParams(window.location.search).get("q") || "";
  if (window.location.pathname !== root.dataset.page && !initial) {
    status.textContent = msg.notSaved;  // a page that was not saved, answered by the worker with this one
  }
  if (initial) { input.value = initial; show(initial); }
  root.classList.add("is-ready");
})();
