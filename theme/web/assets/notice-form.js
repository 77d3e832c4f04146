/* The partners' form (publishing/plan/sections/notice_form.py). Without JavaScript it works as it is:
   every language's texts shown, the maximum length said under each long text. Here: a live count of
   the characters typed (textarea[data-bp-chars] and its "-count" paragraph, wording in data-live),
   and only the texts of the language(s) chosen (input[data-bp-langs]: fr, nl or both) shown, their
   fields required ([data-bp-required]). */
(function () {
  "use strict";
  function count(area) {
    var out = document.getElementById(area.id + "-count");
    if (!out || !out.getAttribute("data-live")) { return; }
    var wording = out.getAttribute("data-live");
    function update() {
      out.textContent = wording.replace("{count}", String(area.value.length))
        .replace("{max}", area.getAttribute("maxlength"));
    }
    area.addEventListener("input", update);
    update();
  }
  function languages(form) {
    var radios = Array.prototype.slice.call(form.querySelectorAll("input[data-bp-langs]"));
    var texts = Array.prototype.slice.call(form.querySelectorAll("[data-bp-text]"));
    function apply() {
      var chosen = radios.filter(function (r) { return r.checked; })[0];
      if (!chosen) { return; }
      texts.forEach(function (box) {
        var lang = box.getAttribute("data-bp-text");
        var shown = chosen.value === "both" || chosen.value === lang;
        box.hidden = !shown;
        box.querySelectorAll("[data-bp-required]").forEach(function (field) { field.required = shown; });
      });
    }
    radios.forEach(function (r) { r.addEventListener("change", apply); });
    apply();
  }
  document.querySelectorAll("textarea[data-bp-chars]").forEach(count);
  document.querySelectorAll("form.bp-form__form").forEach(languages);
}());
