// ?src=<url>: timelines from elsewhere (our JSON or TimelineJS3's), with plain-words errors, and
// data text never run as HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, newPage } from './harness.mjs';

let app, data, closed, browser;
const XSS = '<img src=x onerror="window.pwned=1">';

before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'citeline-data-'));
  await writeFile(join(dir, 'tjs.json'), JSON.stringify({
    title: { text: { headline: 'Bridge history' } },
    events: [
      { start_date: { year: '2015', month: '3', day: '4' }, text: { headline: 'Plan agreed', text: '<p>The council agreed the plan.</p>' } },
      { start_date: { year: 2016 }, end_date: { year: 2018, month: 6 }, text: { headline: `Construction ${XSS}` }, group: 'Works' },
    ],
    eras: [{ start_date: { year: 2015 }, end_date: { year: 2016, month: 6 }, text: { headline: 'Planning' } }],
  }));
  await writeFile(join(dir, 'bad.json'), '{"events": [');
  await writeFile(join(dir, 'ours.json'), JSON.stringify({
    format: 'citeline-timeline', version: 1, title: `Ours ${XSS}`,
    documents: [{ id: 'd', title: `Doc ${XSS}`, publisher: 'P', text: `It opened on 2 May 2016. ${XSS}` }],
    events: [{
      id: 'open', title: `Opened ${XSS}`, summary: XSS, date: '2016-05-02',
      date_basis: { kind: 'stated', explanation: XSS },
      passages: [{ document: 'd', supports: ['date'], quote: { exact: '2 May 2016', prefix: 'It opened on ', suffix: '.' }, position: { start: 13, end: 23 } }],
    }],
  }));
  app = await serve();
  data = await serve(dir, { cors: true });
  closed = await serve(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of [app, data, closed]) await s?.close();
});

async function open(src) {
  const { page, errors } = await newPage(browser.context);
  await page.goto(`${app.url}?src=${encodeURIComponent(src)}`);
  return { page, errors };
}

test('TimelineJS3 JSON from another origin is drawn, each event quoting its own text', async () => {
  const { page, errors } = await open(`${data.url}tjs.json`);
  await page.waitForSelector('[data-event-id="event-1"]');
  assert.equal(await page.locator('.subtitle').textContent(), 'Bridge history');
  assert.equal(await page.locator('.era .era-title').textContent(), 'Planning', 'eras are drawn as bands');
  await page.locator('[data-event-id="event-1"]').click();
  assert.equal(await page.locator('[data-passage] mark').textContent(), 'Plan agreed. The council agreed the plan.');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});

test('our own format loads, and text that looks like HTML stays text', async () => {
  const { page } = await open(`${data.url}ours.json`);
  await page.waitForSelector('[data-event-id="open"]');
  await page.locator('[data-event-id="open"]').click();
  await page.locator('.show-source').click();
  await page.waitForSelector('dialog.source[open]');
  assert.ok((await page.locator('.detail-header h2').textContent()).includes(XSS), 'the title shows the markup as text');
  assert.ok((await page.locator('.source-text').textContent()).includes(XSS));
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'no element was made from data');
  assert.equal(await page.evaluate(() => window.pwned), undefined, 'nothing ran');
  await page.close();
});

test('errors are shown in the page in plain words, with the URL', async () => {
  const cases = [
    [`${data.url}missing.json`, /answered 404/],
    [`${data.url}bad.json`, /not valid JSON/],
    [`${closed.url}tjs.json`, /CORS/],
    [`${app.url}index.html`, /not valid JSON/],
  ];
  for (const [url, pattern] of cases) {
    const { page } = await open(url);
    const alert = page.locator('.load-error');
    await alert.waitFor();
    const text = await alert.textContent();
    assert.match(text, pattern, url);
    assert.ok(text.includes(url), `the message names ${url}`);
    await page.close();
  }
});
