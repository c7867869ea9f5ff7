// Ten thousand events (the benchmark's synthetic data, loaded through ?src= like every peer gets it):
// clusters at full span, and one chosen event reached by wheel zoom down to a single day, where it
// stands alone with its own label and can be selected. No timings here: speed is in bench/scale.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, newPage, screenshot } from './harness.mjs';
import { generate } from '../../bench/gen-data.mjs';

const N = 10_000;
let server, dataServer, browser, dataDir, data;

before(async () => {
  data = generate(N);
  dataDir = await mkdtemp(join(tmpdir(), 'citeline-scale-'));
  await writeFile(join(dataDir, 'events.json'), JSON.stringify(data));
  server = await serve();
  dataServer = await serve(dataDir, { cors: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await dataServer?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const DAY_MS = 86_400_000;
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

async function view(page) {
  const plot = page.locator('.plot');
  return [Number(await plot.getAttribute('data-view-start-days')), Number(await plot.getAttribute('data-view-end-days'))];
}

test('10,000 events: clusters at full span, wheel zoom to one day shows a chosen event alone, and it can be selected', async () => {
  const target = chosenEvent();
  assert.ok(target, 'the data has an event alone on its day');
  const { page, errors } = await newPage(browser.context, { width: 1280, height: 900 });
  await page.goto(`${server.url}?src=${encodeURIComponent(`${dataServer.url}events.json`)}`);
  await page.waitForSelector('[data-cluster]', { timeout: 60_000 });

  // Full span: a bounded number of items, clusters that account for every event.
  const items = await page.locator('.lanes .event').count();
  assert.ok(items > 0 && items <= 400, `${items} items drawn at full span`);
  const counted = await page.locator('.lanes .event').evaluateAll((els) =>
    els.reduce((sum, el) => sum + (el.dataset.cluster ? Number(el.dataset.cluster) : 1), 0));
  assert.equal(counted, N, 'clusters and single events at full span add up to every event');
  assert.equal(await page.locator(`[data-event-id="${target.unique_id}"]`).count(), 0, 'not drawn alone at full span');
  await screenshot(page, 'scale-10k-full');

  // Wheel zoom anchored on the chosen day until the window is about a day wide.
  const centre = dayOf(target.start_date) + 0.5;
  const box = await page.locator('.plot').boundingBox();
  for (let step = 0; step < 200; step++) {
    const [start, end] = await view(page);
    if (end - start <= 1.6) break;
    const fraction = Math.min(0.98, Math.max(0.02, (centre - start) / (end - start)));
    await page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
    await page.mouse.wheel(0, -240);
    await page.waitForTimeout(20);
  }
  const [start, end] = await view(page);
  assert.ok(end - start <= 1.6, `zoomed to about a day (${(end - start).toFixed(2)} days)`);
  assert.ok(start <= centre && centre <= end, 'the chosen day is in view');

  const label = page.locator(`[data-event-id="${target.unique_id}"]`);
  await label.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match(await label.getAttribute('aria-label'), new RegExp(target.text.headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await label.click();
  await page.waitForSelector('.detail h2');
  assert.equal((await page.locator('.detail h2').first().textContent()).trim(), target.text.headline);
  assert.equal(await label.getAttribute('aria-pressed'), 'true');
  assert.ok(page.url().endsWith(`#event=${target.unique_id}`));
  await screenshot(page, 'scale-10k-day');
  assert.deepEqual(errors, []);
});

test('a cluster whose events share a start lists them, and an event picked from the list is selected', async () => {
  const { page, errors } = await newPage(browser.context, { width: 1280, height: 900 });
  // One day of 2020, where that year's year-precision events form a cluster that zooming cannot split.
  await page.goto(`${server.url}?src=${encodeURIComponent(`${dataServer.url}events.json`)}&start=2020-06-10&end=2020-06-11`);
  const year = page.locator('.lanes [data-cluster]', { hasText: /^⊕?\s*[\d,]+ events\s*2020$/ });
  await year.first().waitFor({ timeout: 60_000 });
  const count = Number(await year.first().getAttribute('data-cluster'));
  const expected = data.events.filter((e) => e.start_date.year === '2020' && !e.start_date.month).length;
  assert.equal(count, expected, 'every year-precision event of 2020 is in the cluster');
  await year.first().click();
  const list = page.locator('.cluster-list');
  await list.waitFor();
  assert.equal(await list.locator('[data-list-event-id]').count(), Math.min(expected, 100));
  const first = list.locator('[data-list-event-id]').first();
  const id = await first.getAttribute('data-list-event-id');
  await first.click();
  await page.waitForSelector('.detail h2');
  // The selection is drawn alone on the timeline, pulled out of its cluster.
  await page.locator(`.lanes [data-event-id="${id}"]`).waitFor();
  assert.equal(Number(await year.first().getAttribute('data-cluster')), expected - 1);
  assert.deepEqual(errors, []);
});
