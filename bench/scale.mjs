// Side-by-side scale benchmark (issue 4): Citeline, vis-timeline 8.5.4 and TimelineJS3 3.9.11 on the
// very same synthetic TimelineJS3 JSON file (bench/gen-data.mjs), in Debian's Chromium driven by
// playwright-core. For each library x size x run: a fresh browser and context (cache cold), then
// time to first event painted, JS heap, wasm memory, DOM elements, p50/p95 frame times during 60
// wheel-zoom steps and 60 drag-pan steps, and bytes fetched (raw and gzip -9). Medians over runs are
// printed and written, with Citeline/peer ratios, to bench/RESULTS.md. See bench/README.md.
//
// Usage: node bench/scale.mjs [--runs 3] [--cap-runs 10000:2,100000:1] [--sizes 100,1000,10000,100000]
//          [--libs citeline,vis,timelinejs] [--dist DIR] [--timeout-ms 120000] [--phase-ms 30000]
//          [--out bench/RESULTS.md] [--no-skip] [--screenshots DIR] [--verbose]

import { createServer } from 'node:http';
import { readFile, writeFile, mkdtemp, mkdir, rm, stat } from 'node:fs/promises';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join, extname, normalize, dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { generate } from './gen-data.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

// ---------- options ----------
function parseArgs(argv) {
  const o = {
    runs: 3, capRuns: [[10000, 2], [100000, 1]], phaseMs: 30000, sizes: [100, 1000, 10000, 100000],
    libs: ['citeline', 'vis', 'timelinejs'], dist: join(root, 'dist'), timeoutMs: 120000,
    out: join(here, 'RESULTS.md'), verbose: false, skipAfterFail: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [k, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const val = () => inline ?? argv[++i];
    switch (k) {
      case '--runs': o.runs = Number(val()); break;
      case '--cap-runs': o.capRuns = val().split(',').filter(Boolean).map((p) => p.split(':').map(Number)); break;
      case '--phase-ms': o.phaseMs = Number(val()); break;
      case '--sizes': o.sizes = val().split(',').map(Number); break;
      case '--libs': o.libs = val().split(','); break;
      case '--dist': o.dist = resolve(val()); break;
      case '--timeout-ms': o.timeoutMs = Number(val()); break;
      case '--out': o.out = resolve(val()); o.outGiven = true; break;
      case '--verbose': o.verbose = true; break;
      case '--screenshots': o.screenshots = resolve(val()); break;
      case '--no-skip': o.skipAfterFail = false; break;
      case '-h': case '--help':
        console.log('node bench/scale.mjs [--runs 3] [--cap-runs 10000:2,100000:1] [--sizes 100,1000,10000,100000]\n' +
          '  [--libs citeline,vis,timelinejs] [--dist DIR] [--timeout-ms 120000] [--phase-ms 30000]\n' +
          '  [--out bench/RESULTS.md] [--no-skip] [--verbose]\n' +
          '  [--screenshots DIR]   (a PNG of each page after load, for checking what was measured)');
        process.exit(0);
      default: throw new Error(`unknown option ${a}`);
    }
  }
  for (const l of o.libs) if (!LIBS[l]) throw new Error(`unknown library ${l} (citeline, vis, timelinejs)`);
  if (o.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes: positive integers');
  // bench/RESULTS.md is the side-by-side of every size and library: a run of fewer rewrites it only when asked to.
  const full = ['citeline', 'vis', 'timelinejs'].every((l) => o.libs.includes(l)) && [100, 1000, 10000, 100000].every((n) => o.sizes.includes(n));
  if (!o.outGiven && !full) o.out = null;
  return o;
}

// ---------- the libraries ----------
// `first`: the selector of an element that shows an event; `area`: the element wheeled and dragged;
// `view`: an in-page expression describing the visible range, to check that zoom and pan did something.
const LIBS = {
  citeline: {
    name: 'Citeline',
    url: (base, data) => `${base}citeline/index.html?src=${encodeURIComponent(data)}`,
    first: '[data-event-id], [data-cluster]',
    // Shown while a long download is drawn as it comes: the whole file is drawn once it is gone.
    reading: '.reading-status',
    item: '[data-event-id], [data-cluster]',
    area: '.plot',
    view: `document.querySelector('.range')?.textContent ?? ''`,
    zoom: 'wheel',
  },
  vis: {
    name: 'vis-timeline 8.5.4',
    short: 'vis',
    url: (base, data) => `${base}peers/vis.html?src=${encodeURIComponent(data)}`,
    first: '.vis-item',
    item: '.vis-item',
    area: '.vis-panel.vis-center',
    view: `(() => { const w = window.__timeline?.getWindow(); return w ? w.start.toISOString() + '/' + w.end.toISOString() : ''; })()`,
    zoom: 'wheel',
  },
  timelinejs: {
    name: 'TimelineJS3 3.9.11',
    short: 'TimelineJS3',
    url: (base, data) => `${base}peers/timelinejs.html?src=${encodeURIComponent(data)}`,
    first: '.tl-timemarker-content-container',
    item: '.tl-timemarker',
    area: '.tl-timenav',
    view: `document.querySelector('.tl-timenav-slider')?.style.cssText ?? ''`,
    // TimelineJS3 ignores vertical wheel events (a horizontal wheel pans its timenav); it zooms with
    // its menu-bar buttons, so its zoom steps are clicks on those.
    zoom: 'buttons',
    zoomIn: '.tl-menubar-button[aria-label="Zoom in"]',
    zoomOut: '.tl-menubar-button[aria-label="Zoom out"]',
  },
};

// ---------- the static server ----------
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.eot': 'application/vnd.ms-fontobject', '.png': 'image/png',
};

/** Serves the mounts on 127.0.0.1; every 200 response is logged (path, raw and gzip -9 bytes) into `log`. */
async function serveMounts(mounts) {
  const cache = new Map(); // file -> { body, gz }
  const server = { log: [] };
  // The file and its gzip -9 size. Gzipping 45 MB takes seconds and blocks the server: the data
  // files are loaded before any run (server.warm), so no page waits for it.
  const load = async (file) => {
    let entry = cache.get(file);
    if (!entry) {
      entry = { body: await readFile(file), gz: undefined };
      cache.set(file, entry);
    }
    entry.gz ??= gzipSync(entry.body, { level: 9 }).length;
    return entry;
  };
  server.warm = (mount, name) => load(join(mounts[mount], name));
  const http = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (path === '/favicon.ico') { // Chromium asks every page without an icon link; not the library's doing
      res.writeHead(204);
      res.end();
      return;
    }
    const mount = Object.keys(mounts).find((m) => path.startsWith(m));
    let file = mount && join(mounts[mount], path.slice(mount.length));
    if (file && !file.startsWith(mounts[mount])) file = undefined;
    if (file && path.endsWith('/')) file = join(file, 'index.html');
    try {
      if (!file) throw new Error('no mount');
      const entry = await load(file);
      server.log.push({ path, raw: entry.body.length, gz: entry.gz, data: path.startsWith('/data/') });
      // With its length, as a static host sends a file (without it Node sends it chunked).
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': entry.body.length, 'cache-control': 'no-store' });
      res.end(entry.body);
    } catch {
      server.log.push({ path, status: 404 });
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((r) => http.listen(0, '127.0.0.1', r));
  server.url = `http://127.0.0.1:${http.address().port}/`;
  server.close = () => new Promise((r) => { http.close(r); http.closeAllConnections(); });
  return server;
}

// ---------- in-page instrumentation (runs before any page script) ----------
function instrument({ firstSelector, readingSelector }) {
  const b = (window.__bench = { painted: undefined, complete: undefined, lastMutation: performance.now(), frames: null, wasm: [] });
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth
      && getComputedStyle(el).visibility !== 'hidden';
  };
  let found = false;
  let completing = false;
  // The element is in a frame about to be painted; a task queued from the next rAF runs after that paint.
  const afterPaint = (inFrame, set) => {
    const after = () => setTimeout(set, 0);
    if (inFrame) after(); else requestAnimationFrame(after);
  };
  // Everything drawn: an event is, and no part of the data is still being read.
  const checkComplete = (inFrame) => {
    if (completing || (readingSelector && document.querySelector(readingSelector))) return;
    completing = true;
    afterPaint(inFrame, () => { b.complete = performance.now(); });
  };
  const mark = (inFrame) => {
    found = true;
    afterPaint(inFrame, () => { b.painted = performance.now(); });
    checkComplete(inFrame);
  };
  const observer = new MutationObserver(() => {
    b.lastMutation = performance.now();
    if (!found) {
      const el = document.querySelector(firstSelector);
      if (el && visible(el)) mark(false);
    } else {
      checkComplete(false);
    }
  });
  // Off while frames are recorded, so that its own cost is not in them.
  b.observe = (on) => {
    if (on) observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    else observer.disconnect();
    b.lastMutation = performance.now();
  };
  b.observe(true);
  // Also poll once a frame: an element may become visible without a mutation (a stylesheet, layout).
  const poll = () => {
    if (found) return;
    const all = document.querySelectorAll(firstSelector);
    for (let i = 0; i < all.length && i < 500; i++) if (visible(all[i])) { mark(true); return; }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  // Frame recorder: timestamps of every animation frame while `frames` is an array.
  const tick = (t) => { if (b.frames) b.frames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  // WebAssembly memories (Citeline's data lives in wasm linear memory, outside the JS heap).
  const keep = (result) => {
    const inst = result?.instance ?? result;
    try { for (const v of Object.values(inst?.exports ?? {})) if (v instanceof WebAssembly.Memory) b.wasm.push(v); } catch {}
    return result;
  };
  for (const fn of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[fn];
    if (orig) WebAssembly[fn] = function (...args) { return orig.apply(this, args).then(keep); };
  }
}

// ---------- helpers ----------
/** " (commit abc1234)" of the git work tree that holds the build, if any. */
function buildCommit(dist) {
  try {
    const head = execFileSync('git', ['-C', dirname(dist), 'log', '-1', '--format=%h %s'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return head ? `, from the work tree at commit ${head.split(' ')[0]} ("${head.slice(head.indexOf(' ') + 1).slice(0, 80)}")` : '';
  } catch {
    return '';
  }
}

/** --runs, capped by the largest --cap-runs size at or below n. */
const runsFor = (n, opts) => opts.capRuns.filter(([size]) => n >= size).reduce((r, [, cap]) => Math.min(r, cap), opts.runs);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const pct = (xs, p) => {
  const v = [...xs].sort((a, b) => a - b);
  if (!v.length) return undefined;
  return v[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)];
};
class Timeout extends Error {}
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Timeout(what)), ms); }),
  ]);
}

