// The static first view (crates/render): the release build's own seed page, and the seed published
// with `citeline render`. Without JavaScript every event, date and passage is there to read and
// `#event=` links scroll to the event; with JavaScript the app takes the page over without a jump,
// keeping keyboard focus and the linked event, and loads the data the page carries. Printed, the
// page is its event list with the passages as numbered notes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, dist, root, seedTexts, screenshot, newPage, outputDir } from './harness.mjs';
import { firstScreenGeometry, overlaps, StaticView, TimelinePage } from './pages.mjs';

let server, seedPage, groupedServer, plain, scripted, seeds;

before(async () => {
  seeds = await seedTexts();
  const dir = await mkdtemp(join(tmpdir(), 'citeline-render-'));
  // The seed as one timeline file, as a newsroom would hand one over.
  const timeline = JSON.parse(await readFile(join(root, 'seeds', 'manifest.json'), 'utf8'));
  for (const doc of timeline.documents) {
    doc.text = seeds.texts[doc.id];
    delete doc.file;
  }
  timeline.events = seeds.events;
  await writeFile(join(dir, 'seed.json'), JSON.stringify(timeline));
  const site = join(dir, 'site');
  // The test command builds the CLI before the browser tests.
  execFileSync(join(root, 'target', 'debug', 'citeline'), ['render', join(dir, 'seed.json'), '--assets', dist, '--out', site]);
  server = await serve(site);
  seedPage = await serve(dist);
  // The same with groups (TimelineJS3's), so it opens in tracks.
  const grouped = structuredClone(timeline);
  grouped.events.forEach((e) => { e.group = e.passages[0].document.startsWith('apcc') ? 'Police' : 'Government'; });
  await writeFile(join(dir, 'grouped.json'), JSON.stringify(grouped));
  const groupedSite = join(dir, 'grouped');
  execFileSync(join(root, 'target', 'debug', 'citeline'), ['render', join(dir, 'grouped.json'), '--assets', dist, '--out', groupedSite]);
  groupedServer = await serve(groupedSite);
  plain = await launch({ javaScriptEnabled: false });
  scripted = await launch();
});
after(async () => {
  await plain?.close();
  await scripted?.close();
  await server?.close();
  await seedPage?.close();
  await groupedServer?.close();
});

/** The ISO values a seed event's date is written with. */
const datetimes = (date) => (typeof date === 'string' ? [date] : [date.start, date.end]);

test('without JavaScript, every event, date and passage is readable and #event= scrolls to it', async () => {
  for (const [where, url] of [['seed page', seedPage.url], ['rendered site', server.url]]) {
    for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
      const page = await plain.context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(`${url}#event=global-internet-forum-trip`);
      const view = new StaticView(page);
      for (const event of seeds.events) {
        assert.equal(await view.title(event.id), event.title);
        assert.deepEqual(await view.times(event.id), datetimes(event.date), `${where}, ${event.id}: <time datetime>`);
        assert.deepEqual(await view.marks(event.id), event.passages.map((p) => p.quote.exact), `${event.id}: every passage quoted`);
      }
      assert.ok(await view.inView('global-internet-forum-trip'), `${where}, ${name}: the link scrolled to the event`);
      // The strip is drawn from the page's own stylesheet: its labels sit apart, inside the strip.
      const strip = await view.stripBox();
      const labels = await view.labelBoxes();
      assert.equal(labels.length, seeds.events.length, 'every seed event has a label at the fit-all view');
      for (let i = 0; i < labels.length; i++) {
        assert.ok(labels[i].l >= strip.x - 0.5 && labels[i].r <= strip.x + strip.width + 0.5, `${labels[i].id} inside the strip`);
        for (const other of labels.slice(i + 1)) assert.ok(!overlaps(labels[i], other), `${labels[i].id} overlaps ${other.id}`);
      }
      assert.ok(new Set(labels.map((b) => Math.round(b.l))).size > 1, 'labels are placed, not stacked at the left');
      assert.equal(await page.locator('.skeleton').isVisible(), false, 'no loading skeleton: nothing is loading');
      await page.evaluate(() => scrollTo(0, 0));
      await screenshot(page, `render-nojs-${where.replace(' ', '-')}-${name}`, { fullPage: false });
      await page.close();
    }
  }
});

