// Story navigation on the seed timeline: the title card's start, Previous and Next (buttons and the
// N and P keys) in time order with the view following, the selection in the URL through back and
// forward, and the same in embed mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, screenshot } from './harness.mjs';
import { TimelinePage } from './pages.mjs';

let server, browser;

before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The seed's events in time order, as the static list gives them. */
const IN_ORDER = ['contest-2011', 'attacks-2017', 'contest-review', 'contest-2018-launch', 'apcc-response', 'global-internet-forum-trip'];

/** Whether the selected event's marker lies inside the plot's visible width. */
async function inView(tl, id) {
  return tl.page.evaluate((id) => {
    const marker = document.querySelector(`#app .marker[data-event-id="${id}"]`) ?? document.querySelector(`#app [data-event-id="${id}"]`);
    const plot = document.querySelector('#app .plot') ?? document.querySelector('#app .timeline');
    if (!marker || !plot) return false;
    const [m, p] = [marker.getBoundingClientRect(), plot.getBoundingClientRect()];
    return m.right > p.left && m.left < p.right;
  }, id);
}

test('the title card starts the story; Next and Previous step through every event in time order, with the view following', async () => {
  for (const [name, viewport, scheme] of [['desktop', { width: 1280, height: 800 }, 'light'], ['phone-dark', { width: 390, height: 844 }, 'dark']]) {
    const tl = await TimelinePage.open(browser.context, 'about:blank', { wait: false, viewport });
    await tl.page.emulateMedia({ colorScheme: scheme });
    await tl.page.goto(server.url);
    await tl.ready();
    const start = tl.locator('#app .detail.empty .story-start a');
    assert.equal(await start.textContent(), 'Start with the first event: Previous CONTEST strategy published →');
    assert.equal(await start.getAttribute('href'), '#event=contest-2011');
    await start.click();
    await tl.waitForDetail('contest-2011');
    assert.equal(tl.hash(), '#event=contest-2011');
    assert.equal(await tl.locator('#app .story-position').textContent(), `1 of ${IN_ORDER.length}`);
    assert.ok(await tl.locator('#app .story-previous').isDisabled(), 'nothing before the first');
    await screenshot(tl.page, `story-${name}`, { fullPage: false });
    for (let i = 1; i < IN_ORDER.length; i++) {
      await tl.locator('#app .story-next').click();
      await tl.waitForDetail(IN_ORDER[i]);
      assert.equal(await tl.locator('#app .story-position').textContent(), `${i + 1} of ${IN_ORDER.length}`);
      assert.equal(tl.hash(), `#event=${IN_ORDER[i]}`);
      assert.ok(await inView(tl, IN_ORDER[i]), `${IN_ORDER[i]} is in view`);
    }
    assert.ok(await tl.locator('#app .story-next').isDisabled(), 'nothing after the last');
    await tl.locator('#app .story-previous').click();
    await tl.waitForDetail(IN_ORDER[IN_ORDER.length - 2]);
    assert.deepEqual(tl.errors, []);
    await tl.close();
  }
});

test('N and P step from anywhere but a text field; back and forward retrace the steps', async () => {
  const tl = await TimelinePage.open(browser.context, server.url);
  await tl.page.keyboard.press('n');
  await tl.waitForDetail(IN_ORDER[0]);
  await tl.page.keyboard.press('n');
  await tl.waitForDetail(IN_ORDER[1]);
  await tl.page.keyboard.press('n');
  await tl.waitForDetail(IN_ORDER[2]);
  await tl.page.keyboard.press('p');
  await tl.waitForDetail(IN_ORDER[1]);
  assert.equal(tl.hash(), `#event=${IN_ORDER[1]}`);
  // With a modifier the key is the browser's, not ours.
  await tl.page.keyboard.press('Control+n').catch(() => {});
  assert.equal(tl.hash(), `#event=${IN_ORDER[1]}`);
  // Back: the previous selection, then the one before.
  await tl.page.goBack();
  await tl.waitForDetail(IN_ORDER[2]);
  await tl.page.goBack();
  await tl.waitForDetail(IN_ORDER[1]);
  await tl.page.goForward();
  await tl.waitForDetail(IN_ORDER[2]);
  // Typing in a field is typing: Add documents' text box takes the letters.
  const field = tl.locator('#paste');
  await field.click();
  await tl.page.keyboard.type('np');
  assert.equal(tl.hash(), `#event=${IN_ORDER[2]}`, 'no step while typing');
  assert.equal(await field.inputValue(), 'np');
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('in embed mode the story steps too, and the selection reaches the host\'s URL-less frame', async () => {
  const tl = await TimelinePage.open(browser.context, `${server.url}?embed=1`);
  await tl.locator('#app .story-start a').click();
  await tl.waitForDetail(IN_ORDER[0]);
  await tl.locator('#app .story-next').click();
  await tl.waitForDetail(IN_ORDER[1]);
  await tl.page.keyboard.press('n');
  await tl.waitForDetail(IN_ORDER[2]);
  assert.equal(tl.hash(), `#event=${IN_ORDER[2]}`);
  assert.deepEqual(tl.errors, []);
  await tl.close();
});
