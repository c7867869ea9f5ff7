// Runs before the first paint (a classic script in <head>, so it may block rendering for a moment:
// it is tiny and cached). The page's HTML holds the seed's static view; a page that will show
// something else (another timeline with ?src=, the embedded layout with ?embed=, another window with
// ?start= or ?end=) shows the loading skeleton instead (styles/main.css, html.citeline-dynamic), so
// it never flashes the wrong timeline. A ?src= timeline starts downloading now, while the wasm
// arrives; the app picks the request up (src/app.rs, early_request). And the app waits for
// window.citelineFirstPaint before it loads the wasm that replaces a static view that shows: the view is painted first,
// however fast the wasm comes (so the reader sees the page at once, and the browser counts that
// paint as the largest contentful one; an element replaced before its paint is presented is not).
// ?theme=light|dark is applied here too, before anything is drawn, exactly as the app reads it
// (crates/model/src/embed.rs): set later, every label would fade from the other theme's colours.
(function () {
  'use strict';
  var query = new URLSearchParams(location.search);
  var src = (query.get('src') || '').trim();
  var embed = query.has('embed') && /^(1|true|yes|)$/.test((query.get('embed') || '').trim());
  var dynamic = src || embed || query.has('start') || query.has('end');
  if (dynamic) document.documentElement.classList.add('citeline-dynamic');
  if (embed) document.documentElement.classList.add('citeline-embedded');
  var theme = query.get('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
  if (src) window.citelineEarlySrc = { url: src, response: fetch(src).catch(function (error) { return error; }) };
  // The person's own documents (src/storage.rs keeps them: database "citeline", store "workspace",
  // record "current"), read now so the app has them at its first render instead of adding them a
  // moment later. The result replaces the promise: { revision, json } or { error }.
  try {
    var opening = indexedDB.open('citeline', 1);
    window.citelineStoredWorkspace = new Promise(function (resolve) {
      var done = function (value) { window.citelineStoredWorkspace = value; resolve(value); };
      opening.onupgradeneeded = function () { opening.result.createObjectStore('workspace'); };
      opening.onerror = function () { done({ error: String(opening.error && opening.error.message || opening.error) }); };
      opening.onsuccess = function () {
        var db = opening.result;
        try {
          var get = db.transaction('workspace').objectStore('workspace').get('current');
          get.onsuccess = function () { db.close(); done(get.result || { revision: 0, json: null }); };
          get.onerror = function () { db.close(); done({ error: String(get.error && get.error.message || get.error) }); };
        } catch (e) {
          db.close();
          done({ error: String(e && e.message || e) });
        }
      };
    });
  } catch (e) {
    window.citelineStoredWorkspace = { error: String(e && e.message || e) };
  }
  window.citelineFirstPaint = new Promise(function (resolve) {
    // Nothing static to show, or a page in the background (it does not paint until shown).
    if (dynamic || document.visibilityState === 'hidden') return resolve();
    try {
      new PerformanceObserver(function (list) {
        if (list.getEntries().some(function (e) { return e.name === 'first-contentful-paint'; })) resolve();
      }).observe({ type: 'paint', buffered: true });
    } catch (e) {
      resolve(); // no paint timing in this browser: do not wait
    }
    setTimeout(resolve, 3000); // and never wait long
  });
})();
