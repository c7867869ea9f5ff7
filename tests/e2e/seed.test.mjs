// The seed timeline in the release build, end to end in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, screenshot, seedTexts } from './harness.mjs';
import { TimelinePage, overlaps, stemCrossings } from './pages.mjs';

let server, browser, seeds;

before(async () => {
  seeds = await seedTexts();
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const REQUIRED = [
  { id: 'contest-2011', date: '2011' },
  { id: 'attacks-2017', date: '2017' },
  { id: 'contest-2018-launch', date: '4 Jun 2018', long: 'Monday 4 June 2018' },
  { id: 'global-internet-forum-trip', date: '8 Jun 2018', long: 'Friday 8 June 2018' },
];

/** The seed timeline in a new page, once its events are drawn. */
const open = (hash = '', viewport) => TimelinePage.open(browser.context, server.url + hash, { viewport });

const VIEWPORTS = [{ width: 1280, height: 800 }, { width: 390, height: 844 }];

test('the four required events are visible and clickable at the fit-all view, with their dates', async () => {
  for (const viewport of VIEWPORTS) {
    const tl = await open('', viewport);
    for (const { id, date, long } of REQUIRED) {
      const button = tl.event(id);
      await button.scrollIntoViewIfNeeded();
      assert.ok(await button.isVisible(), `${id} visible at ${viewport.width}px`);
      assert.ok(await tl.clickable(id), `${id} not covered by anything at ${viewport.width}px`);
      assert.match(await button.textContent(), new RegExp(date));
      const name = await button.getAttribute('aria-label');
      assert.ok(name.includes(long ?? date), `accessible name "${name}" has the date`);
    }
    assert.deepEqual(tl.errors, []);
    await tl.close();
  }
});

test('labels never overlap at the fit-all view', async () => {
  for (const viewport of VIEWPORTS) {
    const tl = await open('', viewport);
    const boxes = await tl.labelBoxes();
    assert.equal(boxes.length, seeds.events.length, 'every seed event is drawn');
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        assert.ok(!overlaps(a, b), `${a.id} overlaps ${b.id} at ${viewport.width}px`);
      }
    }
    await tl.close();
  }
});

// Stems are routed by the layout around every label (crates/view/src/layout/place.rs); the labels
// sit exactly where the layout puts them, so the page must show no crossing either.
test('no stem runs through another item\'s label at the fit-all view', async () => {
  const crossings = [];
  for (const viewport of VIEWPORTS) {
    const tl = await open('', viewport);
    const drawn = await tl.stemAndLabelBoxes();
    assert.equal(drawn.stems.length, drawn.labels.length, 'every label has its stem');
    assert.ok(drawn.stems.every((stem) => stem.own >= 0), 'each stem comes right before its label');
    crossings.push(...stemCrossings(drawn).map((c) => `${viewport.width}px: ${c}`));
    assert.deepEqual(tl.errors, []);
    await tl.close();
  }
  assert.deepEqual(crossings, []);
});

