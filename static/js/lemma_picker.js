/* Lemma picker for the [[...]] button of the Markdown editor: search lemmas (drafts too) by title or
   alternative term at data-picker-url (JSON), pick one, and [[Title]] is inserted at the cursor
   (the selected text, if any, becomes the label: [[Title|selection]]). Without JS: type [[Title]]. */
(function () {
  "use strict";

  function build(editor) {
    var panel = document.createElement("div");
    panel.className = "md-picker";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", "Lemma kiezen voor een link");
    panel.innerHTML =
      '<label class="md-picker-label">Zoek een lemma <input type="search" class="md-picker-input vTextField" autocomplete="off"></label>' +
      ' <button type="button" class="button md-picker-close">Sluiten</button>' +
      '<ul class="md-picker-results" role="listbox" aria-label="Gevonden lemma\u2019s"></ul>' +
      '<p class="md-picker-status" aria-live="polite"></p>';
    editor.querySelector(".md-toolbar").after(panel);
    return panel;
  }

  function open(textarea) {
    var editor = textarea.closest(".md-editor");
    var url = editor.getAttribute("data-picker-url");
    var panel = editor.querySelector(".md-picker") || build(editor);
    var input = panel.querySelector(".md-picker-input");
    var list = panel.querySelector(".md-picker-results");
    var status = panel.querySelector(".md-picker-status");
    var start = textarea.selectionStart, end = textarea.selectionEnd;
    var selected = textarea.value.slice(start, end);
    var timer = null, pending = null;

    function close() { panel.hidden = true; textarea.focus(); }

    function insert(row) {
      var text = selected && selected !== row.titel ? "[[" + row.titel + "|" + selected + "]]" : "[[" + row.titel + "]]";
      textarea.setRangeText(text, start, end, "end");
      textarea.dispatchEvent(new Event("input", {bubbles: true}));  // live preview
      close();
    }

    function show(rows) {
      list.innerHTML = "";
      rows.forEach(function (row) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-picker-option";
        button.setAttribute("role", "option");
        button.textContent = row.titel + (row.status === "gepubliceerd" ? "" : " (" + row.status_label + ")");
        button.addEventListener("click", function () { insert(row); });
        item.appendChild(button);
        list.appendChild(item);
      });
      status.textContent = rows.length ? rows.length + " gevonden" : "Geen lemma gevonden";
    }

    function search() {
      if (pending) { pending.abort(); }
      pending = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(input.value), {credentials: "same-origin", signal: pending.signal})
        .then(function (r) { return r.json(); })
        .then(function (data) { show(data.resultaten || []); })
        .catch(function (error) { if (error.name !== "AbortError") { status.textContent = "Zoeken lukt nu niet."; } });
    }

    input.oninput = function () { window.clearTimeout(timer); timer = window.setTimeout(search, 200); };
    input.onkeydown = function (event) {
      if (event.key === "Escape") { event.preventDefault(); close(); }
      if (event.key === "Enter") {
        event.preventDefault();  // never submit the lemma form from here
        var first = list.querySelector(".md-picker-option");
        if (first) { first.click(); }
      }
    };
    panel.querySelector(".md-picker-close").onclick = close;
    panel.hidden = false;
    input.value = selected;
    input.focus();
    search();
  }

  window.LemmaPicker = {open: open};
})();
