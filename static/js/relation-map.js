// Relation map: on hover or keyboard focus of a lemma, highlight its cross-references and
// neighbours. Progressive enhancement only: the map and its text list work without this file.
(function () {
  "use strict";
  function clear(svg) {
    svg.classList.remove("rm-active");
    svg.querySelectorAll(".rm-hl").forEach(function (el) { el.classList.remove("rm-hl"); });
  }
  function highlight(svg, node) {
    clear(svg);
    var slug = node.getAttribute("data-slug");
    if (!slug) { return; }
    svg.classList.add("rm-active");
    node.classList.add("rm-hl");
    svg.querySelectorAll(".rm-edge").forEach(function (edge) {
      var from = edge.getAttribute("data-from"), to = edge.getAttribute("data-to");
      if (from === slug || to === slug) {
        edge.classList.add("rm-hl");
        var other = svg.querySelector('.rm-node[data-slug="' + (from === slug ? to : from) + '"]');
        if (other) { other.classList.add("rm-hl"); }
      }
    });
  }
  function nodeOf(event) {
    return event.target.closest ? event.target.closest("a.rm-node") : null;
  }
  document.querySelectorAll(".relation-map-lexicon .rm-svg").forEach(function (svg) {
    // Delegated: focusin/focusout bubble (focus/blur do not), mouseover/mouseout likewise.
    svg.addEventListener("focusin", function (event) { var n = nodeOf(event); if (n) { highlight(svg, n); } });
    svg.addEventListener("focusout", function () { clear(svg); });
    svg.addEventListener("mouseover", function (event) { var n = nodeOf(event); if (n) { highlight(svg, n); } });
    svg.addEventListener("mouseleave", function () {
      if (!svg.contains(document.activeElement)) { clear(svg); }
    });
  });
})();
