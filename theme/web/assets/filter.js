/* Filters of lists (directories by commune and text, syntheses by kind and theme).
   The form is hidden in the HTML and shown here: without JavaScript the full list stays.
   Markup: <form data-bp-filter hidden> with <select data-bp-attr="areas|kind|…"> and an
   optional <input type="search">, a [data-bp-count] status; items carry data-bp-item and
   data-<attr>; groups of items carry data-bp-group. */
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function matches(item, attr, value) {
    if (!value) { return true; }
    var have = (item.getAttribute("data-" + attr) || "").split(" ");
    return have[0] === "*" || have.indexOf(value) >= 0;
  }
  function setup(form) {
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-bp-attr]"));
    var input = form.querySelector("input[type=search]");
    var count = form.querySelector("[data-bp-count]");
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-bp-item]"));
    var groups = Array.prototype.slice.call(document.querySelectorAll("[data-bp-group]"));
    var texts = items.map(function (e) { return fold(e.textContent); });
    function apply() {
      var words = input ? fold(input.value).split(/\s+/).filter(Boolean) : [];
      var shown = 0;
      items.forEach(function (item, i) {
        var ok = selects.every(function (s) { return matches(item, s.getAttribute("data-bp-attr"), s.value); }) &&
          words.every(function (w) { return texts[i].indexOf(w) >= 0; });
        item.hidden = !ok;
        if (ok) { shown += 1; }
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("[data-bp-item]:not([hidden])");
      });
      count.textContent = shown === 0 ? count.getAttribute("data-none") :
        shown + " " + count.getAttribute(shown === 1 ? "data-one" : "data-many");
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (s) {
        if (s.value) { params.set(s.name, s.value); } else { params.delete(s.name); }
      });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
    var initial = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var value = initial.get(s.name);
      if (value && Array.prototype.some.call(s.options, function (o) { return o.value === value; })) { s.value = value; }
      s.addEventListener("change", apply);
    });
    if (input) { input.addEventListener("input", apply); }
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.hidden = false;
    apply();
  }
  function init() {
    var form = document.querySelector("[data-bp-filter]");
    if (form) { setup(form); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
