// Ten thousand events (the benchmark's synthetic data, loaded through ?src= like every peer gets it):
// clusters at full span, and one chosen event reached by wheel zoom down to a single day, where it
// stands alone with its own label and can be selected. No timings here: speed is in bench/scale.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, serveSynthetic, launch, screenshot } from './harness.mjs';
import { TimelinePage, stemCrossings } from './pages.mjs';

const N = 10_000;
let server, synthetic, browser, data, dataUrl;

before(async () => {
  synthetic = await serveSynthetic(N);
  ({ data, url: dataUrl } = synthetic);
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await synthetic?.close();
});

const DAY_MS = 86_400_000;
/** A window's width in days. */
const span = ([start, end]) => end - start;
const dayOf = (d) => Date.UTC(+d.year, +d.month - 1, +d.day) / DAY_MS;

/** A day-precision event that has its day to itself among the day-precision events. */
function chosenEvent() {
  const perDay = new Map();
  for (const e of data.events) {
    if (e.start_date.day) perDay.set(dayOf(e.start_date), (perDay.get(dayOf(e.start_date)) ?? 0) + 1);
  }
  const lonely = data.events.filter((e) => e.start_date.day && perDay.get(dayOf(e.start_date)) === 1);
  return lonely[Math.floor(lonely.length / 2)];
}

/** The N events through ?src=, in a new page at 1280 × 900 (`query` adds to the URL). */
const openScale = (query = '') => TimelinePage.open(browser.context,
  `${server.url}?src=${encodeURIComponent(dataUrl)}${query}`, { viewport: { width: 1280, height: 900 }, wait: false });

/**
 * Wheel zoom anchored on day `centre` until the window is at most `days` wide (at most 200
 * notches); each notch waits until the page has applied it (the view attributes change).
 * `atEach([start, end])` runs after every notch.
 */
async function zoomTowards(tl, centre, days, atEach = async () => {}) {
  const box = await tl.plotBox();
  for (let step = 0; step < 200; step++) {
    const [start, end] = await tl.viewWindow();
    if (end - start <= days) break;
    const fraction = Math.min(0.98, Math.max(0.02, (centre - start) / (end - start)));
    await tl.wheel(box.x + box.width * fraction, box.y + Math.min(box.height / 2, 120), -240);
    await atEach(await tl.viewWindow());
  }
}

test('10,000 events: clusters at full span, wheel zoom to one day shows a chosen event alone, and it can be selected', async () => {
  const target = chosenEvent();
  assert.ok(target, 'the data has an event alone on its day');
  const tl = await openScale();
  await tl.clusters().first().waitFor({ timeout: 60_000 });
  await tl.whole();

  // Full span: a bounded number of items, clusters that account for every event.
  const items = await tl.items().count();
  assert.ok(items > 0 && items <= 400, `${items} items drawn at full span`);
  assert.equal(await tl.representedEvents(), N, 'clusters and single events at full span add up to every event');
  assert.equal(await tl.event(target.unique_id).count(), 0, 'not drawn alone at full span');
  await screenshot(tl.page, 'scale-10k-full');

  // Wheel zoom anchored on the chosen day until the window is about a day wide.
  const centre = dayOf(target.start_date) + 0.5;
  await zoomTowards(tl, centre, 1.6);
  const [start, end] = await tl.viewWindow();
  assert.ok(end - start <= 1.6, `zoomed to about a day (${(end - start).toFixed(2)} days)`);
  assert.ok(start <= centre && centre <= end, 'the chosen day is in view');

  const label = tl.event(target.unique_id);
  await label.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match(await label.getAttribute('aria-label'), new RegExp(target.text.headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await label.click();
  await tl.locator('.detail h2').first().waitFor();
  assert.equal((await tl.detailTitle()).trim(), target.text.headline);
  assert.equal(await label.getAttribute('aria-pressed'), 'true');
  assert.ok(tl.page.url().endsWith(`#event=${target.unique_id}`));
  await screenshot(tl.page, 'scale-10k-day');
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('10,000 events: no stem crosses another item\'s label, at full span and zooming in to a day', async () => {
  const tl = await openScale();
  await tl.clusters().first().waitFor({ timeout: 60_000 });
  await tl.whole();
  const crossings = [];
  const check = async (where) => {
    const drawn = await tl.stemAndLabelBoxes();
    assert.ok(drawn.stems.length > 0 && drawn.stems.every((stem) => stem.own >= 0), `${where}: each stem comes right before its label`);
    crossings.push(...stemCrossings(drawn).map((c) => `${where}: ${c}`));
  };
  await check('full span');
  // Check again each time the window narrows by another factor of ten, and at about a day.
  let next = span(await tl.viewWindow()) / 10;
  await zoomTowards(tl, dayOf(chosenEvent().start_date) + 0.5, 1.6, async ([start, end]) => {
    if (end - start > next) return;
    await check(`${(end - start).toFixed(1)} days`);
    next = (end - start) / 10;
  });
  await check(`${span(await tl.viewWindow()).toFixed(2)} days`);
  assert.deepEqual(crossings.slice(0, 12), [], `${crossings.length} crossings in all`);
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('a cluster whose events share a start lists them, and an event picked from the list is selected', async () => {
  // One day of 2020, where that year's year-precision events form a cluster that zooming cannot split
  // (in one row: tracks.test.mjs lists a cluster within a track).
  const tl = await openScale('&start=2020-06-10&end=2020-06-11#tracks=none');
  const year = tl.clusters(/^⊕?\s*[\d,]+ events\s*2020$/);
  await year.first().waitFor({ timeout: 60_000 });
  await tl.whole();
  const count = Number(await year.first().getAttribute('data-cluster'));
  const expected = data.events.filter((e) => e.start_date.year === '2020' && !e.start_date.month).length;
  assert.equal(count, expected, 'every year-precision event of 2020 is in the cluster');
  await year.first().click();
  await tl.clusterList().waitFor();
  assert.equal(await tl.clusterListEvents().count(), Math.min(expected, 100));
  const first = tl.clusterListEvents().first();
  const id = await first.getAttribute('data-list-event-id');
  await first.click();
  await tl.locator('.detail h2').first().waitFor();
  // The selection is drawn alone on the timeline, pulled out of its cluster.
  await tl.laneEvent(id).waitFor();
  assert.equal(Number(await year.first().getAttribute('data-cluster')), expected - 1);
  assert.deepEqual(tl.errors, []);
  await tl.close();
});
