// Lighthouse 13 side by side: Citeline's seed page (the release build in dist/) and the vis-timeline
// 8.5.4 and TimelineJS3 3.9.11 host pages of bench/peers/ given the 100-event synthetic file of
// bench/gen-data.mjs (the scale benchmark's URL scheme), all from one throwaway gzip-serving static
// server on 127.0.0.1, audited in Debian's Chromium with Lighthouse's defaults (mobile, simulated
// throttling). Prints medians over the runs of the four category scores, the metrics and the bytes
// transferred, with Citeline / peer ratios, then, for Citeline, the bytes transferred before its first
// contentful paint and the gzip -9 size of its start-up wasm. A benchmark that prints figures, not a
// test: it writes nothing but what it prints (and --json FILE when asked). See bench/README.md.
//
// Usage: node bench/lighthouse.mjs [--runs 3] [--pages citeline,vis,timelinejs] [--dist DIR]
//          [--events 100] [--json FILE] [--verbose]
//
// The static server is local to this file rather than shared with bench/scale.mjs: scale.mjs runs its
// benchmark when imported and its server neither compresses nor serves from memory.

import { createServer } from 'node:http';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, extname, normalize, dirname, resolve, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { execFileSync } from 'node:child_process';
import { generate } from './gen-data.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // Nothing leaves the machine: every host but 127.0.0.1 fails to resolve (as in bench/scale.mjs).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

