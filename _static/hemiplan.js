/* hemiplan: tables that say when they scroll sideways, and sortable long tables.
   Loaded on every page (Jupyter Book adds the files of _static/). The long tables'
   library (DataTables as bundled by itables, copied into the site by the book's
   Sphinx extension) is imported by a small module script on the pages that have a
   sortable table; it then calls hemiplanSortable. The words it writes come from the
   page, in the page's language: the JSON block #hemiplan-strings that the book's Sphinx
   extension writes from the catalogs (English where a page has none). */
(function () {
  "use strict";

  var ENGLISH = {
    scrollHint: "Scroll the table sideways for more columns \u2192",
    search: "Filter rows:",
    zeroRecords: "No matching records found",
    emptyTable: "No data available in table"
  };
  var strings = null;

  function t(key) {
    if (strings === null) {
      strings = {};
      var block = document.getElementById("hemiplan-strings");
      if (block) {
        try { strings = JSON.parse(block.textContent) || {}; } catch (e) { strings = {}; }
      }
    }
    return strings[key] || ENGLISH[key];
  }

  function markScrolling() {
    document.querySelectorAll(".hemiplan-table-wrap").forEach(function (wrap) {
      var hint = wrap.previousElementSibling;
      if (!hint || !hint.classList.contains("hemiplan-scroll-hint")) {
        hint = document.createElement("p");
        hint.className = "hemiplan-scroll-hint";
        hint.setAttribute("aria-hidden", "true");
        hint.textContent = t("scrollHint");
        wrap.parentNode.insertBefore(hint, wrap);
      }
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      wrap.classList.toggle("hemiplan-scrolls", scrolls);
      hint.classList.toggle("hemiplan-shown", scrolls);
    });
  }

  window.hemiplanSortable = function (DataTable) {
    document.querySelectorAll("table.hemiplan-sortable:not(.dataTable)").forEach(function (table) {
      new DataTable(table, {
        paging: false, info: false, autoWidth: false, order: [],
        layout: { topStart: "search", topEnd: null, bottomStart: null, bottomEnd: null },
        language: { search: t("search"), zeroRecords: t("zeroRecords"), emptyTable: t("emptyTable") }
      });
    });
    markScrolling();
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markScrolling);
  } else {
    markScrolling();
  }
  window.addEventListener("resize", markScrolling);
  window.addEventListener("load", markScrolling);
})();

/* How to cite: without a configured base address, show the page's own address. */
(function () {
  "use strict";
  function absolute() {
    document.querySelectorAll("a.hemiplan-cite-url").forEach(function (a) {
      if (!/^https?:/.test(a.textContent)) a.textContent = a.href.split("#")[0];
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", absolute);
  else absolute();
})();
