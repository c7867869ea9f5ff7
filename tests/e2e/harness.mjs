// Shared rig for the browser tests: a static server for dist/ on 127.0.0.1 and Debian's Chromium
// driven by playwright-core. Everything started here is stopped by `close()`.
import { createServer } from 'node:http';
import { readFile, mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dist = join(root, 'dist');
export const outputDir = join(root, 'test-output');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves `dir` on 127.0.0.1 at a free port (with `cors`, readable from any origin). */
export async function serve(dir = dist, { cors = false, headers = {} } = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        ...(cors ? { 'access-control-allow-origin': '*' } : {}),
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', ...(cors ? { 'access-control-allow-origin': '*' } : {}) });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    // Browsers keep connections alive; drop them so closing does not wait for their timeout.
    close: () => new Promise((r) => {
      server.close(r);
      server.closeAllConnections();
    }),
  };
}

/** Debian's Chromium, headless, with a fresh profile (and JavaScript off when asked). */
export async function launch({ javaScriptEnabled = true, locale } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'citeline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
    javaScriptEnabled,
    ...(locale ? { locale } : {}),
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A new page that records console errors, uncaught exceptions and CSP violations (its own and its
 * workers'), the URLs of the workers it starts and of every request it makes.
 */
export async function newPage(context, viewport) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors = [];
  const workers = [];
  const requests = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('worker', (worker) => {
    workers.push(worker.url());
    worker.on('console', (msg) => { if (msg.type() === 'error') errors.push(`worker: ${msg.text()}`); });
  });
  page.on('request', (request) => requests.push(request.url()));
  // Content-Security-Policy violations in any of its documents count as errors too.
  await page.exposeFunction('citelineTestCspViolation', (text) => errors.push(`CSP violation: ${text}`));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => {
    window.citelineTestCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} in ${e.documentURI}`);
  }));
  return { page, errors, workers, requests };
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(outputDir, { recursive: true });
  const path = join(outputDir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** The seed documents' texts by id, read from the repository's seeds/. */
export async function seedTexts() {
  const manifest = JSON.parse(await readFile(join(root, 'seeds', 'manifest.json'), 'utf8'));
  const texts = {};
  for (const doc of manifest.documents) texts[doc.id] = await readFile(join(root, 'seeds', doc.file), 'utf8');
  const { events } = JSON.parse(await readFile(join(root, 'seeds', 'events.json'), 'utf8'));
  return { texts, events };
}

/**
 * The benchmark's synthetic timeline of `n` events (bench/gen-data.mjs, TimelineJS3's format, in
 * five groups), written to a temporary folder and served with CORS for `?src=`: `{ data, url, close }`.
 */
export async function serveSynthetic(n) {
  const { generate } = await import('../../bench/gen-data.mjs');
  const { writeFile } = await import('node:fs/promises');
  const data = generate(n);
  const dir = await mkdtemp(join(tmpdir(), 'citeline-synthetic-'));
  await writeFile(join(dir, 'events.json'), JSON.stringify(data));
  const server = await serve(dir, { cors: true });
  return {
    data,
    url: `${server.url}events.json`,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