// ---------- options ----------
function parseArgs(argv) {
  const o = { runs: 3, pages: ['citeline', 'vis', 'timelinejs'], dist: join(root, 'dist'), events: 100, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [k, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const val = () => inline ?? argv[++i];
    switch (k) {
      case '--runs': o.runs = Number(val()); break;
      case '--pages': o.pages = val().split(',').filter(Boolean); break;
      case '--dist': o.dist = resolve(val()); break;
      case '--events': o.events = Number(val()); break;
      case '--json': o.json = resolve(val()); break;
      case '--verbose': o.verbose = true; break;
      case '-h': case '--help':
        console.log('node bench/lighthouse.mjs [--runs 3] [--pages citeline,vis,timelinejs] [--dist DIR] [--events 100]\n' +
          '  [--json FILE]   (the medians and every run\'s figures as JSON)\n' +
          '  [--verbose]     (each run\'s requests)\n' +
          'Pages: citeline (the seed page), citeline-data (Citeline given the synthetic file by ?src=), vis, timelinejs.\n' +
          'Chromium: $CHROME_PATH, default /usr/bin/chromium.');
        process.exit(0);
      default: throw new Error(`unknown option ${a} (--help lists them)`);
    }
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs: a positive integer');
  if (!Number.isInteger(o.events) || o.events < 1) throw new Error('--events: a positive integer');
  for (const p of o.pages) if (!PAGES[p]) throw new Error(`unknown page ${p} (${Object.keys(PAGES).join(', ')})`);
  if (!o.pages.length) throw new Error('--pages: at least one');
  return o;
}

// ---------- the pages (URL scheme of bench/scale.mjs) ----------
const PAGES = {
  citeline: { name: 'Citeline (seed page)', short: 'Citeline', citeline: true, url: (base) => `${base}citeline/` },
  'citeline-data': {
    name: 'Citeline (synthetic file)', short: 'Citeline+data', citeline: true,
    url: (base, data) => `${base}citeline/index.html?src=${encodeURIComponent(data)}`,
  },
  vis: { name: 'vis-timeline 8.5.4', short: 'vis', url: (base, data) => `${base}peers/vis.html?src=${encodeURIComponent(data)}` },
  timelinejs: {
    name: 'TimelineJS3 3.9.11', short: 'TimelineJS3',
    url: (base, data) => `${base}peers/timelinejs.html?src=${encodeURIComponent(data)}`,
  },
};

// ---------- preconditions: fail loudly ----------
async function exists(p) { return Boolean(await stat(p).catch(() => null)); }

async function checkInputs(opts) {
  const problems = [];
  const wantCiteline = opts.pages.some((p) => PAGES[p].citeline);
  let wasm;
  if (wantCiteline) {
    if (!(await exists(join(opts.dist, 'index.html')))) {
      problems.push(`no Citeline build at ${join(opts.dist, 'index.html')}: run \`trunk build --release --offline\` (or pass --dist DIR)`);
    } else {
      const found = (await readdir(opts.dist)).filter((f) => /^citeline-web-.*_bg\.wasm$/.test(f));
      if (found.length !== 1) problems.push(`expected one citeline-web-*_bg.wasm in ${opts.dist}, found ${found.length ? found.join(', ') : 'none'}: rebuild dist/`);
      else wasm = found[0];
    }
  }
  const need = [];
  if (opts.pages.includes('vis')) need.push(['vis-timeline', 'node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js']);
  if (opts.pages.includes('timelinejs')) need.push(['@knight-lab/timelinejs', 'node_modules/@knight-lab/timelinejs/dist/js/timeline.js']);
  for (const [pkg, file] of need) {
    if (!(await exists(join(root, file)))) problems.push(`the peer ${pkg} is missing (${file}): run \`npm ci\` in ${root}`);
  }
  if (!(await exists(CHROME_PATH))) problems.push(`no Chromium at ${CHROME_PATH} (apt-get install chromium, or set CHROME_PATH)`);
  let lighthouse, chromeLauncher;
  try {
    lighthouse = (await import('lighthouse')).default;
    chromeLauncher = await import('chrome-launcher');
  } catch (e) {
    problems.push(`cannot load lighthouse / chrome-launcher (${String(e.message ?? e).split('\n')[0]}): run \`npm ci\` in ${root}`);
  }
  if (problems.length) {
    console.error(`bench/lighthouse.mjs cannot run:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(2);
  }
  return { wasm, lighthouse, chromeLauncher };
}

// ---------- the static server: gzip as a real host would ----------
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.eot': 'application/vnd.ms-fontobject', '.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg']);

/** Every file under `dir`, read now (so a rebuild of dist/ during the run does not change what is served). */
async function snapshot(dir, prefix, into) {
  for (const ent of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    if (ent.isDirectory()) await snapshot(p, `${prefix}${ent.name}/`, into);
    else if (ent.isFile()) into.set(`${prefix}${ent.name}`, await readFile(p));
  }
}

/**
 * Serves `files` (URL path -> Buffer, fixed) and `mounts` (URL prefix -> directory, read when asked)
 * on 127.0.0.1. Compressible types go gzip -9 with Content-Encoding when the request accepts gzip.
 * /favicon.ico is answered 204, as in bench/scale.mjs (Chromium asks it of every page).
 */
async function serve(files, mounts) {
  const cache = new Map(); // path -> { body, gz }
  const log = [];
  const http = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).split(sep).join('/');
    if (path === '/favicon.ico') { res.writeHead(204); res.end(); return; }
    const key = path.endsWith('/') ? `${path}index.html` : path;
    try {
      let entry = cache.get(key);
      if (!entry) {
        let body = files.get(key);
        if (!body) {
          const mount = Object.keys(mounts).find((m) => key.startsWith(m));
          const file = mount && join(mounts[mount], key.slice(mount.length));
          if (!file || !file.startsWith(mounts[mount])) throw new Error('no mount');
          body = await readFile(file);
        }
        entry = { body, gz: undefined };
        cache.set(key, entry);
      }
      const ext = extname(key);
      const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/i.test(req.headers['accept-encoding'] ?? '');
      if (gzip) entry.gz ??= gzipSync(entry.body, { level: 9 });
      const out = gzip ? entry.gz : entry.body;
      log.push({ path, bytes: out.length, gzip });
      res.writeHead(200, {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'content-length': out.length,
        'cache-control': 'no-cache',
        ...(COMPRESSIBLE.has(ext) ? { vary: 'Accept-Encoding' } : {}),
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : out);
    } catch {
      log.push({ path, status: 404 });
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  });
  await new Promise((r) => http.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${http.address().port}/`,
    log,
    close: () => new Promise((r) => { http.close(r); http.closeAllConnections(); }),
  };
}

// ---------- one Lighthouse run ----------
async function audit(url, server, { lighthouse, chromeLauncher }) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    // Lighthouse's defaults: mobile form factor and screen, simulated throttling (Lantern).
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    return figures(result.lhr, server);
  } finally {
    await chrome.kill();
  }
}

function figures(lhr, server) {
  const a = lhr.audits;
  const num = (id) => a[id]?.numericValue;
  const score = (c) => (lhr.categories[c]?.score == null ? undefined : lhr.categories[c].score * 100);
  const r = {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcp: num('first-contentful-paint'),
    lcp: num('largest-contentful-paint'),
    tbt: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    si: num('speed-index'),
    bytes: num('total-byte-weight'),
    notes: [],
  };
  if (lhr.runtimeError) r.notes.push(`runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  // Which element the LCP is, and how its time splits (time to first byte, load delay, load time, render delay).
  for (const table of a['largest-contentful-paint-element']?.details?.items ?? []) {
    const node = table.items?.[0]?.node;
    if (node) r.lcpElement = `${node.selector ?? node.nodeLabel}${node.snippet ? ` ${node.snippet.slice(0, 80)}` : ''}`;
    else if (table.items?.length && table.headings?.some((h) => h.key === 'phase')) {
      r.lcpPhases = table.items.map((p) => `${p.phase} ${Math.round(p.timing)} ms`).join(', ');
    }
  }
  for (const w of lhr.runWarnings ?? []) r.notes.push(`warning: ${w}`);
  // Observed (unthrottled) first contentful paint, and the requests that had finished by then.
  const m = a.metrics?.details?.items?.[0] ?? {};
  r.observedFcp = m.observedFirstContentfulPaint;
  const reqs = a['network-requests']?.details?.items ?? [];
  const t0 = a['network-requests']?.details?.debugData?.networkStartTimeTs; // µs, the trace's clock
  if (t0 !== undefined && m.observedFirstContentfulPaintTs !== undefined) {
    const before = reqs.filter((q) => q.networkEndTime !== undefined && t0 + q.networkEndTime * 1000 <= m.observedFirstContentfulPaintTs);
    r.bytesBeforeFcp = before.reduce((s, q) => s + (q.transferSize ?? 0), 0);
    r.requestsBeforeFcp = before.map((q) => new URL(q.url).pathname.split('/').pop() || 'index.html');
  }
  r.requests = reqs.map((q) => `${q.statusCode} ${q.url.startsWith(server.url) ? q.url.slice(server.url.length).split('?')[0] : q.url} ${q.transferSize}`);
  const external = reqs.filter((q) => !q.url.startsWith(server.url) && !q.url.startsWith('data:') && !q.url.startsWith('blob:'));
  if (external.length) r.notes.push(`requests off the machine (blocked): ${[...new Set(external.map((q) => q.url))].slice(0, 3).join(', ')}`);
  const failed = reqs.filter((q) => q.url.startsWith(server.url) && (q.statusCode >= 400 || q.statusCode === -1));
  if (failed.length) r.notes.push(`failed requests: ${failed.map((q) => `${q.statusCode} ${q.url.slice(server.url.length)}`).join(', ')}`);
  // What moved, when the layout shifts count (CLS above 0.1, "needs improvement" or worse).
  if ((r.cls ?? 0) > 0.1) {
    const shifts = [...new Set((a['layout-shifts']?.details?.items ?? []).map((s) => s.node?.selector ?? s.node?.nodeLabel ?? '?'))];
    if (shifts.length) r.notes.push(`layout shifts of: ${shifts.slice(0, 3).join(', ')}`);
  }
  for (const item of a['errors-in-console']?.details?.items ?? []) r.notes.push(`console: ${String(item.description).split('\n')[0].slice(0, 200)}`);
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const au = a[ref.id];
      if (ref.weight > 0 && au && au.score !== null && au.score < 1 && c !== 'performance') r.notes.push(`${c}: ${ref.id} failed`);
    }
  }
  return r;
}

// ---------- reporting ----------
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((p, q) => p - q);
  if (!v.length) return undefined;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
// [label, key, decimals, ratio?, scale]
const ROWS = [
  ['Performance score', 'performance', 0, false],
  ['Accessibility score', 'accessibility', 0, false],
  ['Best practices score', 'bestPractices', 0, false],
  ['SEO score', 'seo', 0, false],
  ['FCP (ms)', 'fcp', 0, true],
  ['LCP (ms)', 'lcp', 0, true],
  ['TBT (ms)', 'tbt', 0, true],
  ['CLS', 'cls', 3, false],
  ['Speed Index (ms)', 'si', 0, true],
  ['Total transferred (KB)', 'bytes', 1, true, 1 / 1000],
];
const fmt = (v, d) => (v === undefined ? '–' : v.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d }));
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? '–' : (a / b).toFixed(2));

function table(opts, med, runs) {
  const base = opts.pages.find((p) => PAGES[p].citeline);
  const peers = opts.pages.filter((p) => !PAGES[p].citeline);
  const head = ['median', ...opts.pages.map((p) => PAGES[p].name), ...(base ? peers.map((p) => `${PAGES[base].short} / ${PAGES[p].short}`) : [])];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`];
  lines.push(`| runs | ${opts.pages.map((p) => `${runs[p].filter((r) => !r.error).length}/${runs[p].length} ok`).join(' | ')} |${base ? peers.map(() => ' |').join('') : ''}`);
  for (const [label, key, d, withRatio, scale = 1] of ROWS) {
    const v = (p) => (med[p][key] === undefined ? undefined : med[p][key] * scale);
    lines.push(`| ${label} | ${opts.pages.map((p) => fmt(v(p), d)).join(' | ')} |${base ? peers.map((p) => ` ${withRatio ? ratio(v(base), v(p)) : ''} |`).join('') : ''}`);
  }
  return lines.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const deps = await checkInputs(opts);
  const started = Date.now();
  const files = new Map();
  if (opts.pages.some((p) => PAGES[p].citeline)) await snapshot(opts.dist, '/citeline/', files);
  const dataPath = `/data/events-${opts.events}.json`;
  files.set(dataPath, Buffer.from(JSON.stringify(generate(opts.events))));
  const server = await serve(files, {
    '/peers/': join(here, 'peers'),
    '/lib/vis-timeline/': join(root, 'node_modules', 'vis-timeline'),
    '/lib/timelinejs/': join(root, 'node_modules', '@knight-lab', 'timelinejs'),
  });
  const runs = {};
  try {
    for (const p of opts.pages) {
      runs[p] = [];
      for (let i = 0; i < opts.runs; i++) {
        const t = Date.now();
        let r;
        try {
          r = await audit(PAGES[p].url(server.url, `${server.url}${dataPath.slice(1)}`), server, deps);
        } catch (e) {
          r = { error: String(e.message ?? e).split('\n')[0], notes: [] };
        }
        runs[p].push(r);
        console.error(`${PAGES[p].name} run ${i + 1}/${opts.runs}: ${r.error ? `error: ${r.error}`
          : `perf ${fmt(r.performance, 0)}, FCP ${fmt(r.fcp, 0)} ms, LCP ${fmt(r.lcp, 0)} ms, TBT ${fmt(r.tbt, 0)} ms, CLS ${fmt(r.cls, 3)}, ${fmt(r.bytes / 1000, 1)} KB`}` +
          `, ${((Date.now() - t) / 1000).toFixed(1)} s${r.notes.length ? `; ${r.notes.join('; ')}` : ''}`);
        if (opts.verbose && r.requests) console.error(`  requests: ${r.requests.join(' | ')}`);
        if (r.lcpElement) console.error(`  LCP element: ${r.lcpElement}${r.lcpPhases ? ` (${r.lcpPhases})` : ""}`);
      }
    }
  } finally {
    await server.close();
  }

  const med = {};
  for (const p of opts.pages) {
    const ok = runs[p].filter((r) => !r.error);
    med[p] = {};
    for (const key of [...ROWS.map((row) => row[1]), 'observedFcp', 'bytesBeforeFcp']) med[p][key] = median(ok.map((r) => r[key]));
  }
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  const chromeVersion = (() => { try { return execFileSync(CHROME_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return 'unknown'; } })();
  const lhVersion = JSON.parse(await readFile(join(root, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;
  console.log(`\nLighthouse ${lhVersion}, ${chromeVersion}, headless; mobile defaults, simulated throttling; ${opts.runs} run(s) per page, medians;`);
  console.log(`${cpus().length} cores; served gzip -9 from 127.0.0.1; peers given ${opts.events} synthetic events (bench/gen-data.mjs); ratios Citeline / peer (below 1: Citeline smaller or faster)\n`);
  console.log(table(opts, med, runs));

  const extra = {};
  for (const p of opts.pages.filter((q) => PAGES[q].citeline)) {
    const ok = runs[p].filter((r) => !r.error);
    const names = [...new Set(ok.flatMap((r) => r.requestsBeforeFcp ?? []))];
    extra[p] = { bytesBeforeFcp: med[p].bytesBeforeFcp, observedFcp: med[p].observedFcp, requestsBeforeFcp: names };
    console.log(`\n${PAGES[p].name}: transferred before the first contentful paint ${fmt(med[p].bytesBeforeFcp / 1000, 1)} KB ` +
      `(${fmt(med[p].bytesBeforeFcp, 0)} bytes; median; requests finished by the observed, unthrottled FCP at ${fmt(med[p].observedFcp, 0)} ms: ${names.join(', ') || 'none'})`);
  }
  if (deps.wasm) {
    const body = await readFile(join(opts.dist, deps.wasm));
    const gz = gzipSync(body, { level: 9 }).length;
    extra.wasm = { file: deps.wasm, raw: body.length, gzip: gz };
    console.log(`Start-up wasm ${deps.wasm}: ${fmt(body.length, 0)} bytes raw, ${fmt(gz, 0)} bytes gzip -9 (${fmt(gz / 1024, 1)} KiB)`);
  }
  const notes = [];
  for (const p of opts.pages) {
    const ns = [...new Set(runs[p].flatMap((r) => (r.error ? [`error: ${r.error}`, ...r.notes] : r.notes)))];
    if (ns.length) notes.push(`- ${PAGES[p].name}: ${ns.join('; ')}`);
  }
  console.log(`\nNotes:\n${notes.length ? notes.join('\n') : '- nothing odd recorded'}`);
  console.log(`\ntook ${minutes} min`);
  if (opts.json) {
    const dropRequests = (r) => { const { requests, ...rest } = r; return rest; };
    await writeFile(opts.json, `${JSON.stringify({
      command: `node bench/lighthouse.mjs ${process.argv.slice(2).join(' ')}`.trim(),
      date: new Date(started).toISOString(), lighthouse: lhVersion, chromium: chromeVersion,
      dist: opts.dist.startsWith(root) ? relative(root, opts.dist) : opts.dist,
      medians: med, citeline: extra, runs: Object.fromEntries(opts.pages.map((p) => [p, runs[p].map(dropRequests)])),
    }, null, 1)}\n`);
    console.log(`wrote ${opts.json}`);
  }
  const failed = opts.pages.filter((p) => !runs[p].some((r) => !r.error));
  if (failed.length) {
    console.error(`no run finished for ${failed.map((p) => PAGES[p].name).join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
