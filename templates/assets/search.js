// planbook handbook search: substring matching over window.PLANBOOK_SEARCH, written by
// `planbook build` into search-index.js. No network, works from file://. Chinese has no
// spaces between words, so every query term is matched as a substring; Latin text is
// compared lower-cased.
(function () {
  "use strict";
  var input = document.getElementById("pb-search-input");
  var list = document.getElementById("pb-search-results");
  var status = document.getElementById("pb-search-status");
  if (!input || !list || !status) return;
  var pages = (window.PLANBOOK_SEARCH || []).map(function (p) {
    return { page: p, title: p.title.toLowerCase(), text: p.text.toLowerCase() };
  });

  function terms(query) {
    return query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function score(entry, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var inTitle = entry.title.indexOf(words[i]) >= 0;
      var inText = entry.text.indexOf(words[i]) >= 0;
      if (!inTitle && !inText) return 0;
      total += (inTitle ? 10 : 0) + (inText ? 1 : 0);
    }
    return total;
  }

  // The text around the first match, with every term highlighted.
  function snippet(entry, words) {
    var text = entry.page.text;
    var at = entry.text.indexOf(words[0]);
    if (at < 0) at = 0;
    var start = Math.max(0, at - 40);
    var end = Math.min(text.length, at + words[0].length + 80);
    var piece = (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
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

  function run() {
    var words = terms(input.value);
    while (list.firstChild) list.removeChild(list.firstChild);
    if (words.length === 0) { status.textContent = ""; return; }
    var hits = [];
    for (var i = 0; i < pages.length; i++) {
      var s = score(pages[i], words);
      if (s > 0) hits.push({ entry: pages[i], score: s });
    }
    hits.sort(function (a, b) { return b.score - a.score; });
    status.textContent = found(hits.length);
    hits.slice(0, 100).forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.entry.page.url;
      a.textContent = hit.entry.page.title;
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = hit.entry.page.kind;
      li.appendChild(kind);
      var p = document.createElement("p");
      p.appendChild(snippet(hit.entry, words));
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  var header = document.getElementById("pb-q");
  if (header) header.value = input.value;
  status.textContent = "";
  input.addEventListener("input", run);
  input.form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  run();
  input.focus();
})();