const LAUNCH_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // Nothing leaves the machine: every host but 127.0.0.1 fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

// ---------- one measurement ----------
async function measure(lib, dataUrl, server, opts) {
  const spec = LIBS[lib];
  const r = { errors: [], external: [] };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
  let closing = false;
  browser.on('disconnected', () => { if (!closing) r.disconnected = true; });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error' && r.errors.length < 10) r.errors.push(`console: ${m.text().slice(0, 300)}`); });
    page.on('pageerror', (e) => { if (r.errors.length < 10) r.errors.push(`pageerror: ${String(e).slice(0, 300)}`); });
    page.on('crash', () => r.errors.push('page crashed'));
    page.on('request', (q) => { if (!q.url().startsWith(server.url) && !q.url().startsWith('data:')) r.external.push(q.url()); });
    await page.addInitScript(instrument, { firstSelector: spec.first, readingSelector: spec.reading });
    const cdp = await context.newCDPSession(page);
    server.log = [];
    const url = spec.url(server.url, dataUrl);
    // One budget of --timeout-ms until the first paint, then another for everything after it; each
    // interaction phase also stops after --phase-ms (steps not done by then are left out and reported).
    let deadline = Date.now() + opts.timeoutMs;
    const left = () => Math.max(1, deadline - Date.now());

    // 1. Navigation -> first event painted.
    await withTimeout(page.goto(url, { waitUntil: 'commit', timeout: opts.timeoutMs }), left(), 'navigation');
    try {
      await withTimeout(page.waitForFunction(() => window.__bench?.painted !== undefined || window.__benchError,
        null, { timeout: left(), polling: 100 }), left() + 1000, 'first paint');
    } catch (e) {
      r.status = `did not paint within ${Math.round(opts.timeoutMs / 1000)} s`;
      r.detail = String(e.message ?? e).split('\n')[0];
      Object.assign(r, sumBytes(server.log));
      return r;
    }
    const state = await page.evaluate(() => ({ painted: window.__bench.painted, error: window.__benchError }));
    if (state.painted === undefined) {
      r.status = `failed: ${state.error}`;
      return r;
    }
    r.firstPaintMs = state.painted;
    deadline = Date.now() + opts.timeoutMs;

    // 2. After load: wait for the load event, 500 ms without DOM mutations and no running CSS animation
    //    (at most 15 s).
    const settleStart = Date.now();
    try {
      await withTimeout(page.waitForLoadState('load'), Math.min(left(), 15000), 'load');
      await settle(page, Math.min(left(), 15000));
    } catch (e) {
      r.notes = [`did not settle: ${String(e.message ?? e).split('\n')[0]}`];
    }
    r.settleMs = Date.now() - settleStart;
    r.completeMs = await page.evaluate(() => window.__bench.complete).catch(() => undefined);
    // Where the time to the first event and to the whole file went: the data file's and the wasm's
    // download (resource timing) and the page's own performance marks (Citeline's: start, first
    // chunk, partial drawn, downloaded, read, indexed).
    r.phases = await page.evaluate(() => {
      const out = {};
      for (const e of performance.getEntriesByType('resource')) {
        const kind = e.name.includes('/data/') ? 'data' : e.name.endsWith('.wasm') ? 'wasm' : undefined;
        if (kind && out[`${kind} requested`] === undefined) {
          out[`${kind} requested`] = e.startTime;
          out[`${kind} downloaded`] = e.responseEnd;
        }
      }
      for (const m of performance.getEntriesByType('mark')) out[m.name.replace(/^citeline:/, '')] ??= m.startTime;
      return out;
    }).catch(() => undefined);
    r.domElements = await withTimeout(page.evaluate(() => document.getElementsByTagName('*').length), left(), 'count');
    await withTimeout(cdp.send('HeapProfiler.collectGarbage'), left(), 'gc');
    await cdp.send('Performance.enable');
    const metrics = Object.fromEntries((await withTimeout(cdp.send('Performance.getMetrics'), left(), 'metrics')).metrics.map((m) => [m.name, m.value]));
    r.jsHeapBytes = metrics.JSHeapUsedSize;
    r.wasmBytes = await page.evaluate(() => window.__bench.wasm.reduce((s, m) => s + m.buffer.byteLength, 0));
    if (opts.screenshots) {
      await mkdir(opts.screenshots, { recursive: true });
      await page.screenshot({ path: join(opts.screenshots, `${lib}-${opts.tag}.png`), timeout: left() }).catch(() => {});
    }

    // 3. 60 zoom steps, then 60 drag-pan steps, recording animation frame intervals.
    const area = await page.$(spec.area);
    const box = area && await area.boundingBox();
    if (!box || box.width < 10 || box.height < 10) {
      r.notes = [...(r.notes ?? []), `no interaction area ${spec.area}`];
    } else {
      const cx = box.x + box.width / 2;
      const cy = box.y + Math.min(box.height / 2, 200);
      try {
        await page.mouse.move(cx, cy);
        const buttons = spec.zoom === 'buttons' && await Promise.all([spec.zoomIn, spec.zoomOut].map(async (sel) => {
          const b = await (await page.$(sel))?.boundingBox();
          if (!b) throw new Error(`no zoom button ${sel}`);
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }));
        r.zoom = await phase(page, spec, opts.phaseMs, opts.timeoutMs, async (i) => {
          const zoomIn = Math.floor(i / 5) % 2 === 0; // 5 in, 5 out, six times
          if (!buttons) await page.mouse.wheel(0, zoomIn ? -100 : 100);
          else await page.mouse.click(buttons[zoomIn ? 0 : 1].x, buttons[zoomIn ? 0 : 1].y);
        });
        if (r.zoom.unresponsive) throw new Error(`page still busy ${Math.round(opts.timeoutMs / 1000)} s after ${r.zoom.steps} zoom steps; no pan measured`);
        // Let zoom animations end (TimelineJS3 animates for a second and ignores drags meanwhile).
        await settle(page, Math.min(left(), 10000)).catch(() => {});
        // Drag from the background, not from an event (TimelineJS3 does not pan when a drag starts on one).
        const x0 = box.x + box.width * 0.75;
        const py = await page.evaluate(({ area, item, x, y0, top, bottom }) => {
          const el = document.querySelector(area);
          for (let d = 0; d <= Math.max(y0 - top, bottom - y0); d += 6) {
            for (const y of [y0 + d, y0 - d]) {
              if (y < top || y > bottom) continue;
              const hit = document.elementFromPoint(x, y);
              if (hit && el.contains(hit) && !hit.closest(item)) return y;
            }
          }
          return y0;
        }, { area: spec.area, item: spec.item, x: x0, y0: cy, top: Math.max(box.y + 2, 0), bottom: Math.min(box.y + box.height - 2, 798) });
        await page.mouse.move(x0, py);
        await page.mouse.down();
        r.pan = await phase(page, spec, opts.phaseMs, opts.timeoutMs, async (i) => { await page.mouse.move(x0 - 8 * (i + 1), py); });
        await withTimeout(page.mouse.up(), 30000, 'mouse up');
      } catch (e) {
        r.notes = [...(r.notes ?? []), `interaction stopped: ${String(e.message ?? e).split('\n')[0]}`];
      }
      for (const [name, ph] of [['zoom', r.zoom], ['pan', r.pan]]) {
        if (ph && ph.steps < 60) r.notes = [...(r.notes ?? []), `${name}: ${ph.steps} of 60 steps within ${Math.round(opts.phaseMs / 1000)} s`];
      }
    }
    await sleep(200);
    Object.assign(r, sumBytes(server.log));
    r.status = 'ok';
    return r;
  } catch (e) {
    r.status = e instanceof Timeout ? `timed out (${e.message})` : `error: ${String(e.message ?? e).split('\n')[0]}`;
    return r;
  } finally {
    closing = true;
    await withTimeout(browser.close(), 30000, 'close').catch(() => {});
    if (r.disconnected && r.status !== 'ok') r.status = `browser disconnected (crashed or ended from outside): ${r.status}`;
  }
}

