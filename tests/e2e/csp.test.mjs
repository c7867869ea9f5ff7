// The page under a strict Content-Security-Policy, and inside a sandboxed iframe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, newPage } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
let app, host, browser;

before(async () => {
  // CORS too: a sandboxed frame has an opaque origin, so its module and wasm loads are cross-origin.
  app = await serve(undefined, { cors: true, headers: { 'content-security-policy': CSP } });
  const dir = await mkdtemp(join(tmpdir(), 'citeline-sandbox-'));
  await writeFile(join(dir, 'index.html'), `<!doctype html><html><head><link rel="icon" href="data:,"></head><body>
    <iframe id="tl" data-citeline sandbox="allow-scripts" title="Timeline" style="width:100%;height:150px;border:0" src="${app.url}?embed=1"></iframe>
    <script>window.selections = []; document.addEventListener('citeline:select', (e) => window.selections.push(e.detail.id));</script>
    <script src="${app.url}embed.js"></script></body></html>`);
  host = await serve(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await host?.close();
  await app?.close();
});

test(`works under "${CSP}" with no violations`, async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(app.url);
  await page.locator('[data-event-id="global-internet-forum-trip"]').click();
  await page.waitForSelector('[data-detail-for="global-internet-forum-trip"]');
  const box = await page.locator('[data-event-id="global-internet-forum-trip"]').boundingBox();
  assert.ok(box.x > 200, 'events are positioned (geometry goes through the CSSOM)');
  assert.deepEqual(errors, []);
  await page.close();
});

test('works in an iframe sandboxed with allow-scripts only', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(host.url);
  const frame = page.frameLocator('#tl');
  await frame.locator('[data-event-id="contest-2011"]').click();
  await frame.locator('[data-detail-for="contest-2011"]').waitFor();
  await page.waitForFunction(() => window.selections.includes('contest-2011'));
  await page.waitForFunction(() => document.getElementById('tl').getBoundingClientRect().height > 300);
  await page.evaluate(() => window.Citeline.select(document.getElementById('tl'), 'attacks-2017'));
  await frame.locator('[data-detail-for="attacks-2017"]').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
