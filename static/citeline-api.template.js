// Citeline's JS API (written into the build by scripts/boot-external.mjs).
//
//   import { mount } from 'https://example.org/citeline/citeline-api.js';
//   const timeline = await mount(document.getElementById('here'), data, { event: 'launch' });
//   timeline.on('select', ({ id, date, title }) => console.log(id));
//   timeline.select('launch'); timeline.setView('2017', '2018-06'); timeline.setData(other);
//   timeline.destroy();
//
// data: null for the built-in example, or a timeline (Citeline's JSON or TimelineJS3's) as a string
// or an object. Importing this module also defines <citeline-timeline src="..."></citeline-timeline>.
import init, { mount as wasmMount } from './__BINDINGS__';

let ready;
function load() {
  if (!ready) {
    if (!document.querySelector('link[data-citeline-css]')) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL('./__CSS__', import.meta.url).href;
      link.dataset.citelineCss = '';
      document.head.append(link);
    }
    ready = init({ module_or_path: new URL('./__WASM__', import.meta.url) });
  }
  return ready;
}

export async function mount(element, data = null, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('mount: the first argument must be an element');
  await load();
  return wasmMount(element, data, options);
}

class CiteLineTimeline extends HTMLElement {
  async connectedCallback() {
    const src = this.getAttribute('src');
    let data = null;
    if (src) {
      try {
        const response = await fetch(src);
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        data = await response.text();
      } catch (e) {
        this.textContent = `This timeline could not be loaded from ${src}: ${e.message}.`;
        return;
      }
    }
    if (!this.isConnected) return;
    const options = { event: this.getAttribute('event') ?? undefined, start: this.getAttribute('start') ?? undefined, end: this.getAttribute('end') ?? undefined };
    this.handle = await mount(this, data, options);
    this.handle.on('select', (detail) => this.dispatchEvent(new CustomEvent('citeline:select', { bubbles: true, detail })));
  }

  disconnectedCallback() {
    this.handle?.destroy();
    this.handle = undefined;
  }
}

if (!customElements.get('citeline-timeline')) customElements.define('citeline-timeline', CiteLineTimeline);