/** Waits until the DOM has not changed for 500 ms and no CSS animation or transition runs. */
function settle(page, ms) {
  return withTimeout(page.waitForFunction(() => performance.now() - window.__bench.lastMutation > 500
    && !document.getAnimations().some((a) => a.playState === 'running'), null, { timeout: ms, polling: 100 }), ms + 1000, 'settle');
}

/**
 * 60 input steps about 20 ms apart (each waits for Chromium to take the input), recording the
 * intervals between animation frames from the first step until 150 ms after the last. Steps not
 * done within `budgetMs` are left out (`steps` says how many were done).
 */
async function phase(page, spec, budgetMs, waitMs, step) {
  const view = () => withTimeout(page.evaluate(spec.view), waitMs, 'view');
  const before = await view();
  await withTimeout(page.evaluate(() => { window.__bench.observe(false); window.__bench.frames = []; }), 60000, 'frames on');
  const t0 = Date.now();
  const end = t0 + budgetMs;
  let mid;
  let steps = 0;
  for (let i = 0; i < 60 && Date.now() < end; i++) {
    try {
      await withTimeout(step(i), Math.max(1, end - Date.now()), 'step');
    } catch (e) {
      if (e instanceof Timeout) break;
      throw e;
    }
    steps++;
    await sleep(20);
    if (i === 4) { await sleep(100); mid = await view(); } // the zoom steps come back to where they began
  }
  const wallMs = Date.now() - t0;
  await sleep(150);
  // A page still busy with the inputs answers late; it gets another budget.
  let frames;
  try {
    frames = await withTimeout(page.evaluate(() => { const f = window.__bench.frames; window.__bench.frames = null; window.__bench.observe(true); return f; }), waitMs, 'frames off');
  } catch (e) {
    if (!(e instanceof Timeout)) throw e;
    return { steps, wallMs, unresponsive: true, viewChanged: true };
  }
  const after = await view();
  const deltas = frames.slice(1).map((t, i) => t - frames[i]);
  // Late: an interval of 1.5 vsyncs or more at 60 Hz, i.e. at least one frame missed.
  const late = deltas.length ? (100 * deltas.filter((d) => d >= 25).length) / deltas.length : undefined;
  return { p50: pct(deltas, 50), p95: pct(deltas, 95), late, frames: deltas.length, steps, wallMs, viewChanged: before !== mid || before !== after, views: [before, mid, after] };
}

