// "Link naar deze paragraaf" after each heading of a lemma's text: a lecturer copies the link to one
// section. The anchors themselves are the renderer's stable heading ids; this only shows them.
(function () {
  "use strict";
  var script = document.currentScript;
  var label = (script && script.dataset.label) || "Link naar deze paragraaf";
  var copied = (script && script.dataset.copied) || "Link gekopieerd";
  document.querySelectorAll(".lemma-body h2[id], .lemma-body h3[id]").forEach(function (heading) {
    if (heading.querySelector(".section-link")) return;
    var link = document.createElement("a");
    link.className = "section-link";
    link.href = "#" + heading.id;
    link.setAttribute("aria-label", label + ": " + heading.textContent.trim());
    var sign = document.createElement("span");
    sign.setAttribute("aria-hidden", "true");
    sign.textContent = "§ ";
    var text = document.createElement("span");
    text.className = "section-link-text";
    text.textContent = label;
    link.appendChild(sign);
    link.appendChild(text);
    link.addEventListener("click", function () {
      var url = location.origin + location.pathname + "#" + heading.id;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () {
          text.textContent = copied;
          setTimeout(function () { text.textContent = label; }, 2000);
        }, function () {});
      }
    });
    heading.appendChild(link);
  });
})();
