/* Search results page: the filters (a <details> before the results) start folded on a phone, so
   the results come first on screen; on a wide screen they stand open beside the results.
   Without JavaScript they are folded everywhere and open with one tap. */
(function () {
  "use strict";
  var wide = window.matchMedia ? window.matchMedia("(min-width: 50rem)") : null;
  function apply() {
    if (!wide || !wide.matches) { return; }
    var panels = document.querySelectorAll("details[data-wide-open]");
    for (var i = 0; i < panels.length; i++) { panels[i].open = true; }
  }
  apply();
  if (wide && wide.addEventListener) { wide.addEventListener("change", apply); }
}());
