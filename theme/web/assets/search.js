/* Search box of the header (theme/web/partials/search.html): the small part every page loads.
 * The dialog (search-dialog.js, search-dialog.css) and Pagefind load only when the search
 * is wanted: button hovered, focused or pressed, or "/" typed. */
(function () {
  "use strict";
  var box = document.querySelector("[data-bp-search]");
  var here = document.currentScript && document.currentScript.src;
  if (!box || !here || !window.HTMLDialogElement) return;
  var opener = box.querySelector(".bp-search__open");
  var ready = null;

  function add(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement(tag);
      for (var k in attrs) el[k] = attrs[k];
      el.onload = resolve;
      el.onerror = reject;
      document.head.appendChild(el);
    });
  }

  function load() {
    if (!ready) {
      ready = Promise.all([
        add("link", { rel: "stylesheet", href: new URL("search-dialog.css", here).href }),
        add("script", { src: new URL("search-dialog.js", here).href })
      ]).then(function () { return window.bpSearch; });
      ready.catch(function () { ready = null; });
    }
    return ready;
  }

  // The dialog opens at once, before its script has come: what is typed goes into the box
  // (not to the page, where Material's keys n and p would change page) and is searched
  // once the script is there.
  function open() {
    var dialog = box.querySelector("dialog");
    if (!dialog.open) {
      dialog.showModal();
      box.querySelector("input").focus();
    }
    load().then(function (search) { search.open(); }, function () {
      box.querySelector("[role=status]").textContent = box.getAttribute("data-error");
    });
  }

  box.hidden = false;
  opener.addEventListener("click", open);
  opener.addEventListener("pointerenter", load, { once: true });
  opener.addEventListener("focus", load, { once: true });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || box.querySelector("dialog").open) return;
    if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    open();
  });
})();
