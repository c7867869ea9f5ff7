// Embedding: a host page on one loopback port frames the timeline served from another.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, newPage, screenshot } from './harness.mjs';

let app, host, browser;

before(async () => {
  app = await serve();
  const dir = await mkdtemp(join(tmpdir(), 'citeline-host-'));
  const page = (query) => `<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1">
    <link rel="icon" href="data:,"><style>body{font-family:sans-serif;margin:16px} iframe{width:100%;border:1px solid #ccc;height:150px}</style></head>
    <body><h1>A news article</h1><p>Some text before the timeline.</p>
    <iframe id="tl" data-citeline title="Timeline" src="${app.url}?${query}"></iframe>
    <p>Some text after it.</p>
    <script>
      window.selections = []; window.raw = [];
      document.addEventListener('citeline:select', (e) => window.selections.push(e.detail));
      window.addEventListener('message', (e) => window.raw.push(e.data));
    </script>
    <script src="${app.url}embed.js"></script></body></html>`;
  await writeFile(join(dir, 'index.html'), page('embed=1&childId=tl'));
  await writeFile(join(dir, 'window.html'), page('embed=1&start=2017&end=2018-12&theme=dark&event=attacks-2017'));
  await writeFile(join(dir, 'bad.html'), page(`embed=1&src=${encodeURIComponent('http://127.0.0.1:9/missing.json')}`));
  host = await serve(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await host?.close();
  await app?.close();
});

async function frameHeight(page) {
  return page.locator('#tl').evaluate((f) => f.getBoundingClientRect().height);
}

test('the frame resizes to its content at desktop and phone widths', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const { page, errors } = await newPage(browser.context, viewport);
    await page.goto(host.url);
    const frame = page.frameLocator('#tl');
    await frame.locator('[data-event-id]').first().waitFor();
    await page.waitForFunction(() => document.getElementById('tl').getBoundingClientRect().height > 200);
    const content = await page.frames()[1].evaluate(() => document.body.scrollHeight);
    assert.ok(Math.abs((await frameHeight(page)) - content) <= 2, `frame ${await frameHeight(page)} vs content ${content}`);
    assert.equal(await frame.locator('.masthead').count(), 0, 'no page chrome in embed mode');
    assert.ok(await frame.locator('.full-view a').getAttribute('href').then((h) => !h.includes('embed=')), 'the full view link drops embed');
    // pym.js hosts hear the same height in pym's format.
    assert.ok((await page.evaluate(() => window.raw)).some((m) => typeof m === 'string' && /^pymxPYMxtlxPYMxheightxPYMx\d+$/.test(m)));
    // Selecting grows the content; the frame follows.
    await frame.locator('[data-event-id="contest-2018-launch"]').click();
    await frame.locator('[data-detail-for="contest-2018-launch"]').waitFor();
    await page.waitForFunction(() => document.getElementById('tl').getBoundingClientRect().height > 500);
    await screenshot(page, `embed-${viewport.width}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('selections reach the host; host commands reach the timeline; malformed ones are ignored', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(host.url);
  const frame = page.frameLocator('#tl');
  await frame.locator('[data-event-id="global-internet-forum-trip"]').click();
  await page.waitForFunction(() => window.selections.length > 0);
  assert.deepEqual(await page.evaluate(() => window.selections.at(-1)), { id: 'global-internet-forum-trip', date: '8 Jun 2018', title: 'Home Secretary travels to the Global Internet Forum' });

  await page.evaluate(() => window.Citeline.select(document.getElementById('tl'), 'contest-2011'));
  await frame.locator('[data-detail-for="contest-2011"]').waitFor();
  // Wrong version, wrong shape, unknown id: nothing changes.
  await page.evaluate(() => {
    const w = document.getElementById('tl').contentWindow;
    w.postMessage(JSON.stringify({ type: 'citeline:select', version: 2, id: 'attacks-2017' }), '*');
    w.postMessage({ type: 'citeline:select', id: 'attacks-2017' }, '*');
    w.postMessage('nonsense', '*');
    window.Citeline.select(document.getElementById('tl'), 'no-such-event');
  });
  await page.waitForTimeout(200);
  assert.equal(await frame.locator('[data-detail-for="contest-2011"]').count(), 1);
  // A view command moves the window.
  await page.evaluate(() => window.Citeline.view(document.getElementById('tl'), '2018-06', '2018-06'));
  await page.waitForTimeout(100);
  assert.equal(await frame.locator('.axis').getAttribute('data-tick-unit'), 'days');
  assert.deepEqual(errors, []);
  await page.close();
});

test('URL options: window, theme and initial event', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(`${host.url}window.html`);
  const frame = page.frameLocator('#tl');
  await frame.locator('[data-detail-for="attacks-2017"]').waitFor();
  assert.equal(await frame.locator('html').getAttribute('data-theme'), 'dark');
  assert.match(await frame.locator('.range').textContent(), /2017/);
  assert.equal(await frame.locator('[data-event-id="contest-2011"]').count(), 0, '2011 is outside the window');
  assert.deepEqual(errors, []);
  await page.close();
});

test('"Share / embed" gives snippets for the current event that work when pasted into a page', async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url.replace(/\/$/, '') });
  const { page, errors } = await newPage(browser.context);
  await page.goto(app.url);
  await page.locator('[data-event-id="global-internet-forum-trip"]').click();
  await page.getByRole('button', { name: 'Share / embed' }).click();
  const dialog = page.locator('dialog.share[open]');
  await dialog.waitFor();
  assert.equal(await page.locator('#share-link').inputValue(), `${app.url}#event=global-internet-forum-trip`);
  const snippet = await page.locator('#share-script').inputValue();
  assert.match(snippet, /embed=1&amp;event=global-internet-forum-trip&amp;start=/);
  await dialog.getByRole('button', { name: 'Copy the link' }).click();
  await page.waitForFunction(() => document.querySelector('.copied')?.textContent === 'Copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${app.url}#event=global-internet-forum-trip`);
  await screenshot(page, 'share-dialog');
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog.share', { state: 'detached' });

  // Paste the snippet into a page on another origin: it shows the event, at its content height.
  const dir = await mkdtemp(join(tmpdir(), 'citeline-paste-'));
  await writeFile(join(dir, 'index.html'), `<!doctype html><html><head><link rel="icon" href="data:,"></head><body><p>Article</p>${snippet}</body></html>`);
  const pasted = await serve(dir);
  try {
    await page.goto(pasted.url);
    const frame = page.frameLocator('iframe[data-citeline]');
    await frame.locator('[data-detail-for="global-internet-forum-trip"]').waitFor();
    await page.waitForFunction(() => document.querySelector('iframe[data-citeline]').getBoundingClientRect().height > 600);
  } finally {
    await pasted.close();
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a bad src shows its error inside the frame, never a blank frame', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(`${host.url}bad.html`);
  const alert = page.frameLocator('#tl').locator('.load-error');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Could not fetch http:\/\/127\.0\.0\.1:9\/missing\.json/);
  await page.close();
});
