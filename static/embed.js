/* Citeline embed helper for host pages (no framework, no build step).
 *
 *   <iframe data-citeline src="https://example.org/citeline/?embed=1" title="Timeline" style="width:100%;border:0"></iframe>
 *   <script src="https://example.org/citeline/embed.js" async></script>
 *
 * - Resizes every iframe marked data-citeline to its content height (messages are versioned and only
 *   accepted from that iframe's own window and origin; anything else is ignored).
 * - Re-dispatches selections as a `citeline:select` CustomEvent on the iframe (it bubbles), with
 *   detail {id, date, title}.
 * - window.Citeline.select(iframe, id) and window.Citeline.view(iframe, start, end) send commands.
 * Without this script the iframe still works at the height you give it.
 */
(function () {
  'use strict';
  if (window.Citeline && window.Citeline.version) return;
  var VERSION = 1;

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-citeline]'));
  }
  function originOf(frame) {
    try { return new URL(frame.src, location.href).origin; } catch (e) { return null; }
  }
  // A frame sandboxed without allow-same-origin has an opaque origin, which posts as "null".
  function opaque(frame) {
    return frame.hasAttribute('sandbox') && !(frame.sandbox && frame.sandbox.contains('allow-same-origin'));
  }
  function frameFor(event) {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var f = list[i];
      if (f.contentWindow !== event.source) continue;
      if (event.origin === originOf(f) || (opaque(f) && event.origin === 'null')) return f;
    }
    return null;
  }
  function parse(data) {
    if (typeof data !== 'string') return null;
    try { var m = JSON.parse(data); } catch (e) { return null; }
    return m && typeof m === 'object' && m.version === VERSION && typeof m.type === 'string' ? m : null;
  }

  window.addEventListener('message', function (event) {
    var frame = frameFor(event);
    if (!frame) return;
    var m = parse(event.data);
    if (!m) return;
    if (m.type === 'citeline:height' && typeof m.height === 'number' && m.height > 0 && m.height < 20000) {
      frame.style.height = Math.ceil(m.height) + 'px';
    } else if (m.type === 'citeline:select' && typeof m.id === 'string') {
      frame.dispatchEvent(new CustomEvent('citeline:select', {
        bubbles: true,
        detail: { id: m.id, date: String(m.date || ''), title: String(m.title || '') },
      }));
    }
  });

  function send(frame, message) {
    var origin = originOf(frame);
    if (!frame || !frame.contentWindow || !origin) return;
    message.version = VERSION;
    frame.contentWindow.postMessage(JSON.stringify(message), opaque(frame) ? '*' : origin);
  }

  window.Citeline = {
    version: VERSION,
    select: function (frame, id) { send(frame, { type: 'citeline:select', id: String(id) }); },
    view: function (frame, start, end) { send(frame, { type: 'citeline:view', start: String(start), end: String(end) }); },
  };
})();