function sumBytes(log) {
  const s = { assetsRaw: 0, assetsGz: 0, dataRaw: 0, dataGz: 0, files: [] };
  for (const e of log) {
    if (e.status) continue;
    if (e.data) { s.dataRaw += e.raw; s.dataGz += e.gz; } else { s.assetsRaw += e.raw; s.assetsGz += e.gz; }
    s.files.push(e.path);
  }
  return s;
}

// ---------- reporting ----------
const ROWS = [
  ['first event painted (ms)', (r) => r.firstPaintMs, 0],
  ['whole file drawn (ms)', (r) => r.completeMs, 0],
  ['… data downloaded at (ms)', (r) => r.phases?.['data downloaded'], 0, 'no ratio'],
  ['… wasm downloaded at (ms)', (r) => r.phases?.['wasm downloaded'], 0, 'no ratio'],
  ['… data read at (ms)', (r) => r.phases?.['data-read'], 0, 'no ratio'],
  ['… indexed at (ms)', (r) => r.phases?.indexed, 0, 'no ratio'],
  ['JS heap used (MB)', (r) => r.jsHeapBytes / 1e6, 1],
  ['wasm memory (MB)', (r) => r.wasmBytes / 1e6, 1],
  ['JS heap + wasm (MB)', (r) => (r.jsHeapBytes + r.wasmBytes) / 1e6, 1],
  ['DOM elements', (r) => r.domElements, 0],
  ['zoom frame p50 (ms)', (r) => r.zoom?.p50, 1],
  ['zoom frame p95 (ms)', (r) => r.zoom?.p95, 1],
  ['zoom frames late (%)', (r) => r.zoom?.late, 1],
  ['pan frame p50 (ms)', (r) => r.pan?.p50, 1],
  ['pan frame p95 (ms)', (r) => r.pan?.p95, 1],
  ['pan frames late (%)', (r) => r.pan?.late, 1],
  ['zoom: wall ms per step', (r) => (r.zoom?.steps ? r.zoom.wallMs / r.zoom.steps : undefined), 0],
  ['zoom: steps done (of 60)', (r) => (r.zoom ? r.zoom.steps : undefined), 0, 'no ratio'],
  ['pan: wall ms per step', (r) => (r.pan?.steps ? r.pan.wallMs / r.pan.steps : undefined), 0],
  ['pan: steps done (of 60)', (r) => (r.pan ? r.pan.steps : undefined), 0, 'no ratio'],
  ['page assets raw (KB)', (r) => r.assetsRaw / 1000, 1],
  ['page assets gzip (KB)', (r) => r.assetsGz / 1000, 1],
  ['data raw (KB)', (r) => r.dataRaw / 1000, 1],
  ['data gzip (KB)', (r) => r.dataGz / 1000, 1],
  ['all transferred gzip (KB)', (r) => (r.assetsGz + r.dataGz) / 1000, 1],
];

