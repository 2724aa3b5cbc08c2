// bulletin — the little script the site uses: sortable and filterable tables, printing chart
// data (search is theme/search.js). Every page reads fine without it.
(function () {
  "use strict";

  // ---- sortable tables: click a header; numbers sort by their data-sort value ----
  function cellValue(row, i) {
    var cell = row.cells[i];
    if (!cell) return "";
    var v = cell.getAttribute("data-sort");
    return v !== null ? v : cell.textContent.trim();
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, i) {
      th.setAttribute("aria-sort", "none");
      th.tabIndex = 0;
      function sort() {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, i), y = cellValue(b, i);
          var nx = parseFloat(x.replace(/,/g, "")), ny = parseFloat(y.replace(/,/g, ""));
          var c = !isNaN(nx) && !isNaN(ny) && /^[-\d.,]+%?$/.test(x) && /^[-\d.,]+%?$/.test(y) ? nx - ny : x.localeCompare(y, "zh-CN");
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });
  });

  // ---- filterable ledger: each select matches the text of the column it names ----
  var filters = document.querySelector(".filters");
  var filtered = document.querySelector(".filterable table");
  if (filters && filtered) {
    filters.hidden = false;
    var text = filters.querySelector("[data-filter-text]");
    var selects = Array.prototype.map.call(filters.querySelectorAll("[data-filter-column]"), function (s) {
      var name = s.getAttribute("data-filter-column");
      var col = Array.prototype.findIndex.call(filtered.tHead.rows[0].cells, function (th) { return th.textContent.trim() === name; });
      return { select: s, col: col, prefix: s.hasAttribute("data-filter-prefix") };
    });
    var count = filters.querySelector("[data-filter-count]");
    function apply() {
      var q = text.value.trim().toLowerCase();
      var shown = 0;
      Array.prototype.forEach.call(filtered.tBodies[0].rows, function (row) {
        var ok = !q || row.textContent.toLowerCase().indexOf(q) >= 0;
        selects.forEach(function (f) {
          var want = f.select.value;
          var cell = row.cells[f.col];
          var have = cell ? cell.textContent.trim() : "";
          if (want && (f.prefix ? have.indexOf(want) !== 0 : have !== want)) ok = false;
        });
        row.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = "显示 " + shown + " 个项目";
    }
    text.addEventListener("input", apply);
    selects.forEach(function (f) { f.select.addEventListener("change", apply); });
    apply();
  }

  // ---- printing: open chart data tables, offer a print button on bulletins ----
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.chart-data").forEach(function (d) {
      if (!d.open) { d.open = true; d.setAttribute("data-opened-for-print", ""); }
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-opened-for-print]").forEach(function (d) {
      d.open = false;
      d.removeAttribute("data-opened-for-print");
    });
  });
  document.querySelectorAll(".print-button").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
})();
