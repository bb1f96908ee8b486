/* Markdown editor for the lemma admin: a few toolbar buttons and a live preview rendered
   by the server with the same renderer as the public page. Without JS the textarea works as is. */
(function () {
  "use strict";

  function csrfToken(form) {
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function lemmaId() {
    var m = window.location.pathname.match(/\/lemma\/(\d+)\//);
    return m ? m[1] : "";
  }

  function wrap(textarea, before, after, placeholder) {
    var start = textarea.selectionStart, end = textarea.selectionEnd;
    var selected = textarea.value.slice(start, end) || placeholder;
    textarea.setRangeText(before + selected + after, start, end, "select");
    textarea.selectionStart = start + before.length;
    textarea.selectionEnd = start + before.length + selected.length;
  }

  function prefixLines(textarea, prefix) {
    var value = textarea.value;
    var start = value.lastIndexOf("\n", textarea.selectionStart - 1) + 1;
    var end = textarea.selectionEnd;
    var block = value.slice(start, end) || "";
    var replaced = block.split("\n").map(function (line) { return prefix + line; }).join("\n");
    textarea.setRangeText(replaced, start, end, "end");
  }

  var ACTIONS = {
    bold: function (t) { wrap(t, "**", "**", "vet"); },
    italic: function (t) { wrap(t, "*", "*", "cursief"); },
    h2: function (t) { prefixLines(t, "## "); },
    h3: function (t) { prefixLines(t, "### "); },
    list: function (t) { prefixLines(t, "- "); },
    quote: function (t) { prefixLines(t, "> "); },
    wikilink: function (t) {
      var editor = t.closest(".md-editor");
      if (window.LemmaPicker && editor && editor.getAttribute("data-picker-url")) { window.LemmaPicker.open(t); return; }
      wrap(t, "[[", "]]", "Titel van een lemma");
    },
    link: function (t) { wrap(t, "[", "](https://)", "linktekst"); },
    footnote: function (t) {
      var n = (t.value.match(/\[\^\d+\]:/g) || []).length + 1;
      t.setRangeText("[^" + n + "]", t.selectionEnd, t.selectionEnd, "end");
      t.value = t.value.replace(/\s*$/, "") + "\n\n[^" + n + "]: ";
    }
  };

  function setup(editor) {
    var textarea = editor.querySelector("textarea");
    var toolbar = editor.querySelector(".md-toolbar");
    var pane = editor.querySelector(".md-preview");
    var target = editor.querySelector(".md-preview-body");
    var url = editor.getAttribute("data-preview-url");
    var form = textarea.form;
    var timer = null, pending = null, last = null;

    toolbar.hidden = false;
    pane.hidden = false;
    editor.classList.add("md-live");

    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-md]");
      if (!button) { return; }
      textarea.focus();
      ACTIONS[button.getAttribute("data-md")](textarea);
      schedule();
    });

    function refresh() {
      if (textarea.value === last) { return; }
      last = textarea.value;
      if (pending) { pending.abort(); }
      pending = new AbortController();
      var data = new FormData();
      data.append("body", textarea.value);
      data.append("lemma", lemmaId());
      fetch(url, {
        method: "POST", body: data, credentials: "same-origin", signal: pending.signal,
        headers: {"X-CSRFToken": csrfToken(form)}
      }).then(function (response) {
        return response.text().then(function (text) {
          target.innerHTML = response.ok ? text : "<p class=\"errornote\">" + text.replace(/</g, "&lt;") + "</p>";
        });
      }).catch(function (error) {
        if (error.name !== "AbortError") {
          target.innerHTML = "<p class=\"errornote\">Voorbeeld niet beschikbaar.</p>";
        }
      });
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 400);
    }

    textarea.addEventListener("input", schedule);
    refresh();
  }

  /* Accessible names for the inline rows and Django's search pickers (select2 4.0.13).
     Rows: the server names each input ("Positie van auteur 2", data-row-label holds the
     template); Django's inlines.js renumbers only id/name/for, so rows added or removed in the
     browser are renamed here. Pickers: select2 names its combobox after an inner role=textbox
     span that has no name of its own while empty, and its search field has none at all; select2
     has no option for either, so we name them from the field's label on init and on open. */
  function renumberRows(root) {
    Array.prototype.forEach.call(root.querySelectorAll("[data-row-label]"), function (input) {
      var m = (input.name || "").match(/-(\d+)-[^-]+$/);
      if (m) { input.setAttribute("aria-label", input.getAttribute("data-row-label").replace("{n}", Number(m[1]) + 1)); }
    });
  }

  function pickerName(select) {
    if (select.hasAttribute("aria-label")) { return select.getAttribute("aria-label"); }
    var label = select.id && document.querySelector("label[for='" + select.id + "']");
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function labelPicker(select) {
    var container = select.nextElementSibling;
    if (!container || !container.classList.contains("select2")) { return; }
    var combobox = container.querySelector(".select2-selection[role=combobox]");
    var rendered = container.querySelector(".select2-selection__rendered");
    if (!combobox || !rendered) { return; }
    // The field's name, then its value or placeholder: "Cluster, Sociale nabijheid".
    var nameId = select.id + "-a11y-name";
    var nameNode = document.getElementById(nameId);
    if (!nameNode) {
      nameNode = document.createElement("span");
      nameNode.id = nameId;
      nameNode.hidden = true;  // still usable by aria-labelledby
      container.appendChild(nameNode);
    }
    nameNode.textContent = pickerName(select);
    combobox.setAttribute("aria-labelledby", nameId + " " + rendered.id);
    // Not a text box (select2 4.1 dropped these too); without the role it needs no name of its own.
    rendered.removeAttribute("role");
    rendered.removeAttribute("aria-readonly");
  }

  function labelPickers(root) {
    Array.prototype.forEach.call(root.querySelectorAll("select.admin-autocomplete"), function (select) {
      if (select.name.indexOf("__prefix__") === -1) { labelPicker(select); }
    });
  }

  function onPickerOpen(event) {
    var select = event.target;
    labelPicker(select);
    var container = select.nextElementSibling;
    var combobox = container && container.querySelector(".select2-selection[role=combobox]");
    if (combobox && combobox.getAttribute("aria-owns")) {
      combobox.setAttribute("aria-controls", combobox.getAttribute("aria-owns"));  // required when expanded
    }
    var search = document.querySelector(".select2-container--open .select2-search__field");
    if (search) { search.setAttribute("aria-label", "Zoeken: " + pickerName(select)); }
  }

  function onPickerClose(event) {
    var container = event.target.nextElementSibling;
    var combobox = container && container.querySelector(".select2-selection[role=combobox]");
    if (combobox) { combobox.removeAttribute("aria-controls"); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".md-editor"), setup);
    var $ = window.django && window.django.jQuery;
    if (!$) { return; }
    // Queued after Django's autocomplete.js, whose ready handler creates the pickers.
    $(function () { labelPickers(document); });
    $(document).on("select2:open", onPickerOpen).on("select2:close", onPickerClose);
    ["formset:added", "formset:removed"].forEach(function (type) {
      document.addEventListener(type, function () {
        window.setTimeout(function () { renumberRows(document); labelPickers(document); }, 0);
      });
    });
  });
})();
