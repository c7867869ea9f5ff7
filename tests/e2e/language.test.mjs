// The reader's language: `lang=` (or TimelineJS3's `language=`), else the browser's. The interface's
// words come from its translation, dates and numbers from the browser's Intl in that locale, and a
// language written right to left mirrors the page while time still runs left to right.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, serveSynthetic, launch, screenshot } from './harness.mjs';
import { TimelinePage } from './pages.mjs';

let server, browser, spanish;

before(async () => {
  server = await serve();
  browser = await launch();
  spanish = await launch({ locale: 'es-ES' });
});
after(async () => {
  await browser?.close();
  await spanish?.close();
  await server?.close();
});

/** What the page says in a few places, and what Intl says the launch date is in `tag`. */
const sample = (tl, tag) => tl.page.evaluate((tag) => ({
  lang: document.documentElement.lang,
  dir: document.documentElement.dir,
  fit: document.querySelector('#app .toolbar .tool:last-of-type')?.textContent,
  zoomIn: document.querySelector('#app .toolbar .tool:nth-of-type(2)')?.getAttribute('aria-label'),
  placeholder: document.querySelector('#search')?.placeholder,
  date: document.querySelector('[data-detail-for] .date-long')?.textContent,
  previous: document.querySelector('.story-previous')?.textContent,
  label: document.querySelector('#app .plot [data-event-id="contest-2018-launch"] .event-date')?.textContent,
  range: document.querySelector('#app .toolbar .range')?.textContent,
  intlLong: new Intl.DateTimeFormat(tag, { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(Date.UTC(2018, 5, 4)),
  intlShort: new Intl.DateTimeFormat(tag, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }).format(Date.UTC(2018, 5, 4)),
  blank: [...document.querySelectorAll('#app button, #app h2, #app h3, #app dt, #app label, #app summary')]
    .filter((el) => el.getClientRects().length && !el.textContent.trim() && !el.getAttribute('aria-label')).map((el) => el.outerHTML.slice(0, 80)),
}), tag);

const english = { fit: 'Fit all', zoomIn: 'Zoom in', placeholder: 'Search events and sources', previous: '‹ Previous' };

test('lang= picks the translation; dates come from Intl in that locale; every word is there, never blank', async () => {
  for (const tag of ['fr', 'de-AT', 'es', 'it', 'pt-BR', 'nl', 'pl', 'ja', 'zh', 'he', 'ar']) {
    const tl = await TimelinePage.open(browser.context, `${server.url}?lang=${tag}#event=contest-2018-launch`);
    await tl.waitForDetail('contest-2018-launch');
    const s = await sample(tl, tag);
    assert.equal(s.lang, tag, `${tag}: <html lang>`);
    assert.equal(s.dir, ['ar', 'he'].includes(tag) ? 'rtl' : 'ltr', `${tag}: direction`);
    for (const [key, words] of Object.entries(english)) assert.notEqual(s[key], words, `${tag}: ${key} is translated`);
    assert.equal(s.date, s.intlLong, `${tag}: the detail's date is Intl's`);
    assert.equal(s.label, s.intlShort, `${tag}: the label's date is Intl's`);
    assert.deepEqual(s.blank, [], `${tag}: nothing blank`);
    assert.deepEqual(tl.errors, []);
    await tl.close();
  }
});

test('without lang=, the browser\'s language; English stays as it was; a language with no translation falls back to English words', async () => {
  const es = await TimelinePage.open(spanish.context, `${server.url}#event=contest-2018-launch`);
  await es.waitForDetail('contest-2018-launch');
  const s = await sample(es, 'es-ES');
  assert.equal(s.lang, 'es-ES');
  assert.notEqual(s.fit, english.fit);
  assert.equal(s.date, s.intlLong);
  await es.close();
  const en = await TimelinePage.open(browser.context, `${server.url}#event=contest-2018-launch`);
  await en.waitForDetail('contest-2018-launch');
  const e = await sample(en, 'en-GB');
  assert.match(e.lang, /^en/, 'the page\'s own language, untouched');
  assert.equal(e.dir, '');
  assert.deepEqual([e.fit, e.zoomIn, e.placeholder, e.previous, e.date], [...Object.values(english), 'Monday 4 June 2018']);
  await en.close();
  const other = await TimelinePage.open(browser.context, `${server.url}?lang=sw#event=contest-2018-launch`);
  await other.waitForDetail('contest-2018-launch');
  const o = await sample(other, 'sw');
  assert.equal(o.fit, english.fit, 'no Swahili translation: English words');
  assert.equal(o.date, o.intlLong, 'but Swahili dates, which the browser knows');
  assert.deepEqual(other.errors, []);
  await other.close();
});

test('right to left: the page is mirrored, time still runs left to right (screenshots, light and dark, desktop and phone)', async () => {
  for (const [name, viewport, scheme] of [['desktop', { width: 1280, height: 900 }, 'light'], ['phone-dark', { width: 390, height: 844 }, 'dark']]) {
    const tl = await TimelinePage.open(browser.context, 'about:blank', { wait: false, viewport });
    await tl.page.emulateMedia({ colorScheme: scheme });
    await tl.page.goto(`${server.url}?lang=ar#event=contest-2018-launch`);
    await tl.waitForDetail('contest-2018-launch');
    const boxes = await tl.page.evaluate(() => {
      const box = (s) => document.querySelector(s)?.getBoundingClientRect();
      return {
        firstTool: box('#app .toolbar .tool'), range: box('#app .toolbar .range'),
        early: box('#app .plot [data-event-id="contest-2011"]'), late: box('#app .plot [data-event-id="global-internet-forum-trip"]'),
        search: box('#search'), filters: box('.search-filters summary'),
      };
    });
    assert.ok(boxes.early.left < boxes.late.left, `${name}: 2011 left of 2018 (time runs left to right)`);
    if (viewport.width > 600) {
      assert.ok(boxes.search.left > boxes.filters.left, `${name}: the search box right of its filters (mirrored)`);
      assert.ok(boxes.firstTool.left > boxes.range.left, `${name}: the toolbar starts at the right`);
    }
    await screenshot(tl.page, `language-ar-${name}`, { fullPage: false });
    assert.deepEqual(tl.errors, []);
    await tl.close();
  }
  for (const [name, viewport, scheme] of [['desktop', { width: 1280, height: 900 }, 'dark'], ['phone', { width: 390, height: 844 }, 'light']]) {
    const tl = await TimelinePage.open(browser.context, 'about:blank', { wait: false, viewport });
    await tl.page.emulateMedia({ colorScheme: scheme });
    await tl.page.goto(`${server.url}?lang=fr#event=contest-2018-launch&tracks=document`);
    await tl.waitForDetail('contest-2018-launch');
    await screenshot(tl.page, `language-fr-${name}`, { fullPage: false });
    await tl.close();
  }
});

test('a ?src= timeline in French: its event list and a cluster\'s list speak French, with Intl\'s dates', async () => {
  const synthetic = await serveSynthetic(10_000);
  try {
    // One day of 2020, where the year's events share a start and are listed, not zoomed.
    const tl = await TimelinePage.open(browser.context,
      `${server.url}?lang=fr&src=${encodeURIComponent(synthetic.url)}&start=2020-06-10&end=2020-06-11#tracks=none`, { wait: false });
    const year = tl.locator('#app .plot .event.cluster', { hasText: /2020$/ }).first();
    await year.waitFor({ timeout: 60_000 });
    await tl.whole();
    const heading = await tl.locator('#event-list-heading').textContent();
    assert.ok(heading.includes("10") && !heading.includes("events, in time order"), heading);
    await year.click();
    await tl.clusterList().waitFor();
    const listHeading = await tl.locator('.cluster-list h2').textContent();
    const intl = await tl.page.evaluate(() => new Intl.DateTimeFormat('fr', { timeZone: 'UTC', year: 'numeric' }).format(Date.UTC(2020, 0, 1)));
    assert.ok(listHeading.endsWith(intl) && !/events that start/.test(listHeading), listHeading);
    assert.notEqual(await tl.locator('.cluster-list .close').getAttribute('aria-label'), 'Close the list');
    assert.deepEqual(tl.errors, []);
    await tl.close();
  } finally {
    await synthetic.close();
  }
});
