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
    wikilink: function (t) { wrap(t, "[[", "]]", "Titel van een lemma"); },
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

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".md-editor"), setup);
  });
})();