function summarise(runs) {
  const ok = runs.filter((r) => r.status === 'ok');
  const cell = {};
  for (const [label, get] of ROWS) cell[label] = median(ok.map((r) => { try { return get(r); } catch { return undefined; } }));
  const statuses = [...new Set(runs.filter((r) => r.status !== 'ok').map((r) => r.status))];
  return { ok: ok.length, of: runs.length, cell, statuses, skipped: runs.skipped };
}

const fmt = (v, d) => (v === undefined || v === null || Number.isNaN(v) ? '–' : v.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d }));
const ratio = (a, b) => (a === undefined || b === undefined || !b ? '–' : (a / b).toFixed(2));

function sizeTable(n, libs, results) {
  const sums = Object.fromEntries(libs.map((l) => [l, results[n]?.[l] ? summarise(results[n][l]) : undefined]));
  const peers = libs.filter((l) => l !== 'citeline');
  const hasCiteline = libs.includes('citeline');
  const head = ['metric (median)', ...libs.map((l) => LIBS[l].name), ...(hasCiteline ? peers.map((p) => `Citeline / ${LIBS[p].short}`) : [])];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`];
  const statusCell = (l) => {
    const s = sums[l];
    if (!s) return 'not run';
    if (s.skipped) return s.skipped;
    return `${s.ok}/${s.of} ok${s.statuses.length ? `; ${s.statuses.join('; ')}` : ''}`;
  };
  lines.push(`| runs | ${libs.map(statusCell).join(' | ')} |${hasCiteline ? peers.map(() => ' |').join('') : ''}`);
  for (const [label, , d, noRatio] of ROWS) {
    const vals = libs.map((l) => sums[l]?.cell?.[label]);
    const c = sums.citeline?.cell?.[label];
    lines.push(`| ${label} | ${vals.map((v) => fmt(v, d)).join(' | ')} |${hasCiteline ? peers.map((p) => ` ${noRatio ? '' : ratio(c, sums[p]?.cell?.[label])} |`).join('') : ''}`);
  }
  return lines.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const command = `node bench/scale.mjs ${process.argv.slice(2).join(' ')}`.trim();
  if (opts.libs.includes('citeline')) {
    const index = join(opts.dist, 'index.html');
    if (!(await stat(index).catch(() => null))) throw new Error(`no Citeline build at ${index} (trunk build --release, or --dist DIR)`);
  }
  const tmp = await mkdtemp(join(tmpdir(), 'citeline-bench-'));
  const started = new Date();
  const results = {};
  const dataInfo = {};
  let server;
  try {
    for (const n of opts.sizes) {
      const body = Buffer.from(JSON.stringify(generate(n)));
      await writeFile(join(tmp, `events-${n}.json`), body);
      dataInfo[n] = { raw: body.length };
    }
    server = await serveMounts({
      '/citeline/': opts.dist,
      '/peers/': join(here, 'peers'),
      '/lib/vis-timeline/': join(root, 'node_modules', 'vis-timeline'),
      '/lib/timelinejs/': join(root, 'node_modules', '@knight-lab', 'timelinejs'),
      '/data/': tmp,
    });
    for (const n of opts.sizes) await server.warm('/data/', `events-${n}.json`);
    const failedAt = {};
    for (const n of opts.sizes) {
      results[n] = {};
      const runs = runsFor(n, opts);
      for (const lib of opts.libs) {
        if (opts.skipAfterFail && failedAt[lib] !== undefined && failedAt[lib] < n) {
          results[n][lib] = Object.assign([], { skipped: `not run: no paint at N = ${failedAt[lib].toLocaleString('en-GB')}` });
          console.error(`${LIBS[lib].name} N=${n}: skipped (no paint at N=${failedAt[lib]})`);
          continue;
        }
        results[n][lib] = [];
        for (let i = 0; i < runs; i++) {
          const t = Date.now();
          let r = await measure(lib, `${server.url}data/events-${n}.json`, server, { ...opts, tag: `${n}-run${i + 1}` });
          if (r.disconnected && r.status !== 'ok') { // not the library's doing: once more
            console.error(`${LIBS[lib].name} N=${n} run ${i + 1}/${runs}: ${r.status}; run again`);
            r = await measure(lib, `${server.url}data/events-${n}.json`, server, { ...opts, tag: `${n}-run${i + 1}` });
          }
          results[n][lib].push(r);
          console.error(`${LIBS[lib].name} N=${n} run ${i + 1}/${runs}: ${r.status}` +
            (r.firstPaintMs !== undefined ? `, first paint ${r.firstPaintMs.toFixed(0)} ms` : '') +
            (r.completeMs !== undefined ? `, whole file drawn ${r.completeMs.toFixed(0)} ms` : '') +
            [['zoom', r.zoom], ['pan', r.pan]].map(([name, ph]) => (!ph ? '' : ph.unresponsive ? `, ${name}: unresponsive after ${ph.steps} steps`
              : `, ${name} p50/p95 ${ph.p50?.toFixed(1)}/${ph.p95?.toFixed(1)} ms, ${ph.steps} steps in ${ph.wallMs} ms${ph.viewChanged ? '' : ' (view unchanged!)'}`)).join('') +
            `, ${((Date.now() - t) / 1000).toFixed(1)} s` +
            (r.phases && Object.keys(r.phases).length ? ` [${Object.entries(r.phases).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}]` : '') + (opts.verbose && r.settleMs !== undefined ? ` (settle ${r.settleMs} ms)` : '') +
            (r.errors.length ? `; errors: ${r.errors.slice(0, 2).join(' / ')}` : '') +
            (r.notes ? `; ${r.notes.join('; ')}` : ''));
          if (opts.verbose) console.error(`  files: ${r.files?.join(' ')}  external: ${r.external.join(' ')}`);
          if (r.status !== 'ok' && r.firstPaintMs === undefined && i === 0) break; // no paint: do not repeat
        }
        if (!results[n][lib].some((r) => r.status === 'ok')) failedAt[lib] = n;
      }
    }
  } finally {
    await server?.close();
    await rm(tmp, { recursive: true, force: true });
  }

  const tables = [];
  for (const n of opts.sizes) {
    const table = sizeTable(n, opts.libs, results);
    tables.push(`### N = ${n.toLocaleString('en-GB')} events (data file ${(dataInfo[n].raw / 1e6).toFixed(2)} MB)\n\n${table}`);
  }
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  console.log(`\n${tables.join('\n\n')}\n`);

  const chromiumVersion = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: LAUNCH_ARGS })
    .then(async (b) => { const v = b.version(); await b.close(); return v; }).catch(() => 'unknown');
  const odd = [];
  for (const n of opts.sizes) for (const lib of opts.libs) {
    const runs = results[n][lib];
    const errs = [...new Set(runs.flatMap((r) => r.errors ?? []))];
    const notes = [...new Set(runs.flatMap((r) => r.notes ?? []))];
    const ext = [...new Set(runs.flatMap((r) => r.external ?? []))];
    const unchanged = runs.filter((r) => r.zoom && !r.zoom.viewChanged).length + runs.filter((r) => r.pan && !r.pan.viewChanged).length;
    if (errs.length) odd.push(`- ${LIBS[lib].name}, N = ${n}: page errors: ${errs.slice(0, 3).map((e) => `\`${e.replace(/`/g, "'")}\``).join('; ')}`);
    if (notes.length) odd.push(`- ${LIBS[lib].name}, N = ${n}: ${notes.join('; ')}`);
    if (ext.length) odd.push(`- ${LIBS[lib].name}, N = ${n}: requests off the machine (blocked): ${ext.slice(0, 3).join(', ')}`);
    if (unchanged) odd.push(`- ${LIBS[lib].name}, N = ${n}: ${unchanged} zoom/pan phase(s) left the visible range unchanged`);
  }
  const raw = {};
  for (const n of opts.sizes) for (const lib of opts.libs) {
    raw[`${lib} ${n}`] = results[n][lib].map(({ files, errors, external, ...r }) => ({ ...r, files }));
  }
  const md = `# Scale benchmark: Citeline vs vis-timeline 8.5.4 vs TimelineJS3 3.9.11

