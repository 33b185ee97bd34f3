// Served only by `planbook serve`: polls the build version and reloads the page when a
// rebuild has finished.
(function () {
  "use strict";
  var url = "/__planbook/version";
  var current = null;
  function poll() {
    fetch(url, { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (current !== null && v !== current) { window.location.reload(); return; }
        current = v;
        setTimeout(poll, 700);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  poll();
})();
