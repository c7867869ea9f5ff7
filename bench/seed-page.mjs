// Prints the release seed page's transfer size (raw and gzip, per file and in all) and the time from
// navigation to the first event painted, median of several runs in Debian's Chromium.
// Usage (after `trunk build --release --offline`): node bench/seed-page.mjs [runs]
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, dist } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 7);

const files = (await readdir(dist)).filter((f) => !f.startsWith('.'));
let raw = 0;
let gz = 0;
console.log('file                                      raw bytes   gzip -9 bytes');
for (const f of files.sort()) {
  const body = await readFile(join(dist, f));
  const z = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += z;
  console.log(`${f.padEnd(40)} ${String(body.length).padStart(10)} ${String(z).padStart(15)}`);
}
console.log(`${'total (HTML + JS + wasm + CSS + icon; data is inside the wasm)'.padEnd(40)}\n${''.padEnd(40)} ${String(raw).padStart(10)} ${String(gz).padStart(15)}`);
console.log(`gzip total ${(gz / 1024).toFixed(1)} KiB; the issue quotes TimelineJS3 self-hosted ≈ 90 KB and vis-timeline ≈ 159 KB gzipped (not measured in this run)`);

const server = await serve();
const browser = await launch();
const times = [];
try {
  for (let i = 0; i < runs; i++) {
    const page = await browser.context.newPage();
    // Record when the first event element is in the DOM, then when the next frame is painted.
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('[data-event-id]')) {
          obs.disconnect();
          requestAnimationFrame(() => setTimeout(() => { window.__firstEventPainted = performance.now(); }, 0));
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.url}?run=${i}`);
    await page.waitForFunction(() => window.__firstEventPainted !== undefined);
    times.push(await page.evaluate(() => window.__firstEventPainted));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`first event painted after navigation: median ${median.toFixed(0)} ms over ${runs} runs (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)}); 127.0.0.1, no throttling, cache cold per page`);
