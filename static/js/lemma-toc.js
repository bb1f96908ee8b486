// Lemma contents (templates/lexicon/lemma/_toc.html): open on a wide screen, the current section
// marked with aria-current in the contents and named on the "Inhoud" button, which appears once
// the contents are scrolled out of view. Progressive enhancement: without it the contents are a
// <details> a reader opens and the button is a plain link to them.
(function () {
  "use strict";
  var details = document.getElementById("inhoudsopgave");
  if (!details) { return; }
  var wide = window.matchMedia("(min-width: 64rem)");
  function fit() { if (wide.matches) { details.open = true; } }
  fit();
  if (wide.addEventListener) { wide.addEventListener("change", fit); }

  var jump = document.querySelector(".toc-jump");
  var current = jump && jump.querySelector(".toc-jump-current");
  var links = {};
  details.querySelectorAll("a[href^='#']").forEach(function (a) { links[a.getAttribute("href").slice(1)] = a; });
  var headings = Array.prototype.filter.call(
    document.querySelectorAll(".lemma-body h2[id]"), function (h) { return links[h.id]; });
  if (!("IntersectionObserver" in window)) { return; }
  document.documentElement.classList.add("js-toc");

  if (jump) {
    jump.addEventListener("click", function (event) {
      event.preventDefault();
      details.open = true;
      details.scrollIntoView({ block: "start" });
      var mark = details.querySelector("a[aria-current]") || details.querySelector("summary");
      mark.focus({ preventScroll: true });
    });
    // The button shows only while the contents themselves are out of view.
    new IntersectionObserver(function (entries) {
      jump.classList.toggle("is-shown", !entries[0].isIntersecting && entries[0].boundingClientRect.top < 0);
    }).observe(details);
  }

  function mark(id) {
    Object.keys(links).forEach(function (key) {
      if (key === id) { links[key].setAttribute("aria-current", "location"); } else { links[key].removeAttribute("aria-current"); }
    });
    if (current) { current.textContent = id && links[id] ? links[id].textContent : ""; }
  }
  // The current section is the last heading above the upper third of the screen.
  function update() {
    var line = window.innerHeight / 3, id = "";
    headings.forEach(function (h) { if (h.getBoundingClientRect().top <= line) { id = h.id; } });
    mark(id);
  }
  var observer = new IntersectionObserver(update, { rootMargin: "0px 0px -66% 0px", threshold: [0, 1] });
  headings.forEach(function (h) { observer.observe(h); });
  update();
})();
