/* Autocomplete for search inputs with data-suggest-url: progressive enhancement.
 *
 * Without JavaScript the search form simply submits to /zoeken/. With it, typing shows
 * lemma titles, alternative terms and authors from /api/suggest, following the WAI-ARIA
 * combobox pattern (list autocomplete): ArrowDown/ArrowUp move through the options,
 * Enter opens the active option, Escape closes the list, Enter without an active option
 * submits the search as usual. The number of suggestions is announced in a live region.
 */
(function () {
  "use strict";

  var DELAY = 150;
  var counter = 0;

  function enhance(input) {
    var url = input.getAttribute("data-suggest-url");
    if (!url || input.getAttribute("role") === "combobox") { return; }
    counter += 1;
    var listId = "suggest-list-" + counter;
    var form = input.form;
    var container = input.parentNode;
    container.classList.add("suggest-host");

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggesties");
    list.hidden = true;

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    container.appendChild(list);
    container.appendChild(status);

    input.setAttribute("autocomplete", "off");  // our list replaces the browser's history list
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var items = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = "";

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function setActive(index) {
      if (!items.length) { return; }
      if (index < 0) { index = items.length - 1; }
      if (index >= items.length) { index = 0; }
      active = index;
      items.forEach(function (item, i) {
        item.el.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", items[active].el.id);
      items[active].el.scrollIntoView({ block: "nearest" });
    }

    function go(item) {
      window.location.href = item.url;
    }

    function render(suggestions) {
      list.innerHTML = "";
      items = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      suggestions.forEach(function (s, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = "suggest-option suggest-" + s.kind;
        var label = document.createElement("span");
        label.className = "suggest-label";
        label.textContent = s.label;
        var kind = document.createElement("span");
        kind.className = "suggest-kind";
        kind.textContent = s.lemma ? s.kind_label + ": " + s.lemma : s.kind_label;
        li.appendChild(label);
        li.appendChild(kind);
        // mousedown, not click: keep focus in the input until we navigate.
        li.addEventListener("mousedown", function (event) {
          event.preventDefault();
          go(s);
        });
        list.appendChild(li);
        items.push({ el: li, url: s.url });
      });
      var open = items.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      status.textContent = open
        ? (items.length === 1 ? "1 suggestie beschikbaar." : items.length + " suggesties beschikbaar.")
        : "";
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q === lastQuery) { return; }
      lastQuery = q;
      if (q.length < 2) { close(); return; }
      if (controller) { controller.abort(); }
      controller = "AbortController" in window ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(q), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (input.value.trim() === q) { render(data.suggestions || []); }
        })
        .catch(function () { /* aborted or offline: the plain form still works */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        if (list.hidden) { lastQuery = ""; fetchSuggestions(); return; }
        event.preventDefault();
        setActive(active + 1);
      } else if (event.key === "ArrowUp") {
        if (list.hidden) { return; }
        event.preventDefault();
        setActive(active - 1);
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          go(items[active]);
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener("blur", function () {
      setTimeout(close, 100);
    });

    if (form) {
      form.addEventListener("submit", close);
    }
  }

  function init() {
    var inputs = document.querySelectorAll("input[data-suggest-url]");
    Array.prototype.forEach.call(inputs, enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