test('clicking each event shows every passage, as it stands in the seed text', async () => {
  const tl = await open();
  for (const event of seeds.events) {
    await tl.select(event.id);
    const shown = await tl.passages();
    assert.equal(shown.length, event.passages.length, `${event.id}: one quote per passage`);
    event.passages.forEach((p, i) => {
      assert.equal(shown[i].doc, p.document);
      assert.equal(shown[i].exact, p.quote.exact, `${event.id}: passage ${i} highlighted`);
      // The passage really is at its stated position in the seed document.
      const text = [...seeds.texts[p.document]];
      assert.equal(text.slice(p.position.start, p.position.end).join(''), shown[i].exact);
      // The quote around it is the document's own text, not a paraphrase.
      const context = shown[i].quote.replace(/^…|…$/g, '');
      assert.ok(seeds.texts[p.document].includes(context), `${event.id}: quote ${i} is verbatim`);
    });
    assert.equal(await tl.detailTitle(), event.title);
  }
  // Dates as people read them, with precision and basis.
  await tl.select('attacks-2017');
  await tl.select('global-internet-forum-trip');
  assert.equal(await tl.dateLong(), 'Friday 8 June 2018');
  assert.match(await tl.facts(), /Known to the day/);
  await tl.select('contest-2011');
  assert.equal(await tl.dateLong(), '2011');
  assert.match(await tl.facts(), /Known to the year/);
  // Both documents back the launch.
  await tl.select('contest-2018-launch');
  const docs = new Set((await tl.passages()).map((p) => p.doc));
  assert.equal(docs.size, 2);
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('"Show in source" opens the whole document with the passage highlighted in view', async () => {
  const tl = await open('#event=global-internet-forum-trip');
  await tl.waitForDetail('global-internet-forum-trip');
  const dialog = await tl.showSource();
  const mark = dialog.locator('mark');
  const event = seeds.events.find((e) => e.id === 'global-internet-forum-trip');
  assert.equal(await mark.textContent(), event.passages[0].quote.exact);
  assert.equal(await dialog.locator('.source-text').textContent(), seeds.texts[event.passages[0].document]);
  assert.ok(await mark.evaluate((m) => {
    const box = m.getBoundingClientRect();
    const pane = m.closest('.source-text').getBoundingClientRect();
    return box.top >= pane.top && box.bottom <= pane.bottom;
  }), 'highlight scrolled into view');
  await screenshot(tl.page, 'source-dialog-desktop', { fullPage: false });
  await tl.page.keyboard.press('Escape');
  await tl.locator('dialog.source').waitFor({ state: 'detached' });
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('an #event= link selects on load, and back/forward step through selections', async () => {
  const tl = await open('#event=attacks-2017');
  await tl.waitForDetail('attacks-2017');
  assert.equal(await tl.event('attacks-2017').getAttribute('aria-pressed'), 'true');

  await tl.select('contest-2011');
  assert.equal(tl.hash(), '#event=contest-2011');
  await tl.select('global-internet-forum-trip');

  await tl.page.goBack();
  await tl.waitForDetail('contest-2011');
  await tl.page.goBack();
  await tl.waitForDetail('attacks-2017');
  await tl.page.goForward();
  await tl.waitForDetail('contest-2011');
  assert.equal(await tl.event('contest-2011').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('keyboard alone reaches every event in time order and selects it', async () => {
  const tl = await open();
  const { keyboard } = tl.page;
  const order = await tl.drawnEventIds();
  const key = (e) => `${e.date.start ?? e.date} ${e.id}`;
  const byTime = [...seeds.events].sort((a, b) => key(a).localeCompare(key(b))).map((e) => e.id);
  assert.deepEqual(order, byTime, 'events are drawn in time order');
  const reached = [];
  for (let i = 0; i < 40 && reached.length < order.length; i++) {
    await keyboard.press('Tab');
    const id = await tl.focusedEventId();
    if (id && !reached.includes(id)) reached.push(id);
  }
  assert.deepEqual(reached, order, 'Tab visits the events in the order drawn (time order)');
  // Enter and Space select.
  await tl.event(order[0]).focus();
  await keyboard.press('Enter');
  await tl.waitForDetail(order[0]);
  await tl.event(order[1]).focus();
  await keyboard.press('Space');
  await tl.waitForDetail(order[1]);
  // Zoom and fit from the keyboard.
  await keyboard.press('Home');
  const fit = await tl.tickDays();
  for (let i = 0; i < 8; i++) await keyboard.press('+');
  assert.ok(await tl.tickDays() < fit / 10, '+ zooms in to finer ticks');
  await keyboard.press('-');
  await keyboard.press('ArrowLeft');
  await keyboard.press('Home');
  assert.equal(await tl.tickDays(), fit, 'Home fits all');
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('zooming from the keyboard keeps the focus on the event that has it', async () => {
  // Each label keeps its element while it stays in view: a reused element would carry the focus
  // over to another event (or drop it) as the events before it leave the view.
  const tl = await open();
  for (const id of ['attacks-2017', 'contest-2018-launch', 'global-internet-forum-trip']) {
    await tl.page.keyboard.press('Home');
    await tl.event(id).focus();
    for (let i = 0; i < 10; i++) {
      await tl.page.keyboard.press('+');
      await tl.page.waitForTimeout(50);
      assert.equal(await tl.focusedEventId(), id, `the focus after ${i + 1} zoom steps in on ${id}`);
    }
  }
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('wheel zoom changes the tick level, centred on the cursor', async () => {
  const tl = await open();
  const fit = await tl.tickDays();
  const trip = tl.event('global-internet-forum-trip');
  const marker = tl.marker('global-internet-forum-trip');
  const x = (await marker.boundingBox()).x + (await marker.boundingBox()).width / 2;
  // Four notches with the cursor on the marker (the lanes change height as the view zooms, so the
  // cursor follows the marker up and down but keeps its x); after each, wait until the page has
  // applied it (input is applied once per animation frame).
  for (let i = 0; i < 4; i++) {
    const box = await marker.boundingBox();
    await tl.wheel(x, box.y + box.height / 2, -240);
  }
  assert.ok(await tl.tickDays() < fit / 5, 'wheel zooms in to finer ticks');
  assert.ok(['months', 'days'].includes(await tl.tickUnit()), `zoomed to ${await tl.tickUnit()}`);
  const after = await marker.boundingBox();
  assert.ok(Math.abs(after.x + after.width / 2 - x) < 30, 'the point under the cursor stays put');
  assert.ok(await trip.isVisible());
  // Drag pans.
  const before = (await marker.boundingBox()).x;
  // In the plot, above the axis (where the page puts it does not matter).
  const plot = await tl.locator('#app .plot').boundingBox();
  const y = plot.y + plot.height / 3;
  await tl.drag([640, y], [540, y]);
  const moved = (await marker.boundingBox())?.x;
  assert.ok(moved !== undefined && Math.abs(moved - (before - 100)) < 3, `dragged 100px: ${before} -> ${moved}`);
  assert.equal(tl.hash(), '', 'a drag is not a click');
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('two-finger pinch zooms about the fingers', async () => {
  const tl = await open('', { width: 390, height: 844 });
  const fit = await tl.tickDays();
  // Touch pointers, as a phone sends them: two down, spread apart, up.
  await tl.pinchOut();
  assert.ok(await tl.tickDays() < fit, 'pinching out zooms in');
  assert.equal(tl.hash(), '', 'a pinch selects nothing');
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

// Screenshots only: the check is that each page loads, selects from its link and logs no error.
test('the page starts without a layout shift, on desktop and phone', async () => {
  for (const viewport of VIEWPORTS) {
    const tl = await TimelinePage.openRecordingShifts(browser.context, server.url, { viewport });
    // Lanes take their height from their class at the first paint, the first layout uses the
    // width the plot will have, and placed elements show only once placed.
    assert.ok((await tl.layoutShift()) <= 0.001, `layout shift ${await tl.layoutShift()} at ${viewport.width}px`);
    await tl.close();
  }
});

test('screenshots: desktop and phone, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
      const tl = await TimelinePage.open(browser.context, 'about:blank', { viewport, wait: false });
      await tl.page.emulateMedia({ colorScheme: scheme });
      await tl.page.goto(`${server.url}#event=contest-2018-launch`);
      await tl.waitForDetail('contest-2018-launch');
      await screenshot(tl.page, `seed-${name}-${scheme}`);
      assert.deepEqual(tl.errors, []);
      await tl.close();
    }
  }
});
