/* The search dialog (theme/web/partials/search.html), on Pagefind; loaded by search.js
 * when the search is first wanted, with search-dialog.css. Pagefind's script and this
 * language's index then load from this site itself. Keyboard: Escape closes, arrow keys
 * move between the input and the results, Enter opens the first result. */
(function () {
  "use strict";
  var box = document.querySelector("[data-bp-search]");
  if (!box || !window.HTMLDialogElement) return;
  var bundle = new URL(box.getAttribute("data-bp-search"), document.baseURI);
  var dialog = box.querySelector("dialog");
  var input = box.querySelector("input");
  var list = box.querySelector("ol");
  var status = box.querySelector("[role=status]");
  var opener = box.querySelector(".bp-search__open");
  var pagefind = null;
  var query = "";

  function text(name, vars) {
    return (box.getAttribute("data-" + name) || "").replace(/\{(\w+)\}/g, function (m, key) {
      return vars && key in vars ? vars[key] : m;
    });
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind.js", bundle).href).then(function (pf) {
        // result URLs are relative to this language's root: the folder holding pagefind/
        return Promise.resolve(pf.options({ baseUrl: new URL("../", bundle).pathname }))
          .then(function () { pf.init(); return pf; });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  function open() {
    if (dialog.open) return; // opened by search.js while this script was loading
    dialog.showModal();
    input.focus();
    input.select();
  }

  function close() { dialog.close(); }

  function item(data) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    var title = document.createElement("span");
    var excerpt = document.createElement("span");
    a.href = data.url;
    a.className = "bp-search__result";
    title.className = "bp-search__result-title";
    title.textContent = (data.meta && data.meta.title) || data.url;
    excerpt.className = "bp-search__excerpt";
    excerpt.innerHTML = data.excerpt; // Pagefind's excerpt: our own text, escaped, with <mark>
    a.appendChild(title);
    a.appendChild(excerpt);
    li.appendChild(a);
    return li;
  }

  function search() {
    var q = input.value.trim();
    query = q;
    if (!q) { list.replaceChildren(); status.textContent = ""; return; }
    status.textContent = text("loading");
    load().then(function (pf) {
      return pf.debouncedSearch(q, {}, 200);
    }).then(function (found) {
      if (found === null || q !== query) return null; // a later keystroke won
      return Promise.all(found.results.slice(0, 10).map(function (r) { return r.data(); }))
        .then(function (results) {
          if (q !== query) return;
          list.replaceChildren.apply(list, results.map(item));
          var n = found.results.length;
          status.textContent = n === 0 ? text("none", { query: q })
            : text(n === 1 ? "one" : "many", { count: n, query: q });
        });
    }).catch(function () { status.textContent = text("error"); });
  }

  function move(step) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    var next = at + step;
    if (next < 0 || !links.length) { input.focus(); return; }
    links[Math.min(next, links.length - 1)].focus();
  }

  box.querySelector(".bp-search__close").addEventListener("click", close);
  dialog.addEventListener("click", function (e) { if (e.target === dialog) close(); }); // backdrop
  dialog.addEventListener("close", function () { opener.focus(); });
  input.addEventListener("input", search);
  box.querySelector("form").addEventListener("submit", function (e) {
    e.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  dialog.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
  });
  load(); // the user is about to search: fetch Pagefind and this language's index now
  if (input.value.trim()) search(); // typed while this script was loading (search.js)
  window.bpSearch = { open: open };
})();