This file is rewritten by \`bench/scale.mjs\` (see [README.md](README.md) for what each number means).

- Command: \`${command}\`
- Date: ${started.toISOString().replace(/\.\d+Z$/, 'Z')} (took ${minutes} min)
- Machine: ${cpus().length} cores (${cpus()[0]?.model?.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Chromium ${chromiumVersion} headless (--headless=new, --disable-gpu), 1280×800, served from 127.0.0.1 with no throttling
- Citeline build: \`${opts.dist.startsWith(root) ? relative(root, opts.dist) : opts.dist}\`${buildCommit(opts.dist)}
- Runs per case: ${opts.sizes.map((n) => `${runsFor(n, opts)} at N = ${n.toLocaleString('en-GB')}`).join(', ')}; each in a fresh browser and context (cache cold); medians of the runs that finished. Up to ${Math.round(opts.timeoutMs / 1000)} s to the first paint; each interaction phase stops after ${Math.round(opts.phaseMs / 1000)} s (its frame figures then cover the steps done).
- Ratios are Citeline / peer: below 1 means Citeline is smaller or faster.

${tables.join('\n\n')}

## Notes from this run

${odd.length ? odd.join('\n') : '- nothing odd recorded'}

<details><summary>Per-run figures (JSON)</summary>

\`\`\`json
${JSON.stringify(raw, (k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 10) / 10 : v), 1)}
\`\`\`

</details>
`;
  if (!opts.out) {
    console.log(`a run of fewer sizes or libraries than the side-by-side: bench/RESULTS.md left as it was (--out FILE writes this run's) (${minutes} min)`);
    return;
  }
  await writeFile(opts.out, md);
  console.log(`wrote ${relative(process.cwd(), opts.out)} (${minutes} min)`);
}

await main();
