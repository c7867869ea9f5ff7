// Embedding: a host page on one loopback port frames the timeline served from another.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './harness.mjs';
import { TimelinePage, hostRig, hostHtml, embedScript, serveFiles } from './pages.mjs';

let rig;

/** An article with the timeline framed in it (`query` after `?`), listening to what it sends. */
const article = (appUrl, query) => hostHtml(`<h1>A news article</h1><p>Some text before the timeline.</p>
    <iframe id="tl" data-citeline title="Timeline" src="${appUrl}?${query}"></iframe>
    <p>Some text after it.</p>
    <script>
      window.selections = []; window.raw = [];
      document.addEventListener('citeline:select', (e) => window.selections.push(e.detail));
      window.addEventListener('message', (e) => window.raw.push(e.data));
    </script>
    ${embedScript(appUrl)}`, `<meta name="viewport" content="width=device-width, initial-scale=1">
    <style>body{font-family:sans-serif;margin:16px} iframe{width:100%;border:1px solid #ccc;height:150px}</style>`);

before(async () => {
  rig = await hostRig((appUrl) => ({
    'index.html': article(appUrl, 'embed=1&childId=tl'),
    'window.html': article(appUrl, 'embed=1&start=2017&end=2018-12&theme=dark&event=attacks-2017'),
    'bad.html': article(appUrl, `embed=1&src=${encodeURIComponent('http://127.0.0.1:9/missing.json')}`),
  }));
});
after(async () => {
  await rig?.close();
});

async function frameHeight(page) {
  return page.locator('#tl').evaluate((f) => f.getBoundingClientRect().height);
}

test('the frame resizes to its content at desktop and phone widths', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const host = await rig.open('', viewport);
    const { page } = host;
    const frame = host.frame('#tl');
    await frame.ready();
    await page.waitForFunction(() => document.getElementById('tl').getBoundingClientRect().height > 200);
    const content = await page.frames()[1].evaluate(() => document.body.scrollHeight);
    assert.ok(Math.abs((await frameHeight(page)) - content) <= 2, `frame ${await frameHeight(page)} vs content ${content}`);
    assert.equal(await frame.locator('.masthead').count(), 0, 'no page chrome in embed mode');
    assert.ok(await frame.locator('.full-view a').getAttribute('href').then((h) => !h.includes('embed=')), 'the full view link drops embed');
    // pym.js hosts hear the same height in pym's format.
    assert.ok((await page.evaluate(() => window.raw)).some((m) => typeof m === 'string' && /^pymxPYMxtlxPYMxheightxPYMx\d+$/.test(m)));
    // Selecting grows the content; the frame follows.
    await frame.select('contest-2018-launch');
    await page.waitForFunction(() => document.getElementById('tl').getBoundingClientRect().height > 500);
    await screenshot(page, `embed-${viewport.width}`);
    assert.deepEqual(host.errors, []);
    await host.close();
  }
});

test('selections reach the host; host commands reach the timeline; malformed ones are ignored', async () => {
  const host = await rig.open();
  const { page } = host;
  const frame = host.frame('#tl');
  await frame.event('global-internet-forum-trip').click();
  await page.waitForFunction(() => window.selections.length > 0);
  assert.deepEqual(await page.evaluate(() => window.selections.at(-1)), { id: 'global-internet-forum-trip', date: '8 Jun 2018', title: 'Home Secretary travels to the Global Internet Forum' });

  await page.evaluate(() => window.Citeline.select(document.getElementById('tl'), 'contest-2011'));
  await frame.waitForDetail('contest-2011');
  // Wrong version, wrong shape, unknown id: nothing changes.
  await page.evaluate(() => {
    const w = document.getElementById('tl').contentWindow;
    w.postMessage(JSON.stringify({ type: 'citeline:select', version: 2, id: 'attacks-2017' }), '*');
    w.postMessage({ type: 'citeline:select', id: 'attacks-2017' }, '*');
    w.postMessage('nonsense', '*');
    window.Citeline.select(document.getElementById('tl'), 'no-such-event');
  });
  // A view command moves the window. The frame handles messages in the order they were posted, so
  // once it has moved, the malformed messages before it have been handled too (instead of sleeping
  // and hoping they have): the selection must still be contest-2011.
  await page.evaluate(() => window.Citeline.view(document.getElementById('tl'), '2018-06', '2018-06'));
  await frame.waitForTickUnit('days');
  assert.equal(await frame.detail('contest-2011').count(), 1);
  assert.equal(await frame.tickUnit(), 'days');
  assert.deepEqual(host.errors, []);
  await host.close();
});

test('URL options: window, theme and initial event', async () => {
  const host = await rig.open('window.html');
  const frame = host.frame('#tl');
  await frame.waitForDetail('attacks-2017');
  assert.equal(await frame.locator('html').getAttribute('data-theme'), 'dark');
  assert.match(await frame.locator('.range').textContent(), /2017/);
  assert.equal(await frame.event('contest-2011').count(), 0, '2011 is outside the window');
  assert.deepEqual(host.errors, []);
  await host.close();
});

test('"Share / export" gives snippets for the current event that work when pasted into a page', async () => {
  const appUrl = rig.app.url;
  await rig.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: appUrl.replace(/\/$/, '') });
  const tl = await TimelinePage.open(rig.browser.context, appUrl);
  const { page } = tl;
  await tl.select('global-internet-forum-trip');
  const dialog = await tl.openShare();
  assert.equal(await tl.shareLink(), `${appUrl}#event=global-internet-forum-trip`);
  const snippet = await tl.shareScript();
  assert.match(snippet, /embed=1&amp;event=global-internet-forum-trip&amp;start=/);
  await dialog.getByRole('button', { name: 'Copy the link' }).click();
  await page.waitForFunction(() => document.querySelector('.copied')?.textContent === 'Copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${appUrl}#event=global-internet-forum-trip`);
  await screenshot(page, 'share-dialog');
  await page.keyboard.press('Escape');
  await tl.locator('dialog.share').waitFor({ state: 'detached' });

  // Paste the snippet into a page on another origin: it shows the event, at its content height.
  const pasted = await serveFiles({ 'index.html': hostHtml(`<p>Article</p>${snippet}`) }, 'citeline-paste-');
  try {
    await page.goto(pasted.url);
    await tl.frame('iframe[data-citeline]').waitForDetail('global-internet-forum-trip');
    await page.waitForFunction(() => document.querySelector('iframe[data-citeline]').getBoundingClientRect().height > 600);
  } finally {
    await pasted.close();
  }
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('a bad src shows its error inside the frame, never a blank frame', async () => {
  const host = await rig.open('bad.html');
  const alert = host.frame('#tl').locator('.load-error');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Could not fetch http:\/\/127\.0\.0\.1:9\/missing\.json/);
  await host.close();
});
