// The JS mount API and <citeline-timeline>, used from a host page on another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, newPage } from './harness.mjs';

let app, host, browser;
const TJS = { events: [{ start_date: { year: 2001, month: 2, day: 3 }, text: { headline: 'Museum opens', text: 'The museum opened.' } }] };

before(async () => {
  app = await serve(undefined, { cors: true });
  const dir = await mkdtemp(join(tmpdir(), 'citeline-mount-'));
  await writeFile(join(dir, 'tjs.json'), JSON.stringify(TJS));
  await writeFile(join(dir, 'index.html'), `<!doctype html><html><head><link rel="icon" href="data:,"></head><body>
    <h1>Host</h1><div id="a"></div><div id="b"></div><div id="c"></div>
    <citeline-timeline id="el" src="./tjs.json"></citeline-timeline>
    <script type="module">
      import { mount } from '${app.url}citeline-api.js';
      window.mount = mount;
      window.selA = [];
      window.a = await mount(document.getElementById('a'), null, { event: 'contest-2011' });
      window.b = await mount(document.getElementById('b'), ${JSON.stringify(JSON.stringify(TJS))});
      window.a.on('select', (d) => window.selA.push(d.id));
      window.ready = true;
    </script></body></html>`);
  host = await serve(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await host?.close();
  await app?.close();
});

async function windowListeners(page) {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  await cdp.detach();
  return listeners.length;
}

test('two timelines on one page stay independent; one is destroyed cleanly', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(host.url);
  await page.waitForFunction(() => window.ready);
  const a = page.locator('#a');
  const b = page.locator('#b');
  await a.locator('[data-detail-for="contest-2011"]').waitFor();
  await b.locator('[data-event-id="event-1"]').waitFor();
  assert.equal(await b.locator('[data-detail-for]').count(), 0, 'b has its own selection');

  await a.locator('[data-event-id="global-internet-forum-trip"]').click();
  await page.waitForFunction(() => window.selA.includes('global-internet-forum-trip'));
  await page.evaluate(() => window.a.select('attacks-2017'));
  await a.locator('[data-detail-for="attacks-2017"]').waitFor();
  await page.evaluate(() => window.a.setView('2018-06', '2018-06'));
  await page.waitForFunction(() => document.querySelector('#a .axis')?.dataset.tickUnit === 'days');
  assert.equal(new URL(page.url()).hash, '', 'the host URL is left alone');
  await b.locator('[data-event-id="event-1"]').click();
  await b.locator('[data-detail-for="event-1"]').waitFor();
  assert.ok(!(await page.evaluate(() => window.selA)).includes('event-1'), "b's selections are not a's");

  await page.evaluate(async () => window.b.setData(null));
  await b.locator('[data-event-id="contest-2018-launch"]').waitFor();

  // A mount and destroy leaves the window's listeners as they were.
  const before = await windowListeners(page);
  await page.evaluate(async () => {
    const c = await window.mount(document.getElementById('c'), null);
    await new Promise((r) => setTimeout(r, 50));
    c.destroy();
  });
  assert.equal(await windowListeners(page), before, 'no listeners left behind');
  assert.equal(await page.locator('#c').innerHTML(), '');

  await page.evaluate(() => window.a.destroy());
  assert.equal(await a.innerHTML(), '');
  await b.locator('[data-event-id="apcc-response"]').click();
  await b.locator('[data-detail-for="apcc-response"]').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('<citeline-timeline src> loads its data and reports selections', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(host.url);
  const el = page.locator('#el');
  await el.locator('[data-event-id="event-1"]').waitFor();
  await page.evaluate(() => document.getElementById('el').addEventListener('citeline:select', (e) => { window.fromElement = e.detail.id; }));
  await el.locator('[data-event-id="event-1"]').click();
  await page.waitForFunction(() => window.fromElement === 'event-1');
  assert.deepEqual(errors, []);
  await page.close();
});

test('bad data is shown in the element in plain words', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(host.url);
  await page.waitForFunction(() => window.ready);
  await page.evaluate(async () => { window.bad = await window.mount(document.getElementById('c'), '{"format": "nope"}'); });
  assert.match(await page.locator('#c .load-error').textContent(), /not a Citeline timeline/);
  await page.close();
});
