// The seed timeline in the release build, end to end in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, screenshot, seedTexts } from './harness.mjs';

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

async function open(hash = '', viewport) {
  const { page, errors } = await newPage(browser.context, viewport);
  await page.goto(server.url + hash);
  await page.waitForSelector('[data-event-id]');
  return { page, errors };
}

const ev = (id) => `[data-event-id="${id}"]`;

/** The axis's tick step as a nominal number of days (finer zoom, smaller step). */
async function tickDays(page) {
  const axis = page.locator('.axis');
  const unit = await axis.getAttribute('data-tick-unit');
  const step = Number(await axis.getAttribute('data-tick-step'));
  return step * { hours: 1 / 24, days: 1, months: 30.44, years: 365.25 }[unit];
}

/** True if the element's box is on screen and it is the topmost thing at its centre. */
async function clickable(page, id) {
  return page.locator(ev(id)).evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 10 || r.height < 10 || r.right < 0 || r.left > innerWidth) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return el.contains(hit);
  });
}

test('the four required events are visible and clickable at the fit-all view, with their dates', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const { page, errors } = await open('', viewport);
    for (const { id, date, long } of REQUIRED) {
      const button = page.locator(ev(id));
      await button.scrollIntoViewIfNeeded();
      assert.ok(await button.isVisible(), `${id} visible at ${viewport.width}px`);
      assert.ok(await clickable(page, id), `${id} not covered by anything at ${viewport.width}px`);
      assert.match(await button.textContent(), new RegExp(date));
      const name = await button.getAttribute('aria-label');
      assert.ok(name.includes(long ?? date), `accessible name "${name}" has the date`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('labels never overlap at the fit-all view', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const { page } = await open('', viewport);
    const boxes = await page.$$eval('[data-event-id]', (els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.dataset.eventId, l: r.left, r: r.right, t: r.top, b: r.bottom };
    }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const overlap = a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;
        assert.ok(!overlap, `${a.id} overlaps ${b.id} at ${viewport.width}px`);
      }
    }
    await page.close();
  }
});

