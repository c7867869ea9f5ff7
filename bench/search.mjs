// Search latency in the page (wasm, release build): loads N synthetic events (bench/gen-data.mjs,
// the file the scale benchmark gives every library) with ?src=, then types queries into the search
// box a key at a time and times each keystroke from the input event until the page has written its
// answer (the count, the timeline's matches marked, the result list drawn; painting follows in the
// next frame). The first
// keystroke also builds the index (once per data set); it is reported apart. No peer searches, so
// there is no ratio. Usage (after `trunk build --release --offline`): node bench/search.mjs [N]
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, newPage } from '../tests/e2e/harness.mjs';
import { generate } from './gen-data.mjs';

const n = Number(process.argv[2] ?? 100_000);
const dir = await mkdtemp(join(tmpdir(), 'citeline-search-'));
await writeFile(join(dir, 'events.json'), JSON.stringify(generate(n)));
const app = await serve();
const data = await serve(dir, { cors: true });
const browser = await launch();
try {
  const { page } = await newPage(browser.context);
  page.setDefaultTimeout(600_000);
  await page.goto(`${app.url}?src=${encodeURIComponent(`${data.url}events.json`)}`);
  await page.waitForSelector('#app .plot [data-event-id], #app .plot .cluster');
  await page.waitForSelector('.reading-status', { state: 'detached' });
  // One keystroke: set the box's text as typing does, then wait for the frame that shows it.
  // Answered when the page's DOM says which query its count is for (a MutationObserver sees it
  // as the page writes it: the search and the redraw of the timeline, count and list).
  const keystroke = (text) => page.evaluate((text) => new Promise((done) => {
    const input = document.querySelector('#search');
    const observer = new MutationObserver(() => {
      const shown = document.querySelector('.search-count');
      if (shown?.dataset.query !== text) return;
      observer.disconnect();
      const marks = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
      const search = marks('citeline-search-end') - marks('citeline-search-start');
      performance.clearMarks();
      done({ ms: performance.now() - t0, search, count: shown.textContent });
    });
    observer.observe(document.getElementById('app'), { subtree: true, attributes: true, childList: true, characterData: true });
    const t0 = performance.now();
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, data: text.slice(-1), inputType: 'insertText' }));
  }), text);
  // The reader clicks into the box: the index is built then, before the first key.
  await page.locator('#search').focus();
  await page.waitForFunction(() => performance.getEntriesByName('citeline-search-index-end').length > 0);
  const building = await page.evaluate(() => performance.getEntriesByName('citeline-search-index-end')[0].startTime -
    performance.getEntriesByName('citeline-search-index-start')[0].startTime);
  console.log(`search at ${n.toLocaleString('en')} events (Chromium, wasm release build)`);
  console.log(`index built as the box takes the focus (once per data set): ${building.toFixed(0)} ms`);
  const all = [];
  const allSearch = [];
  for (const query of ['bridge council', 'railway station', '"annual report"', 'harbour treaty signed', 'zebra']) {
    const times = [];
    const searching = [];
    let last = '';
    for (let end = 1; end <= query.length; end++) {
      const { ms, search, count } = await keystroke(query.slice(0, end));
      times.push(ms);
      if (Number.isFinite(search)) searching.push(search);
      last = count;
    }
    searching.sort((a, b) => a - b);
    allSearch.push(...searching);
    await keystroke('');
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`typing ${query.padEnd(24)} ${times.length} keystrokes: median ${sorted[sorted.length >> 1].toFixed(1)} ms, slowest ${sorted.at(-1).toFixed(1)} ms; "${last}"`);
    all.push(...times);
  }
  all.sort((a, b) => a - b);
  allSearch.sort((a, b) => a - b);
  console.log(`of which searching (the rest is drawing): median ${allSearch[allSearch.length >> 1].toFixed(1)} ms, p95 ${allSearch[Math.floor(allSearch.length * 0.95)].toFixed(1)} ms, slowest ${allSearch.at(-1).toFixed(1)} ms`);
  console.log(`every keystroke: median ${all[all.length >> 1].toFixed(1)} ms, p95 ${all[Math.floor(all.length * 0.95)].toFixed(1)} ms, slowest ${all.at(-1).toFixed(1)} ms (goal: under 50 ms)`);
} finally {
  await browser.close();
  await app.close();
  await data.close();
}
