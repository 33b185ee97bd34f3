// planbook handbook search. `planbook build` writes search-index.js, the manifest the page
// loads (window.PLANBOOK_SEARCH: the kinds, the units, posts, regions and periods as
// dictionaries of {id, name}, and the chunk files), and search/<n>.js, the records, each file
// calling PLANBOOK_SEARCH_CHUNK(n, records). A record is
// [kind, title, url, unit, post, region, period, ids, text] (dictionary numbers, -1 for none;
// the url 0 for a person's page, people/<ids>.html; ids and text may be left out).
// The chunks are loaded as <script> elements (so search works from file://, where fetch is
// refused) as soon as this script runs; they are async, so the page paints without waiting
// for them, and a query typed before they arrive runs when the last one has (see
// src/render/search.rs).
//
// Matching: every query term must occur in the title, the unit, post, region or period name
// (or be the start of one of their ids or of the record's ids), or the text; substrings, so
// Chinese, written without spaces, needs no segmenting. Text is lower-cased once, as its chunk
// arrives. Ranking: the title equal to the query, then starting with it, then containing
// every term, then terms found in the unit, post, region, period or ids, then in the text;
// ties keep the handbook's order.
(function () {
  "use strict";
  var input = document.getElementById("pb-search-input");
  var list = document.getElementById("pb-search-results");
  var status = document.getElementById("pb-search-status");
  var more = document.getElementById("pb-search-more");
  if (!input || !list || !status) return;
  var PAGE = 50;
  var index = window.PLANBOOK_SEARCH || {};
  var files = index.chunks || [];
  var chunks = new Array(files.length);
  var pending = files.length;
  var started = false;
  var records = null;
  var shown = [];
  var fields = ["units", "posts", "regions", "periods"];
  var dicts = fields.map(function (key) {
    return (index[key] || []).map(function (n) {
      return { id: String(n.id).toLowerCase(), name: String(n.name).toLowerCase(), raw: n.name };
    });
  });

  window.PLANBOOK_SEARCH_CHUNK = function (n, rows) {
    if (chunks[n] !== undefined) return;
    chunks[n] = rows.map(function (r) {
      return {
        kind: index.kinds[r[0]] || "",
        title: r[1], url: r[2] === 0 ? "people/" + r[7] + ".html" : r[2], refs: [r[3], r[4], r[5], r[6]],
        lowTitle: String(r[1]).toLowerCase(),
        ids: r[7] ? " " + String(r[7]).toLowerCase() : "",
        rawIds: r[7] ? String(r[7]) : "",
        text: r[8] || "",
        lowText: (r[8] || "").toLowerCase()
      };
    });
    arrived();
  };

  function arrived() {
    pending -= 1;
    if (pending > 0) return;
    records = [];
    chunks.forEach(function (c) { if (c) records = records.concat(c); });
    run();
  }

  function load() {
    if (started) return;
    started = true;
    if (files.length === 0) { records = []; return; }
    files.forEach(function (src, n) {
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = function () { script.remove(); };
      script.onerror = function () {
        script.remove();
        if (chunks[n] === undefined) { chunks[n] = null; arrived(); }
      };
      document.head.appendChild(script);
    });
  }

  function terms(query) {
    return query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  // For each term, which entries of each dictionary it finds (by name, or an id's start).
  function dictionaryHits(words) {
    return words.map(function (w) {
      return dicts.map(function (dict) {
        return dict.map(function (n) { return n.name.indexOf(w) >= 0 || n.id.indexOf(w) === 0; });
      });
    });
  }

  // The rank of a record for the query (0 best), or -1 when a term is missing.
  function rank(rec, query, words, hits) {
    var worst = 2;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (rec.lowTitle.indexOf(w) >= 0) continue;
      var found = rec.ids.indexOf(" " + w) >= 0;
      for (var f = 0; !found && f < 4; f++) {
        var at = rec.refs[f];
        found = at >= 0 && hits[i][f][at] === true;
      }
      if (found) { if (worst < 3) worst = 3; continue; }
      if (rec.lowText.indexOf(w) >= 0) { worst = 4; continue; }
      return -1;
    }
    if (worst === 2 && rec.lowTitle === query) return 0;
    if (worst === 2 && rec.lowTitle.indexOf(query) === 0) return 1;
    return worst;
  }

  // The text around the first match, with every term highlighted.
  function snippet(rec, words) {
    var at = -1, len = 0;
    for (var i = 0; i < words.length && at < 0; i++) {
      at = rec.lowText.indexOf(words[i]);
      len = words[i].length;
    }
    if (at < 0) return null;
    var start = Math.max(0, at - 40);
    var end = Math.min(rec.text.length, at + len + 80);
    var piece = (start > 0 ? "…" : "") + rec.text.slice(start, end) +
      (end < rec.text.length ? "…" : "");
    return highlight(piece, words);
  }

  function highlight(text, words) {
    var fragment = document.createDocumentFragment();
    var lower = text.toLowerCase();
    var i = 0;
    while (i < text.length) {
      var best = -1, len = 0;
      for (var w = 0; w < words.length; w++) {
        var at = lower.indexOf(words[w], i);
        if (at >= 0 && (best < 0 || at < best)) { best = at; len = words[w].length; }
      }
      if (best < 0) { fragment.appendChild(document.createTextNode(text.slice(i))); break; }
      if (best > i) fragment.appendChild(document.createTextNode(text.slice(i, best)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(best, best + len);
      fragment.appendChild(mark);
      i = best + len;
    }
    return fragment;
  }

  // The status in the page's language: the sentences come from the catalogue, as the search
  // page's data-none, data-found-one and data-found-other ("{count}" marks the number).
  function found(n) {
    if (n === 0) return status.getAttribute("data-none") || "0";
    var one = status.getAttribute("data-found-one");
    if (n === 1 && one) return one;
    var other = status.getAttribute("data-found-other") || "{count}";
    var lang = document.documentElement.getAttribute("lang") || undefined;
    return other.replace("{count}", n.toLocaleString(lang));
  }

  // One result: the title as a link and the kind, then what tells it apart (post, region,
  // unit, period), then the text around the match.
  function item(rec, words) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = rec.url;
    a.appendChild(highlight(rec.title, words));
    li.appendChild(a);
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = rec.kind;
    li.appendChild(kind);
    var parts = [1, 2, 0, 3].map(function (f) {
      var at = rec.refs[f];
      var n = at >= 0 ? dicts[f][at] : null;
      return n ? n.raw : "";
    }).filter(function (s) { return s && s !== rec.title; });
    // A person's id last: people of one name, post and place still differ by it.
    if (rec.rawIds) parts.push(rec.rawIds);
    if (parts.length > 0) {
      var meta = document.createElement("p");
      meta.className = "search-meta";
      meta.appendChild(highlight(parts.join(" · "), words));
      li.appendChild(meta);
    }
    var text = snippet(rec, words);
    if (text) {
      var p = document.createElement("p");
      p.appendChild(text);
      li.appendChild(p);
    }
    return li;
  }

  function showMore(words) {
    var from = list.children.length;
    var to = Math.min(shown.length, from + PAGE);
    var fragment = document.createDocumentFragment();
    for (var i = from; i < to; i++) fragment.appendChild(item(shown[i], words));
    list.appendChild(fragment);
    if (more) more.hidden = to >= shown.length;
  }

  var lastWords = [];
  function run() {
    var query = input.value.trim().toLowerCase().replace(/\s+/g, " ");
    var words = terms(query);
    lastWords = words;
    while (list.firstChild) list.removeChild(list.firstChild);
    list.removeAttribute("data-query");
    shown = [];
    if (more) more.hidden = true;
    if (words.length === 0) { status.textContent = ""; return; }
    load();
    if (records === null) {
      status.textContent = status.getAttribute("data-loading") || "…";
      return;
    }
    var hits = dictionaryHits(words);
    var ranked = [];
    for (var i = 0; i < records.length; i++) {
      var r = rank(records[i], query, words, hits);
      if (r >= 0) ranked.push({ rec: records[i], rank: r, at: i });
    }
    ranked.sort(function (a, b) { return a.rank - b.rank || a.at - b.at; });
    shown = ranked.map(function (h) { return h.rec; });
    status.textContent = found(shown.length);
    showMore(words);
    list.setAttribute("data-query", input.value);
    // When the results were shown, in ms since the page was opened (for the benchmark).
    list.setAttribute("data-at", String(Math.round(performance.now())));
  }

  // Keyboard: Down from the field goes to the first result, Up and Down move between
  // results, Up from the first and Escape go back to the field.
  function links() { return Array.prototype.slice.call(list.querySelectorAll("li > a")); }
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" && links().length > 0) { e.preventDefault(); links()[0].focus(); }
  });
  list.addEventListener("keydown", function (e) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (at < 0) return;
    if (e.key === "ArrowDown" && at + 1 < all.length) { e.preventDefault(); all[at + 1].focus(); }
    if (e.key === "ArrowUp") { e.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
    if (e.key === "Escape") { e.preventDefault(); input.focus(); }
  });
  if (more) more.addEventListener("click", function () { showMore(lastWords); });

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  var header = document.getElementById("pb-q");
  if (header) header.value = input.value;
  status.textContent = "";
  input.focus();
  input.addEventListener("input", run);
  input.form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  load();
  run();
})();