test('clicking each event shows every passage, as it stands in the seed text', async () => {
  const { page, errors } = await open();
  for (const event of seeds.events) {
    await page.locator(ev(event.id)).click();
    await page.waitForSelector(`[data-detail-for="${event.id}"]`);
    const shown = await page.$$eval('[data-passage]', (figs) => figs.map((f) => ({
      doc: f.dataset.documentId,
      exact: f.querySelector('mark').textContent,
      quote: f.querySelector('blockquote').textContent,
    })));
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
    const title = await page.locator('.detail h2').textContent();
    assert.equal(title, event.title);
  }
  // Dates as people read them, with precision and basis.
  await page.locator(ev('attacks-2017')).click();
  await page.locator(ev('global-internet-forum-trip')).click();
  assert.equal(await page.locator('.date-long').textContent(), 'Friday 8 June 2018');
  assert.match(await page.locator('.facts').textContent(), /Known to the day/);
  await page.locator(ev('contest-2011')).click();
  assert.equal(await page.locator('.date-long').textContent(), '2011');
  assert.match(await page.locator('.facts').textContent(), /Known to the year/);
  // Both documents back the launch.
  await page.locator(ev('contest-2018-launch')).click();
  const docs = new Set(await page.$$eval('[data-passage]', (f) => f.map((x) => x.dataset.documentId)));
  assert.equal(docs.size, 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('"Show in source" opens the whole document with the passage highlighted in view', async () => {
  const { page, errors } = await open('#event=global-internet-forum-trip');
  await page.waitForSelector('[data-detail-for="global-internet-forum-trip"]');
  await page.locator('.show-source').first().click();
  const dialog = page.locator('dialog.source[open]');
  await dialog.waitFor();
  const mark = dialog.locator('mark');
  const event = seeds.events.find((e) => e.id === 'global-internet-forum-trip');
  assert.equal(await mark.textContent(), event.passages[0].quote.exact);
  assert.equal(await dialog.locator('.source-text').textContent(), seeds.texts[event.passages[0].document]);
  assert.ok(await mark.evaluate((m) => {
    const box = m.getBoundingClientRect();
    const pane = m.closest('.source-text').getBoundingClientRect();
    return box.top >= pane.top && box.bottom <= pane.bottom;
  }), 'highlight scrolled into view');
  await screenshot(page, 'source-dialog-desktop', { fullPage: false });
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog.source', { state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('an #event= link selects on load, and back/forward step through selections', async () => {
  const { page, errors } = await open('#event=attacks-2017');
  await page.waitForSelector('[data-detail-for="attacks-2017"]');
  assert.equal(await page.locator(ev('attacks-2017')).getAttribute('aria-pressed'), 'true');

  await page.locator(ev('contest-2011')).click();
  await page.waitForSelector('[data-detail-for="contest-2011"]');
  assert.equal(new URL(page.url()).hash, '#event=contest-2011');
  await page.locator(ev('global-internet-forum-trip')).click();
  await page.waitForSelector('[data-detail-for="global-internet-forum-trip"]');

  await page.goBack();
  await page.waitForSelector('[data-detail-for="contest-2011"]');
  await page.goBack();
  await page.waitForSelector('[data-detail-for="attacks-2017"]');
  await page.goForward();
  await page.waitForSelector('[data-detail-for="contest-2011"]');
  assert.equal(await page.locator(ev('contest-2011')).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard alone reaches every event in time order and selects it', async () => {
  const { page, errors } = await open();
  const order = await page.$$eval('[data-event-id]', (els) => els.map((e) => e.dataset.eventId));
  const key = (e) => `${e.date.start ?? e.date} ${e.id}`;
  const byTime = [...seeds.events].sort((a, b) => key(a).localeCompare(key(b))).map((e) => e.id);
  assert.deepEqual(order, byTime, 'events are drawn in time order');
  const reached = [];
  for (let i = 0; i < 40 && reached.length < order.length; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.dataset?.eventId ?? null);
    if (id && !reached.includes(id)) reached.push(id);
  }
  assert.deepEqual(reached, order, 'Tab visits the events in the order drawn (time order)');
  // Enter and Space select.
  await page.locator(ev(order[0])).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector(`[data-detail-for="${order[0]}"]`);
  await page.locator(ev(order[1])).focus();
  await page.keyboard.press('Space');
  await page.waitForSelector(`[data-detail-for="${order[1]}"]`);
  // Zoom and fit from the keyboard.
  await page.keyboard.press('Home');
  const fit = await tickDays(page);
  for (let i = 0; i < 8; i++) await page.keyboard.press('+');
  assert.ok(await tickDays(page) < fit / 10, '+ zooms in to finer ticks');
  await page.keyboard.press('-');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Home');
  assert.equal(await tickDays(page), fit, 'Home fits all');
  assert.deepEqual(errors, []);
  await page.close();
});

test('wheel zoom changes the tick level, centred on the cursor', async () => {
  const { page, errors } = await open();
  const unit = () => page.locator('.axis').getAttribute('data-tick-unit');
  const fit = await tickDays(page);
  const trip = page.locator(ev('global-internet-forum-trip'));
  const marker = page.locator('[data-marker-for="global-internet-forum-trip"]');
  const box = await marker.boundingBox();
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + 40);
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, -240);
    await page.waitForTimeout(30);
  }
  assert.ok(await tickDays(page) < fit / 5, 'wheel zooms in to finer ticks');
  assert.ok(['months', 'days'].includes(await unit()), `zoomed to ${await unit()}`);
  const after = await marker.boundingBox();
  assert.ok(Math.abs(after.x + after.width / 2 - x) < 30, 'the point under the cursor stays put');
  assert.ok(await trip.isVisible());
  // Drag pans.
  const before = (await marker.boundingBox()).x;
  await page.mouse.move(640, 300);
  await page.mouse.down();
  await page.mouse.move(540, 300, { steps: 5 });
  await page.mouse.up();
  const moved = (await marker.boundingBox())?.x;
  assert.ok(moved !== undefined && Math.abs(moved - (before - 100)) < 3, `dragged 100px: ${before} -> ${moved}`);
  assert.equal(new URL(page.url()).hash, '', 'a drag is not a click');
  assert.deepEqual(errors, []);
  await page.close();
});

test('two-finger pinch zooms about the fingers', async () => {
  const { page, errors } = await open('', { width: 390, height: 844 });
  const fit = await tickDays(page);
  // Touch pointers, as a phone sends them: two down, spread apart, up.
  await page.locator('.plot').evaluate(async (plot) => {
    const r = plot.getBoundingClientRect();
    const y = r.top + r.height - 30;
    const cx = r.left + r.width * 0.8;
    const fire = (type, id, x) => plot.dispatchEvent(new PointerEvent(type, {
      pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: x, clientY: y, bubbles: true, button: 0,
    }));
    fire('pointerdown', 1, cx - 10);
    fire('pointerdown', 2, cx + 10);
    for (let d = 10; d <= 150; d += 10) {
      fire('pointermove', 1, cx - d);
      fire('pointermove', 2, cx + d);
      await new Promise(requestAnimationFrame);
    }
    fire('pointerup', 1, cx - 150);
    fire('pointerup', 2, cx + 150);
  });
  assert.ok(await tickDays(page) < fit, 'pinching out zooms in');
  assert.equal(new URL(page.url()).hash, '', 'a pinch selects nothing');
  assert.deepEqual(errors, []);
  await page.close();
});

test('screenshots: desktop and phone, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
      const { page, errors } = await newPage(browser.context, viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${server.url}#event=contest-2018-launch`);
      await page.waitForSelector('[data-detail-for="contest-2018-launch"]');
      await screenshot(page, `seed-${name}-${scheme}`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  }
});
