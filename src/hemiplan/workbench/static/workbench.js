// The review workbench's keyboard and selection helpers. Saving works without this
// file (plain forms); it adds: j / k next and previous row, Ctrl+S or Ctrl+Enter save,
// a accept the current row, the selection of the paragraph as the new activity's
// quote, and a filter over long multi-selects (organisations).
(function () {
  "use strict";
  function rows() { return Array.prototype.slice.call(document.querySelectorAll(".wb-row")); }
  var current = -1;
  function show(i) {
    var all = rows();
    if (!all.length) { return; }
    i = Math.max(0, Math.min(i, all.length - 1));
    all.forEach(function (r) { r.classList.remove("wb-current"); });
    current = i;
    all[i].classList.add("wb-current");
    all[i].focus({ preventScroll: true });
    all[i].scrollIntoView({ block: "start" });
  }
  function go(rel) {
    var a = document.querySelector('a[rel="' + rel + '"]');
    if (a) { window.location.href = a.href; }
  }
  function typing(el) {
    return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
  }
  function rowOf(el) { return el && el.closest ? el.closest(".wb-row") : null; }
  function currentRow() {
    var r = rowOf(document.activeElement);
    if (r) { return r; }
    var all = rows();
    return current >= 0 ? all[current] : null;
  }
  document.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && (e.key === "s" || e.key === "Enter")) {
      var row = currentRow();
      var form = (document.activeElement && document.activeElement.form) || (row && row.querySelector("form.wb-save"));
      if (form) { e.preventDefault(); form.requestSubmit(form.querySelector("button[type=submit]")); }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || typing(document.activeElement)) { return; }
    var all = rows();
    var at = all.indexOf(currentRow());
    if (e.key === "j") {
      e.preventDefault();
      if (at + 1 < all.length) { show(at + 1); } else { go("next"); }
    } else if (e.key === "k") {
      e.preventDefault();
      if (at > 0) { show(at - 1); } else if (at === -1 && all.length) { show(0); } else { go("prev"); }
    } else if (e.key === "a") {
      var r = currentRow();
      var accept = r && r.querySelector("form.wb-accept");
      if (accept) { e.preventDefault(); accept.requestSubmit(); }
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var all = rows();
    var target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    var first = document.querySelector(".wb-invalid");
    if (first) {
      show(all.indexOf(rowOf(first)));
      var input = first.querySelector("input, select, textarea");
      if (input) { input.focus(); }
    } else if (target && all.indexOf(target) >= 0) { show(all.indexOf(target)); }
    else if (all.length) {
      var draft = all.filter(function (r) { return r.classList.contains("wb-draft"); })[0];
      show(all.indexOf(draft || all[0]));
      window.scrollTo(0, 0);
    }
    var text = document.getElementById("paragraph-text");
    var quote = document.getElementById("add-quote");
    if (text && quote) {
      document.addEventListener("selectionchange", function () {
        var sel = window.getSelection();
        if (sel && sel.rangeCount && !sel.isCollapsed && text.contains(sel.anchorNode) && text.contains(sel.focusNode)) {
          quote.value = sel.toString().trim();
        }
      });
    }
    Array.prototype.forEach.call(document.querySelectorAll("input.wb-filter"), function (box) {
      var select = document.getElementById(box.getAttribute("data-filter-for"));
      if (!select) { return; }
      box.hidden = false;
      box.addEventListener("input", function () {
        var q = box.value.toLowerCase();
        Array.prototype.forEach.call(select.options, function (o) {
          o.hidden = q !== "" && !o.selected && o.text.toLowerCase().indexOf(q) < 0;
        });
      });
    });
  });
}());