test('with JavaScript, the app takes the page over and loads the data it carries', async () => {
  const tl = await TimelinePage.open(scripted.context, `${server.url}#event=contest-2011`);
  await tl.waitForDetail('contest-2011');
  const view = new StaticView(tl.page);
  assert.equal(await view.firstScreen().count(), 0, 'the static first screen is replaced');
  assert.ok(await view.list().isVisible(), 'the event list stays');
  assert.deepEqual((await tl.drawnEventIds()).sort(), seeds.events.map((e) => e.id).sort());
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

/**
 * Opens the seed page with the app's wasm held back, so the static first view can be looked at;
 * `takeOver()` lets the wasm through and resolves once the app has drawn its timeline.
 */
async function openHeld(url, viewport) {
  const recorded = await newPage(scripted.context, viewport);
  const { page } = recorded;
  await page.addInitScript(() => {
    window.__layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route((url) => /citeline-web-[0-9a-f]+_bg\.wasm$/.test(url.pathname), async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(url);
  await page.locator('.first-view').waitFor();
  const tl = new TimelinePage(page, recorded);
  return {
    tl,
    takeOver: async () => {
      release();
      await page.locator('#app .timeline:not(.static) .event').first().waitFor();
      await tl.nextFrame();
      await tl.nextFrame();
    },
  };
}

/** `a` and `b` (firstScreenGeometry) name the same things at the same places, within 1 px (without `labels`, all but the event labels). */
function assertSameGeometry(a, b, label, { labels = true } = {}) {
  assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort(), `${label}: the same things are drawn`);
  for (const [name, box] of Object.entries(a)) {
    if (!labels && name.startsWith('label ')) continue;
    const other = b[name];
    const keys = name === '.event-list' ? ['y', 'h'] : ['x', 'y', 'w', 'h'];
    for (const k of keys) assert.ok(Math.abs(box[k] - other[k]) <= 1, `${label}, ${name}.${k}: ${box[k]} before, ${other[k]} after`);
  }
}

test('the app takes over the static first view without a jump, keeping keyboard focus', async () => {
  // The strip has a variant laid out at each common window width: there every label keeps its place.
  // In between, the page keeps its geometry and the strip its height; labels, placed in % of the
  // nearest common width, may move within it.
  for (const [viewport, exact] of [[{ width: 1280, height: 800 }, true], [{ width: 412, height: 823 }, true],
    [{ width: 390, height: 844 }, true], [{ width: 768, height: 1024 }, true], [{ width: 660, height: 800 }, false],
    [{ width: 1000, height: 800 }, false]]) {
    const label = `${viewport.width} px`;
    const { tl, takeOver } = await openHeld(seedPage.url, viewport);
    const before = await firstScreenGeometry(tl.page);
    assert.ok(before['label contest-2011'] && before.plot && before['#app > * .detail, #app .detail'], `${label}: the static view is drawn`);
    await tl.page.locator('.timeline.static .plot:visible .event[data-event-id="contest-2018-launch"]').focus();
    await screenshot(tl.page, `takeover-${viewport.width}-before`, { fullPage: false });
    await takeOver();
    await screenshot(tl.page, `takeover-${viewport.width}-after`, { fullPage: false });
    const after = await firstScreenGeometry(tl.page);
    assertSameGeometry(before, after, label, { labels: exact });
    const focused = await tl.page.evaluate(() => ({ tag: document.activeElement?.tagName, id: document.activeElement?.dataset.eventId }));
    assert.deepEqual(focused, { tag: 'BUTTON', id: 'contest-2018-launch' }, `${label}: focus moves to the same event's label in the app`);
    const shift = await tl.layoutShift();
    assert.ok(shift <= 0.02, `${label}: cumulative layout shift ${shift}`);
    assert.deepEqual(tl.errors, []);
    await tl.close();
  }
});

test('a timeline with groups is published in its tracks, and the app takes them over without a jump', async () => {
  // Tracks in the order their groups first appear.
  const order = [...new Set(seeds.events.map((e) => (e.passages[0].document.startsWith('apcc') ? 'Police' : 'Government')))];
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const label = `${viewport.width} px`;
    const { tl, takeOver } = await openHeld(groupedServer.url, viewport);
    const rows = () => tl.page.locator('.timeline .plot:visible .track').evaluateAll((ts) => ts.map((t) => t.dataset.track));
    assert.deepEqual(await rows(), order, `${label}: the static view has the tracks`);
    assert.deepEqual(await tl.page.locator('.track-legend .track-name').allTextContents(), order);
    const before = await firstScreenGeometry(tl.page);
    await screenshot(tl.page, `takeover-tracks-${viewport.width}-before`, { fullPage: false });
    await takeOver();
    await screenshot(tl.page, `takeover-tracks-${viewport.width}-after`, { fullPage: false });
    assert.deepEqual(await rows(), order, `${label}: the app's tracks`);
    assertSameGeometry(before, await firstScreenGeometry(tl.page), label);
    const shift = await tl.layoutShift();
    assert.ok(shift <= 0.02, `${label}: cumulative layout shift ${shift}`);
    assert.deepEqual(tl.errors, []);
    await tl.close();
  }
});

test('a #event= link survives the take-over: the app selects the event and shows its detail', async () => {
  const { tl, takeOver } = await openHeld(`${seedPage.url}#event=apcc-response`, { width: 1280, height: 800 });
  assert.ok(await new StaticView(tl.page).inView('apcc-response'), 'before the app: the link scrolled to the entry');
  await takeOver();
  await tl.waitForDetail('apcc-response');
  const inView = await tl.page.locator('#app .detail').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= -1 && r.top < innerHeight;
  });
  assert.ok(inView, 'the detail panel is where the reader is taken');
  assert.equal(await tl.hash(), '#event=apcc-response');
  await tl.close();
});

test('printed, the page is the event list with the passages as numbered notes', async () => {
  const tl = await TimelinePage.open(scripted.context, seedPage.url);
  const { page } = tl;
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#app .timeline').isVisible(), false, 'the interactive view does not print');
  assert.ok(await page.locator('#app .masthead .subtitle').isVisible(), 'its title does');
  const controls = await page.locator('input, button, select, textarea, summary').evaluateAll((els) => els
    .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(controls, [], 'no control (search box, filters, buttons) prints');
  assert.ok(await page.locator('.event-list').isVisible());
  assert.equal(await page.locator('.event-list .passages').first().isVisible(), false, 'quotes print as notes');
  const passages = seeds.events.reduce((n, e) => n + e.passages.length, 0);
  const notes = page.locator('.notes li[id^="note-"]');
  assert.equal(await notes.count(), passages);
  assert.ok(await notes.first().isVisible());
  const refs = await page.locator('.note-refs a').evaluateAll((as) => as.map((a) => a.textContent));
  assert.deepEqual([...new Set(refs)].map(Number).sort((a, b) => a - b), Array.from({ length: passages }, (_, i) => i + 1),
    'every note is referenced from its entry');
  const pdf = join(outputDir, 'seed-print.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: false });
  const text = (await readFile(pdf)).toString('latin1');
  assert.ok((text.match(/\/Type\s*\/Page\b/g) ?? []).length >= 2, 'the list, then the notes on a page of their own');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('.notes').isVisible(), false, 'on screen each entry quotes its own passages');
  await tl.close();
});
