// Prints the release seed page's transfer size (raw and gzip, per file, for what the page requests
// while it starts, and what it does not) and the time from navigation to the first event painted,
// median of several runs in Debian's Chromium.
// Usage (after `trunk build --release --offline`): node bench/seed-page.mjs [runs]
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, basename } from 'node:path';
import { serve, launch, dist } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 7);

const server = await serve();
const browser = await launch();
const times = [];
// Files the page asked for in its first run, until its first event was painted.
const requested = new Set();
try {
  for (let i = 0; i < runs; i++) {
    const page = await browser.context.newPage();
    if (i === 0) page.on('request', (r) => requested.add(basename(new URL(r.url()).pathname) || 'index.html'));
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

const totals = { start: [0, 0], later: [0, 0] };
console.log('file                                      raw bytes   gzip -9 bytes   loaded');
for (const f of (await readdir(dist)).filter((f) => !f.startsWith('.')).sort()) {
  const body = await readFile(join(dist, f));
  const z = gzipSync(body, { level: 9 }).length;
  const when = requested.has(f) ? 'start' : 'later';
  totals[when][0] += body.length;
  totals[when][1] += z;
  const note = when === 'start' ? 'at start' : 'not at start (worker, embed helper, API module)';
  console.log(`${f.padEnd(40)} ${String(body.length).padStart(10)} ${String(z).padStart(15)}   ${note}`);
}
console.log(`${'what the page loads to start'.padEnd(40)} ${String(totals.start[0]).padStart(10)} ${String(totals.start[1]).padStart(15)}`);
console.log(`${'on demand (Add documents, embedding)'.padEnd(40)} ${String(totals.later[0]).padStart(10)} ${String(totals.later[1]).padStart(15)}`);
console.log(`start-up gzip total ${(totals.start[1] / 1024).toFixed(1)} KiB; the issue quotes TimelineJS3 self-hosted ≈ 90 KB and vis-timeline ≈ 159 KB gzipped (not measured in this run)`);
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`first event painted after navigation: median ${median.toFixed(0)} ms over ${runs} runs (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)}); 127.0.0.1, no throttling, cache cold per page`);
