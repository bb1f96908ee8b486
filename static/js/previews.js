// Previews in place (issue 13): a link to another lemma shows its title, cluster and lead; a
// footnote reference shows the note where it is cited. Mouse: on hover after a short delay.
// Keyboard: on focus; Escape closes. Touch: the first tap opens the preview (with a link to go on),
// a second tap on the same link follows it. The data comes from the page itself: a JSON block
// (#lemma-previews, written by the server) and the list of notes. Without this script every link
// simply works as a link.
(function () {
  "use strict";
  var dataBlock = document.getElementById("lemma-previews");
  var block = {};
  try { block = dataBlock ? JSON.parse(dataBlock.textContent) : {}; } catch (e) { block = {}; }
  var data = block.lemmas || {}, labels = block.labels || {};
  var OPEN_DELAY = 350, CLOSE_DELAY = 300;
  var popup = document.createElement("div");
  popup.id = "lemma-preview";
  popup.className = "preview";
  popup.setAttribute("role", "tooltip");
  popup.hidden = true;
  document.body.appendChild(popup);
  var trigger = null, openTimer = 0, closeTimer = 0, lastPointer = "mouse";

  function triggerOf(node) {
    var a = node && node.closest ? node.closest("a[href]") : null;
    if (!a || popup.contains(a)) { return null; }
    if (a.classList.contains("footnote-ref") && a.closest(".lemma-body")) { return a; }
    if (a.closest(".lemma-body, .related") && data[a.getAttribute("href")]) { return a; }
    return null;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }
  function fill(a) {
    popup.textContent = "";
    var href = a.getAttribute("href");
    if (a.classList.contains("footnote-ref")) {
      var note = document.getElementById(decodeURIComponent(href.slice(1)));
      if (!note) { return false; }
      popup.appendChild(el("p", "preview-kind", (labels.note || "Noot") + " " + a.textContent.trim()));
      var body = el("div", "preview-note");
      Array.prototype.forEach.call(note.children, function (child) { body.appendChild(child.cloneNode(true)); });
      body.querySelectorAll(".footnote-backref").forEach(function (b) { b.remove(); });
      body.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
      popup.appendChild(body);
      var all = el("a", "preview-go", labels.allNotes || "Alle noten");
      all.href = "#noten";
      popup.appendChild(all);
    } else {
      var item = data[href];
      var tag = el("span", "cluster-tag cluster-" + item.clusterSlug, item.cluster);
      var kind = el("p", "preview-kind");
      kind.appendChild(tag);
      popup.appendChild(kind);
      popup.appendChild(el("p", "preview-title", item.title));
      if (item.lead) { popup.appendChild(el("p", "preview-lead", item.lead)); }
      var go = el("a", "preview-go", labels.read || "Lees het lemma");
      go.href = href;
      popup.appendChild(go);
    }
    return true;
  }
  function place(a) {
    var rect = a.getBoundingClientRect();
    var width = Math.min(352, document.documentElement.clientWidth - 16);
    popup.style.width = width + "px";
    var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    popup.style.left = (left + window.scrollX) + "px";
    var below = rect.bottom + 8, height = popup.offsetHeight;
    var top = (below + height > window.innerHeight && rect.top - height - 8 > 0) ? rect.top - height - 8 : below;
    popup.style.top = (top + window.scrollY) + "px";
  }
  function open(a) {
    window.clearTimeout(openTimer); window.clearTimeout(closeTimer);
    if (trigger === a) { return; }
    close();
    if (!fill(a)) { return; }
    trigger = a;
    popup.hidden = false;
    place(a);
    a.setAttribute("aria-describedby", popup.id);
    a.setAttribute("aria-expanded", "true");
  }
  function close() {
    window.clearTimeout(openTimer); window.clearTimeout(closeTimer);
    if (!trigger) { return; }
    trigger.removeAttribute("aria-describedby");
    trigger.setAttribute("aria-expanded", "false");
    trigger = null;
    popup.hidden = true;
  }
  function later(fn, delay) { window.clearTimeout(openTimer); window.clearTimeout(closeTimer); return window.setTimeout(fn, delay); }

  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType || "mouse"; }, true);
  // Touch (and pen): first tap previews, a tap on the same link again follows it.
  document.addEventListener("click", function (event) {
    var a = triggerOf(event.target);
    if (a) {
      if (lastPointer !== "mouse" && trigger !== a) { event.preventDefault(); open(a); }
      return;
    }
    if (trigger && !popup.contains(event.target)) { close(); }
  });
  document.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse") { return; }
    var a = triggerOf(event.target);
    if (a) { openTimer = later(function () { open(a); }, trigger ? 0 : OPEN_DELAY); }
    else if (popup.contains(event.target)) { window.clearTimeout(closeTimer); }
  });
  document.addEventListener("pointerout", function (event) {
    if (event.pointerType !== "mouse" || !trigger && !openTimer) { return; }
    var to = event.relatedTarget;
    if (to && (popup.contains(to) || (trigger && trigger.contains(to)))) { return; }
    if (triggerOf(event.target) || popup.contains(event.target)) { closeTimer = later(close, CLOSE_DELAY); }
  });
  document.addEventListener("focusin", function (event) {
    var a = triggerOf(event.target);
    if (a && a.matches(":focus-visible")) { openTimer = later(function () { open(a); }, 150); }
    else if (trigger && !popup.contains(event.target) && event.target !== trigger) { close(); }
  });
  document.addEventListener("focusout", function (event) {
    if (trigger && event.target === trigger && !(event.relatedTarget && popup.contains(event.relatedTarget))) {
      closeTimer = later(close, 100);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && trigger) {
      var back = popup.contains(document.activeElement) ? trigger : null;
      close();
      if (back) { back.focus(); }
    }
  });
  window.addEventListener("resize", close);
})();
