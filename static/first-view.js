// Runs before the first paint (a classic script in <head>, so it may block rendering for a moment:
// it is tiny and cached). The page's HTML holds the seed's static view; a page that will show
// something else (another timeline with ?src=, the embedded layout with ?embed=, another window with
// ?start= or ?end=) shows the loading skeleton instead (styles/main.css, html.citeline-dynamic), so
// it never flashes the wrong timeline. A ?src= timeline starts downloading now, while the wasm
// arrives; the app picks the request up (src/app.rs, early_request).
(function () {
  'use strict';
  var query = new URLSearchParams(location.search);
  var src = (query.get('src') || '').trim();
  var embed = query.has('embed') && /^(1|true|yes|)$/.test((query.get('embed') || '').trim());
  if (src || embed || query.has('start') || query.has('end')) document.documentElement.classList.add('citeline-dynamic');
  if (src) window.citelineEarlySrc = { url: src, response: fetch(src).catch(function (error) { return error; }) };
})();
