// bulletin — search. Every entry of search-index.js is scored before the best are kept, so a
// unit's page is never crowded out by the hundred projects that mention it; each result says
// why it matched. Substring matching works for Chinese without word splitting. The ranking is
// a pure function (BulletinSearch.find), tested on its own; the rest wires it to the page.
(function (root) {
  "use strict";

  // Kinds in the order a reader looks for them when the match is equally good.
  var KINDS = ["单位", "小分队", "产业链", "领导", "简报", "页面", "项目"];
  var LIMIT = 20;

  function kindOrder(kind) {
    var i = KINDS.indexOf(kind);
    return i < 0 ? KINDS.length : i;
  }

  // How well `entry` matches the lower-cased query `q`: 0 the name is the query, 1 the name
  // starts with it, 2 the name holds it, 3 another field holds it, 4 the text holds it.
  // `why` is the field or the stretch of text that matched, with where the match starts.
  function match(entry, q) {
    var title = entry.t.toLowerCase();
    var at = title.indexOf(q);
    if (at >= 0) return { rank: title === q ? 0 : at === 0 ? 1 : 2, why: null };
    var fields = entry.x || [];
    for (var i = 0; i < fields.length; i++) {
      at = fields[i].toLowerCase().indexOf(q);
      if (at >= 0) return { rank: 3, why: { text: fields[i], at: at } };
    }
    if (entry.b) {
      at = entry.b.toLowerCase().indexOf(q);
      if (at >= 0) {
        var from = Math.max(0, at - 20);
        var to = Math.min(entry.b.length, at + q.length + 20);
        var lead = from > 0 ? "…" : "";
        var text = lead + entry.b.slice(from, to) + (to < entry.b.length ? "…" : "");
        return { rank: 4, why: { text: text, at: at - from + lead.length } };
      }
    }
    return null;
  }

  // The best `limit` entries of `index` for `query`, best first: by how well they match, then
  // by kind, then the shorter name, then index order.
  function find(index, query, limit) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var m = match(index[i], q);
      if (m) hits.push({ entry: index[i], rank: m.rank, why: m.why, order: i, length: q.length });
    }
    hits.sort(function (a, b) {
      return a.rank - b.rank || kindOrder(a.entry.k) - kindOrder(b.entry.k) ||
        a.entry.t.length - b.entry.t.length || a.order - b.order;
    });
    return hits.slice(0, limit || LIMIT);
  }

  root.BulletinSearch = { find: find };

  // ---- the search box (skipped where there is no page, as in the tests) ----
  if (typeof document === "undefined") return;
  var form = document.querySelector("form.search");
  var index = root.BULLETIN_SEARCH;
  if (!form || !index) return;
  var input = form.querySelector("input");
  var list = form.querySelector(".search-results");
  var base = form.getAttribute("data-root") || "";
  input.disabled = false;

  function span(className, text) {
    var s = document.createElement("span");
    if (className) s.className = className;
    s.textContent = text;
    return s;
  }

  // The field or text that matched, with the match marked.
  function why(hit) {
    var w = hit.why;
    var small = span("why", "");
    small.appendChild(document.createTextNode(w.text.slice(0, w.at)));
    var mark = document.createElement("mark");
    mark.textContent = w.text.slice(w.at, w.at + hit.length);
    small.appendChild(mark);
    small.appendChild(document.createTextNode(w.text.slice(w.at + hit.length)));
    return small;
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  input.addEventListener("input", function () {
    list.innerHTML = "";
    var hits = find(index, input.value, LIMIT);
    if (!input.value.trim()) { list.hidden = true; return; }
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = base + hit.entry.u;
      a.appendChild(span("kind", hit.entry.k));
      a.appendChild(span("name", hit.entry.t));
      if (hit.why) a.appendChild(why(hit));
      li.appendChild(a);
      list.appendChild(li);
    });
    if (!hits.length) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = "没有找到";
      list.appendChild(none);
    }
    list.hidden = false;
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { list.hidden = true; input.value = ""; }
  });
  document.addEventListener("click", function (e) {
    if (!form.contains(e.target)) list.hidden = true;
  });
})(typeof window !== "undefined" ? window : globalThis);
