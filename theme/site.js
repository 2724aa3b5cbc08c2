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
  // The bulletin's print option: the 附件 go with the print or not.
  document.querySelectorAll(".print-option").forEach(function (label) {
    var box = label.querySelector("input");
    label.hidden = false;
    box.addEventListener("change", function () { document.body.classList.toggle("print-annexes", box.checked); });
  });

  // ---- the printed bulletin's pages ----
  // While printing, the page is laid out on A4 pages (theme/style.css, @media print) stacked
  // one below the other, and a box's page is its top over the page's height; the browser has
  // counted the pages by then, so what is moved must stay within them. This print measures and
  // pads the 版记 down to the foot of its page when that page is even; what needs a page break
  // (a table whose first row would stand alone at a page foot, a last row alone at a page head,
  // a 版记 on an odd page) is planned here and applied when printing begins, on the next print:
  // `bulletin export --format pdf` and `build --pdf` print until nothing more is planned.
  var bulletin = document.querySelector(".bulletin");
  var plans = {};
  function planKey() { return document.body.classList.contains("print-annexes") ? "annexes" : "plain"; }
  function pageHeight() {
    // Two boxes, each at the top of a page of its own: the distance between them is a page.
    var a = document.createElement("div"), b = document.createElement("div");
    a.style.breakBefore = "page";
    b.style.breakBefore = "page";
    a.style.height = b.style.height = "1px";
    document.body.appendChild(a);
    document.body.appendChild(b);
    var h = b.getBoundingClientRect().top - a.getBoundingClientRect().top;
    a.remove();
    b.remove();
    return h;
  }
  function resetPrint() {
    bulletin.querySelectorAll(".print-break-before").forEach(function (e) { e.classList.remove("print-break-before"); });
    bulletin.querySelectorAll(".print-blank").forEach(function (e) { e.remove(); });
    var banji = bulletin.querySelector(".banji");
    if (banji) banji.style.paddingTop = "";
  }
  function applyPlan() {
    resetPrint();
    var plan = plans[planKey()];
    if (!plan) return;
    var tables = bulletin.querySelectorAll("table.data");
    plan.blocks.forEach(function (i) {
      var t = tables[i];
      if (t) (t.closest(".table-block") || t).classList.add("print-break-before");
    });
    plan.rows.forEach(function (ir) {
      var t = tables[ir[0]];
      if (t && t.tBodies[0] && t.tBodies[0].rows[ir[1]]) t.tBodies[0].rows[ir[1]].classList.add("print-break-before");
    });
    var banji = bulletin.querySelector(".banji");
    if (banji && plan.banji > 0) banji.classList.add("print-break-before");
    if (banji && plan.banji > 1) {
      var blank = document.createElement("div");
      blank.className = "print-blank print-break-before";
      blank.style.height = "1px";
      banji.parentNode.insertBefore(blank, banji);
    }
  }
  function measurePrint() {
    var h = pageHeight();
    if (!(h > 100)) return;
    var top = window.scrollY;
    var page = function (y) { return Math.floor((y + top + 0.5) / h); };
    var key = planKey();
    var plan = plans[key] || { blocks: [], rows: [], banji: 0 };
    var before = JSON.stringify(plan);
    bulletin.querySelectorAll("table.data").forEach(function (table, i) {
      if (!table.offsetParent || !table.tBodies[0]) return;
      var rows = table.tBodies[0].rows;
      if (rows.length < 3) return;
      if (page(rows[0].getBoundingClientRect().top) !== page(rows[1].getBoundingClientRect().top) && plan.blocks.indexOf(i) < 0) {
        plan.blocks.push(i);
      }
      var n = rows.length;
      if (page(rows[n - 1].getBoundingClientRect().top) !== page(rows[n - 2].getBoundingClientRect().top)
          && !plan.rows.some(function (ir) { return ir[0] === i; })) {
        plan.rows.push([i, n - 2]);
      }
    });
    var banji = bulletin.querySelector(".banji");
    if (banji) {
      var r = banji.getBoundingClientRect();
      var p = page(r.top);
      if ((p + 1) % 2 === 0) {
        // An even page: down to its foot (a few pixels short, so it never spills over).
        banji.style.paddingTop = Math.max(0, h - (r.bottom + top - p * h) - 6) + "px";
      } else if (plan.banji < 2) {
        plan.banji += 1;
      }
    }
    plans[key] = plan;
    window.bulletinPrintPlanChanged = JSON.stringify(plan) !== before;
  }
  if (bulletin && window.matchMedia) {
    window.addEventListener("beforeprint", applyPlan);
    var print = window.matchMedia("print");
    var onPrint = function (e) { if (e.matches) measurePrint(); };
    if (print.addEventListener) print.addEventListener("change", onPrint);
    else if (print.addListener) print.addListener(onPrint);
    window.addEventListener("afterprint", resetPrint);
  }
})();
