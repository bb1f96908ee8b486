// A lemma page inside a route: repeat the route's previous/next step at the end of the text, where
// a student who has read it looks (the box at the top stays the one that works without JavaScript).
(function () {
  "use strict";
  var box = document.querySelector(".route-step");
  var links = box && box.querySelector(".route-step-links");
  if (!links) return;
  var nav = document.createElement("nav");
  nav.className = "route-step route-step-end no-print";
  nav.setAttribute("aria-label", box.dataset.endLabel || "Leesroute: vorige en volgende stap");
  var where = box.querySelector(".route-step-where");
  if (where) nav.appendChild(where.cloneNode(true));
  nav.appendChild(links.cloneNode(true));
  var article = document.querySelector("article.lemma");
  var anchor = document.querySelector(".prev-next") || (article && article.nextSibling);
  (anchor && anchor.parentNode ? anchor.parentNode : document.querySelector("main")).insertBefore(nav, anchor || null);
})();
