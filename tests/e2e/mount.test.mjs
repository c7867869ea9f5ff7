// The JS mount API and <citeline-timeline>, used from a host page on another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { hostRig, hostHtml } from './pages.mjs';

let rig;
const TJS = { events: [{ start_date: { year: 2001, month: 2, day: 3 }, text: { headline: 'Museum opens', text: 'The museum opened.' } }] };

before(async () => {
  rig = await hostRig((appUrl) => ({
    'tjs.json': JSON.stringify(TJS),
    'index.html': hostHtml(`
    <h1>Host</h1><div id="a"></div><div id="b"></div><div id="c"></div>
    <citeline-timeline id="el" src="./tjs.json"></citeline-timeline>
    <script type="module">
      import { mount } from '${appUrl}citeline-api.js';
      window.mount = mount;
      window.selA = [];
      window.a = await mount(document.getElementById('a'), null, { event: 'contest-2011' });
      window.b = await mount(document.getElementById('b'), ${JSON.stringify(JSON.stringify(TJS))});
      window.a.on('select', (d) => window.selA.push(d.id));
      window.ready = true;
    </script>`),
  }), { appOptions: { cors: true } });
});
after(async () => {
  await rig?.close();
});

async function windowListeners(page) {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  await cdp.detach();
  return listeners.length;
}

test('two timelines on one page stay independent; one is destroyed cleanly', async () => {
  const host = await rig.open();
  const { page } = host;
  await page.waitForFunction(() => window.ready);
  const a = host.within(page.locator('#a'));
  const b = host.within(page.locator('#b'));
  const c = host.within(page.locator('#c'));
  await a.waitForDetail('contest-2011');
  await b.event('event-1').waitFor();
  assert.equal(await b.detail().count(), 0, 'b has its own selection');

  await a.event('global-internet-forum-trip').click();
  await page.waitForFunction(() => window.selA.includes('global-internet-forum-trip'));
  await page.evaluate(() => window.a.select('attacks-2017'));
  await a.waitForDetail('attacks-2017');
  await page.evaluate(() => window.a.setView('2018-06', '2018-06'));
  await a.waitForTickUnit('days');
  assert.equal(host.hash(), '', 'the host URL is left alone');
  await b.select('event-1');
  assert.ok(!(await page.evaluate(() => window.selA)).includes('event-1'), "b's selections are not a's");

  await page.evaluate(async () => window.b.setData(null));
  await b.event('contest-2018-launch').waitFor();

  // A mount and destroy leaves the window's listeners as they were. Destroy once the new timeline
  // has drawn its events and painted a frame (it is fully set up), rather than after a fixed 50 ms.
  const before = await windowListeners(page);
  await page.evaluate(async () => { window.c = await window.mount(document.getElementById('c'), null); });
  await c.ready();
  await c.nextFrame();
  await page.evaluate(() => window.c.destroy());
  assert.equal(await windowListeners(page), before, 'no listeners left behind');
  assert.equal(await page.locator('#c').innerHTML(), '');

  await page.evaluate(() => window.a.destroy());
  assert.equal(await page.locator('#a').innerHTML(), '');
  await b.select('apcc-response');
  assert.deepEqual(host.errors, []);
  await host.close();
});

test('<citeline-timeline src> loads its data and reports selections', async () => {
  const host = await rig.open();
  const { page } = host;
  const el = host.within(page.locator('#el'));
  await el.event('event-1').waitFor();
  await page.evaluate(() => document.getElementById('el').addEventListener('citeline:select', (e) => { window.fromElement = e.detail.id; }));
  await el.event('event-1').click();
  await page.waitForFunction(() => window.fromElement === 'event-1');
  assert.deepEqual(host.errors, []);
  await host.close();
});

test('bad data is shown in the element in plain words', async () => {
  const host = await rig.open();
  const { page } = host;
  await page.waitForFunction(() => window.ready);
  await page.evaluate(async () => { window.bad = await window.mount(document.getElementById('c'), '{"format": "nope"}'); });
  assert.match(await page.locator('#c .load-error').textContent(), /not a Citeline timeline/);
  await host.close();
});
