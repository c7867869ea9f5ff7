// ?src=<url>: timelines from elsewhere (our JSON or TimelineJS3's), with plain-words errors, and
// data text never run as HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { serve, launch, newPage, screenshot } from './harness.mjs';
import { TimelinePage } from './pages.mjs';
import { generate } from '../../bench/gen-data.mjs';

let app, data, closed, browser;
const XSS = '<img src=x onerror="window.pwned=1">';

before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'citeline-data-'));
  await writeFile(join(dir, 'tjs.json'), JSON.stringify({
    title: { text: { headline: 'Bridge history', text: '<p>From <i>plan</i> to opening.</p>' } },
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
  // The same file as a newer version might write it: a version number and fields this one does not know.
  const ours = JSON.parse(await readFile(join(dir, 'ours.json'), 'utf8'));
  await writeFile(join(dir, 'newer.json'), JSON.stringify({
    ...ours, version: 2, theme: 'dark',
    documents: ours.documents.map((d) => ({ ...d, licence: 'CC BY' })),
    events: ours.events.map((e) => ({ ...e, soundtrack: { url: 'https://example.org/a.mp3' } })),
  }));
  // A document that says where it is: a page on this test's own server, with the text far down.
  const sourceText = 'Before that, talks. It opened on 2 May 2016, after years of work.';
  await writeFile(join(dir, 'source.html'), `<!doctype html><title>The source</title><div style="height:3000px">Top</div><p>${sourceText}</p><div style="height:3000px"></div>`);
  await writeFile(join(dir, 'sourced.json'), JSON.stringify({
    format: 'citeline-timeline', version: 1, title: 'Sourced',
    documents: [{ id: 'd', title: 'The source', publisher: 'P', text: sourceText, url: 'SOURCE_URL', archived_url: 'javascript:window.pwned=1', accessed: '2026-11-30' }],
    events: [{
      id: 'open', title: 'Opened', summary: 'It opened.', date: '2016-05-02',
      date_basis: { kind: 'stated', explanation: 'Stated.' },
      passages: [{ document: 'd', supports: ['date'], quote: { exact: '2 May 2016', prefix: 'It opened on ', suffix: ', after' }, position: { start: 33, end: 43 } }],
    }],
  }));
  // TimelineJS3 slides with media, as its template writes them: a picture with caption, credit
  // and alt text; a video alone; a picture that is not there; a background picture.
  await writeFile(join(dir, 'bridge.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 400"><rect width="800" height="400" fill="#9cc3e6"/><path d="M0 300 Q400 80 800 300" stroke="#35475c" stroke-width="18" fill="none"/><rect y="300" width="800" height="100" fill="#3d6b8f"/></svg>');
  await writeFile(join(dir, 'media.json'), JSON.stringify({
    title: { text: { headline: 'Bridge in pictures' }, media: { url: 'BASE/bridge.svg', caption: 'The river crossing', credit: 'City Council', alt: 'The bridge from the river' } },
    events: [
      { start_date: { year: 2015, month: 3 }, text: { headline: 'Plans shown', text: '<p>The council showed the plans.</p>' },
        media: { url: 'BASE/bridge.svg', caption: 'The <b>design</b>', credit: 'Drawing: City Council', alt: 'A drawing of an arched bridge over water', link: 'https://example.org/plans' } },
      { start_date: { year: 2016, month: 5 }, media: { url: 'https://www.youtube.com/watch?v=abc123' }, unique_id: 'video' },
      { start_date: { year: 2017, month: 1 }, text: { headline: 'Lost photo' }, media: { url: 'BASE/missing.png', caption: 'Gone' }, unique_id: 'lost' },
      { start_date: { year: 2018, month: 6 }, text: { headline: 'Opened' }, background: { url: 'BASE/bridge.svg', color: '#223' }, unique_id: 'opened' },
    ],
  }));
  // TimelineJS3's Google Sheets template, published as CSV: a title row, events, an era, a bad row.
  await writeFile(join(dir, 'sheet.csv'), [
    'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background',
    ',,,,,,,,,Bridge from a sheet,<p>As the newsroom keeps it.</p>,,,,,title,,',
    '2015,3,4,,,,,,,Plan agreed,"<p>The council agreed the plan, at last.</p>",,,,,,Council,',
    '2016,,,,2018,6,,,,Construction,,,,,,,Works,',
    '2019,2,30,,,,,,,No such day,,,,,,,,',
    '2015,,,,2016,6,,,,Planning,,,,,,era,,',
  ].join('\r\n'));
  // Deep history as TimelineJS3 writes it: negative years are BCE, with no year 0.
  await writeFile(join(dir, 'ancient.json'), JSON.stringify({
    title: { text: { headline: 'Rome' } },
    events: [
      { start_date: { year: -753 }, text: { headline: 'Rome founded' }, unique_id: 'founded' },
      { start_date: { year: -509 }, text: { headline: 'The Republic' }, unique_id: 'republic' },
      { start_date: { year: -44, month: 3, day: 15 }, text: { headline: 'Caesar assassinated' }, unique_id: 'caesar' },
      { start_date: { year: 476 }, text: { headline: 'Last western emperor deposed' }, unique_id: 'fall' },
    ],
    eras: [{ start_date: { year: -27 }, end_date: { year: 476 }, text: { headline: 'The Empire' } }],
  }));
  // TimelineJS3's cosmological scale, as its cosmology template writes it: years alone, billions back.
  await writeFile(join(dir, 'cosmos.json'), JSON.stringify({
    scale: 'cosmological',
    title: { text: { headline: 'The history of everything' } },
    events: [
      { start_date: { year: '-13800000000' }, text: { headline: 'Big Bang' }, unique_id: 'bang' },
      { start_date: { year: -4540000000 }, text: { headline: 'Earth forms' }, unique_id: 'earth' },
      { start_date: { year: -3700000000 }, text: { headline: 'First life' }, unique_id: 'life' },
      { start_date: { year: -66000000 }, text: { headline: 'Dinosaurs die out' }, unique_id: 'dinosaurs' },
      { start_date: { year: -300000 }, text: { headline: 'Homo sapiens' }, unique_id: 'sapiens' },
    ],
  }));
  // Dates a source is unsure of, or gives only roughly (EDTF level 1).
  const fuzzyText = 'The mill opened about 1850. Trade grew in the 1870s. The strike was probably in June 1911. The town grew through the 1900s. The old ferry ran until 1862. The canal has carried barges since 1880.';
  const at = (q) => ({ exact: q, prefix: '', suffix: '' });
  const pos = (q) => ({ start: [...fuzzyText.slice(0, fuzzyText.indexOf(q))].length, end: [...fuzzyText.slice(0, fuzzyText.indexOf(q) + q.length)].length });
  await writeFile(join(dir, 'fuzzy.json'), JSON.stringify({
    format: 'citeline-timeline', version: 1, title: 'The mill town',
    documents: [{ id: 'd', title: 'Town history', publisher: 'Local society', text: fuzzyText }],
    events: [
      ['mill', 'Mill opens', '1850~', 'The mill opened about 1850.'],
      ['trade', 'Trade grows', '187X', 'Trade grew in the 1870s.'],
      ['strike', 'The strike', '1911-06?', 'The strike was probably in June 1911.'],
      ['growth', 'The town grows', '19XX', 'The town grew through the 1900s.'],
      ['ferry', 'The old ferry', '../1862', 'The old ferry ran until 1862.'],
      ['canal', 'Barges on the canal', '1880/..', 'The canal has carried barges since 1880.'],
    ].map(([id, title, date, q]) => ({ id, title, summary: q, date, date_basis: { kind: 'stated', explanation: 'Stated.' },
      passages: [{ document: 'd', supports: ['date', 'description'], quote: at(q), position: pos(q) }] })),
  }));
  app = await serve();
  data = await serve(dir, { cors: true });
  await writeFile(join(dir, 'media.json'), (await readFile(join(dir, 'media.json'), 'utf8')).replaceAll('BASE/', data.url));
  const sourced = await readFile(join(dir, 'sourced.json'), 'utf8');
  await writeFile(join(dir, 'sourced.json'), sourced.replace('SOURCE_URL', `${data.url}source.html`));
  closed = await serve(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of [app, data, closed]) await s?.close();
});

/** The app with `?src=` set to `src`, in a new page (not waiting for events: some sources fail). */
const open = (src) => TimelinePage.open(browser.context, `${app.url}?src=${encodeURIComponent(src)}`, { wait: false });

test('TimelineJS3 JSON from another origin is drawn, each event quoting its own text', async () => {
  const tl = await open(`${data.url}tjs.json`);
  await tl.event('event-1').waitFor();
  assert.equal(await tl.locator('.subtitle').textContent(), 'Bridge history');
  assert.equal(await tl.locator('.masthead .description').textContent(), 'From plan to opening.', 'the title slide\'s text');
  assert.equal(await tl.locator('.era .era-title').textContent(), 'Planning', 'eras are drawn as bands');
  await tl.event('event-1').click();
  assert.equal(await tl.passageMark(), 'Plan agreed. The council agreed the plan.');
  assert.equal(await tl.page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('our own format loads, and text that looks like HTML stays text', async () => {
  const tl = await open(`${data.url}ours.json`);
  await tl.event('open').waitFor();
  await tl.event('open').click();
  assert.equal(await tl.locator('.show-source').count(), 1, 'one passage, one "Show in source"');
  await tl.showSource();
  assert.ok((await tl.locator('.detail-header h2').textContent()).includes(XSS), 'the title shows the markup as text');
  assert.ok((await tl.locator('.source-text').textContent()).includes(XSS));
  assert.equal(await tl.locator('img[src="x"]').count(), 0, 'no element was made from data');
  assert.equal(await tl.page.evaluate(() => window.pwned), undefined, 'nothing ran');
  await tl.close();
});

test('a file from a newer version loads all it can, and says what it left out', async () => {
  const tl = await open(`${data.url}newer.json`);
  await tl.event('open').waitFor();
  const problems = await tl.locator('.diagnostics').textContent();
  for (const field of ['version', 'theme', 'licence', 'soundtrack']) assert.match(problems, new RegExp(`\\b${field}\\b`), problems);
  assert.match(problems, /not a field this version of Citeline knows/);
  await tl.event('open').click();
  assert.equal(await tl.locator('.show-source').count(), 1, 'its document and passage were kept');
  await tl.close();
});

test('a passage opens at its source with the quote marked; an address that is not a web one is only text', async () => {
  const tl = await open(`${data.url}sourced.json`);
  await tl.event('open').click();
  const link = tl.locator('.detail .at-source a');
  assert.equal(await link.count(), 1, 'only the web address is a link');
  assert.equal(await link.textContent(), 'Open at the source');
  assert.equal(await link.getAttribute('aria-label'), 'Open at the source: The source (opens in a new tab)');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  const href = await link.getAttribute('href');
  assert.equal(href, `${data.url}source.html#:~:text=opened%20on-,2%20May%202016`);
  assert.match(await tl.locator('.detail .at-source').textContent(), /Archived copy: javascript:window\.pwned=1.*accessed Monday 30 November 2026/);
  await link.scrollIntoViewIfNeeded();
  await screenshot(tl.page, 'src-at-source', { fullPage: false });
  // The browser finds the quote on the page: it scrolls to it.
  const source = await tl.page.context().newPage();
  await source.goto(href);
  await source.waitForFunction(() => scrollY > 2000, null, { timeout: 5_000 });
  await source.close();
  assert.equal(await tl.page.evaluate(() => window.pwned), undefined);
  await tl.close();
});

test('TimelineJS3 media: a picture in a frame that does not move, a link card for a video, a card for a picture that fails', async () => {
  const tl = await open(`${data.url}media.json`);
  await tl.event('event-1').waitFor();
  // The title slide's picture is the timeline's, under its title, in a smaller fixed frame.
  assert.equal(await tl.locator('.masthead .title-media img').getAttribute('alt'), 'The bridge from the river');
  assert.equal(await tl.locator('.masthead .title-media figcaption').textContent(), 'The river crossingCity Council');
  assert.equal((await tl.locator('.masthead .title-media .media-frame').boundingBox()).height, 200, 'clamp(120px, 24vw, 200px) at 1280 px');
  await tl.page.waitForFunction(() => document.querySelector('.masthead .title-media img')?.naturalWidth > 0);
  await screenshot(tl.page, 'src-media-title', { fullPage: false });
  await tl.event('event-1').click();
  const picture = tl.locator('.detail .media-image img');
  assert.equal(await picture.getAttribute('alt'), 'A drawing of an arched bridge over water');
  assert.equal(await picture.getAttribute('loading'), 'lazy', 'never holds up the timeline');
  const frame = tl.locator('.detail .media-frame');
  const before = (await frame.boundingBox()).height;
  await tl.page.waitForFunction(() => document.querySelector('.detail .media-image img')?.naturalWidth > 0);
  assert.equal((await frame.boundingBox()).height, before, 'the frame has its height before the picture comes');
  assert.equal(before, 320, 'a fixed frame (clamp(160px, 36vw, 320px) at 1280 px)');
  assert.equal(await tl.locator('.detail .media figcaption').textContent(), 'The designDrawing: City Council');
  assert.equal(await tl.locator('.detail .media-frame a').getAttribute('href'), 'https://example.org/plans');
  await tl.locator('.detail .media').scrollIntoViewIfNeeded();
  await screenshot(tl.page, 'src-media-picture', { fullPage: false });

  await tl.event('video').click();
  const card = tl.locator('.detail a.media-card');
  assert.equal(await card.getAttribute('href'), 'https://www.youtube.com/watch?v=abc123');
  assert.equal(await card.locator('.media-kind').textContent(), 'Video · YouTube');
  assert.equal(await tl.detailTitle(), 'Video on YouTube', 'a slide of media alone is an event, named by what it is');
  await card.scrollIntoViewIfNeeded();
  await screenshot(tl.page, 'src-media-card', { fullPage: false });

  await tl.event('lost').click();
  await tl.locator('.detail .media-card .media-kind', { hasText: 'The picture could not be loaded' }).waitFor();
  assert.equal(await tl.locator('.detail a.media-card').getAttribute('href'), `${data.url}missing.png`);

  await tl.event('opened').click();
  assert.equal(await tl.locator('.detail .media-image img').getAttribute('src'), `${data.url}bridge.svg`, 'a background picture is shown');
  assert.deepEqual(tl.errors.filter((e) => !/Failed to load resource.*404/.test(e)), []);
  await tl.close();

  // On a phone: the frame is 36vw high at least 160 px, the picture within it.
  const phone = await TimelinePage.open(browser.context, `${app.url}?src=${encodeURIComponent(`${data.url}media.json`)}`, { wait: false, viewport: { width: 390, height: 844 } });
  await phone.event('event-1').waitFor();
  assert.equal((await phone.locator('.masthead .title-media .media-frame').boundingBox()).height, 120);
  await phone.event('event-1').click();
  await phone.page.waitForFunction(() => document.querySelector('.detail .media-image img')?.naturalWidth > 0);
  assert.equal((await phone.locator('.detail .media-frame').boundingBox()).height, 160);
  await phone.locator('.detail .media').scrollIntoViewIfNeeded();
  await screenshot(phone.page, 'src-media-phone', { fullPage: false });
  await phone.close();
});

test('a Google Sheet in TimelineJS3\'s columns, published as CSV, is drawn; a bad row is named by its number', async () => {
  const tl = await open(`${data.url}sheet.csv`);
  await tl.event('event-1').waitFor();
  assert.equal(await tl.locator('.subtitle').textContent(), 'Bridge from a sheet');
  assert.equal(await tl.locator('.era .era-title').textContent(), 'Planning');
  await tl.event('event-2').click();
  assert.equal(await tl.detailTitle(), 'Construction');
  assert.match(await tl.locator('.detail .date-long').textContent(), /2016 – June 2018/);
  const problems = await tl.locator('.diagnostics').textContent();
  assert.match(problems, /row 5 \("No such day"\), field Year, Month, Day, Time: there is no day 30 in 2019-02/);
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('years before 1 CE: BCE on the axis, in labels and details, with no year 0', async () => {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    const tl = await TimelinePage.open(browser.context, `${app.url}?src=${encodeURIComponent(`${data.url}ancient.json`)}`, { wait: false, viewport });
    await tl.event('founded').waitFor();
    const axis = await tl.page.evaluate(() => [...document.querySelectorAll('#app .axis .tick-label, #app .axis .major-tick')].map((e) => e.textContent));
    assert.ok(axis.some((l) => / BCE$/.test(l)), `BCE on the axis: ${axis}`);
    assert.ok(!axis.some((l) => /^-\d/.test(l) || l === '0'), `no negative or zero years: ${axis}`);
    await tl.select('caesar');
    assert.equal(await tl.locator('.detail .date-long').textContent(), 'Friday 15 March 44 BCE');
    await tl.select('founded');
    assert.equal(await tl.locator('.detail .date-long').textContent(), '753 BCE');
    await screenshot(tl.page, `src-bce-${name}`, { fullPage: false });
    assert.deepEqual(tl.errors, []);
    await tl.close();
  }
});

test('cosmological years (TimelineJS3\'s scale): billions of years ago on the axis, in labels and details', async () => {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    const tl = await TimelinePage.open(browser.context, `${app.url}?src=${encodeURIComponent(`${data.url}cosmos.json`)}`, { wait: false, viewport });
    await tl.event('bang').waitFor();
    const axis = await tl.page.evaluate(() => [...document.querySelectorAll('#app .axis .tick-label')].map((e) => e.textContent));
    // Long labels take room: two or more on a desktop, one or more on a phone.
    assert.ok(axis.length >= (name === 'phone' ? 1 : 2) && axis.every((l) => / billion years ago$/.test(l)), `years ago on the axis: ${axis}`);
    // No two axis labels overlap, however long they are.
    const boxes = await tl.page.evaluate(() => [...document.querySelectorAll('#app .axis .tick-label')].map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right]));
    for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i][0] >= boxes[i - 1][1], `labels ${i - 1} and ${i} overlap: ${JSON.stringify(boxes)}`);
    await tl.select('bang');
    assert.equal(await tl.locator('.detail .date-long').textContent(), '13.8 billion years ago');
    await tl.select('dinosaurs');
    assert.equal(await tl.locator('.detail .date-long').textContent(), '66 million years ago');
    assert.equal(await tl.locator('#app [data-event-id="earth"] .event-date').textContent(), '4.54 billion years ago');
    await screenshot(tl.page, `src-cosmological-${name}`, { fullPage: false });
    assert.deepEqual(tl.errors, []);
    await tl.close();
  }
});

test('uncertain, approximate, decade, century and open-ended dates: said in words, explained, drawn with soft edges', async () => {
  for (const [name, viewport, scheme] of [['desktop', { width: 1280, height: 800 }, 'light'], ['phone-dark', { width: 390, height: 844 }, 'dark']]) {
    const recorded = await TimelinePage.open(browser.context, 'about:blank', { wait: false, viewport });
    await recorded.page.emulateMedia({ colorScheme: scheme });
    await recorded.page.goto(`${app.url}?src=${encodeURIComponent(`${data.url}fuzzy.json`)}`);
    const tl = recorded;
    await tl.event('mill').waitFor();
    const labels = await tl.page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#app [data-event-id]')].map((e) => [e.dataset.eventId, e.querySelector('.event-date')?.textContent])));
    assert.deepEqual(labels, { mill: 'c. 1850', trade: '1870s', strike: 'Jun 1911?', growth: '1900s', ferry: 'until 1862', canal: 'from 1880' });
    assert.equal(await tl.locator('#app .marker.fuzzy').count(), 2, 'the approximate and the uncertain date fade at their ends');
    assert.equal(await tl.locator('#app .marker.open-start').count(), 1, 'an open start fades towards the past');
    assert.equal(await tl.locator('#app .marker.open-end').count(), 1, 'an open end fades towards the future');
    await tl.select('mill');
    assert.equal(await tl.locator('.detail .date-long').textContent(), 'about 1850');
    assert.equal(await tl.locator('.detail .how-sure').textContent(), 'Approximate: the source gives it as about this date.');
    await tl.select('trade');
    assert.equal(await tl.locator('.detail .date-long').textContent(), 'sometime in the 1870s');
    assert.match(await tl.facts(), /Known to the decade/);
    await tl.select('canal');
    assert.equal(await tl.locator('.detail .date-long').textContent(), 'from 1880 on');
    await tl.select('strike');
    assert.equal(await tl.locator('.detail .how-sure').textContent(), 'Uncertain: the source gives this date but is not sure of it.');
    await screenshot(tl.page, `src-fuzzy-${name}`, { fullPage: false });
    assert.deepEqual(tl.errors, []);
    await tl.close();
  }
});

test('errors are shown in the page in plain words, with the URL', async () => {
  const cases = [
    [`${data.url}missing.json`, /answered 404/],
    [`${data.url}bad.json`, /not valid JSON/],
    [`${closed.url}tjs.json`, /CORS/],
    [`${app.url}index.html`, /not valid JSON/],
  ];
  for (const [url, pattern] of cases) {
    const tl = await open(url);
    const alert = tl.locator('.load-error');
    await alert.waitFor();
    const text = await alert.textContent();
    assert.match(text, pattern, url);
    assert.ok(text.includes(url), `the message names ${url}`);
    await tl.close();
  }
});

// Every JSONTestSuite file as ?src= is in engines.test.mjs (all three engines).

test('while a ?src= timeline loads, the page shows a skeleton of its shape, never the seed', async () => {
  const { page, errors } = await newPage(browser.context, { width: 1280, height: 800 });
  // Hold the wasm first (the page before the app), then the data (the app waiting for it).
  let releaseWasm, releaseData;
  const wasmGate = new Promise((r) => { releaseWasm = r; });
  const dataGate = new Promise((r) => { releaseData = r; });
  await page.route((url) => /citeline-web-[0-9a-f]+_bg\.wasm$/.test(url.pathname), async (route) => { await wasmGate; await route.continue(); });
  await page.route((url) => url.pathname === '/tjs.json', async (route) => { await dataGate; await route.continue(); });
  await page.goto(`${app.url}?src=${encodeURIComponent(`${data.url}tjs.json`)}`, { waitUntil: 'commit' });
  const seedShown = () => page.evaluate(() => ['.first-view', '.event-list'].some((s) => document.querySelector(s)?.getClientRects().length > 0));
  await page.locator('.skeleton').waitFor();
  assert.equal(await seedShown(), false, 'before the app: the skeleton, not the seed');
  const skeleton = await page.locator('.skeleton .timeline').boundingBox();
  await screenshot(page, 'src-skeleton', { fullPage: false });
  releaseWasm();
  await page.waitForFunction(() => !document.querySelector('.first-view'), null, { timeout: 10000 });
  assert.ok(await page.locator('.skeleton [role="status"]').isVisible(), 'the app, waiting for the data: the same skeleton');
  assert.deepEqual(await page.locator('.skeleton .timeline').boundingBox(), skeleton, 'in the same place');
  assert.equal(await seedShown(), false);
  releaseData();
  const tl = new TimelinePage(page, { errors });
  await tl.event('event-1').waitFor();
  assert.equal(await page.locator('.skeleton').count(), 0);
  assert.equal(await tl.locator('.subtitle').textContent(), 'Bridge history');
  assert.deepEqual(errors, []);
  // Embedded, the skeleton has the embedded layout's shape: no masthead.
  let releaseEmbedData;
  const embedGate = new Promise((r) => { releaseEmbedData = r; });
  await page.unrouteAll();
  await page.route((url) => url.pathname === '/tjs.json', async (route) => { await embedGate; await route.continue(); });
  await page.goto(`${app.url}?embed=1&src=${encodeURIComponent(`${data.url}tjs.json`)}`, { waitUntil: 'commit' });
  await page.locator('.skeleton .timeline').waitFor();
  assert.equal(await page.locator('.skeleton .masthead').isVisible(), false, 'embedded: no masthead in the skeleton');
  releaseEmbedData();
  await tl.event('event-1').waitFor();
  await page.close();
});

/** Serves `body` from 127.0.0.1 (any origin may read it) and sends `first` bytes of it at once, the rest only on `release()`. */
async function holdingServer(body, first) {
  let release;
  const released = new Promise((r) => { release = r; });
  const server = createServer(async (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length, 'access-control-allow-origin': '*' });
    res.write(body.subarray(0, first));
    await released;
    res.end(body.subarray(first));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/held.json`,
    release,
    close: () => new Promise((r) => { release(); server.close(r); server.closeAllConnections(); }),
  };
}

test('a download that takes a while is drawn as it comes: what is read so far, how far it is, then all of it', async () => {
  const body = Buffer.from(JSON.stringify(generate(3000)));
  const held = await holdingServer(body, Math.floor(body.length * 0.4));
  try {
    // A link to an event in the part that has not come yet.
    const tl = await TimelinePage.open(browser.context, `${app.url}?src=${encodeURIComponent(held.url)}#event=e2900`, { wait: false });
    const status = tl.locator('.reading-status');
    await status.waitFor();
    // Another site's file: how much has come, not of how much (its Content-Length may be of a
    // compressed body, and whether it is cannot be seen from here).
    assert.match(await status.textContent(), /^Reading the timeline: [\d,]+ events so far \((0\.\d MB|\d+ KB) read\)…$/);
    assert.equal(await status.getAttribute('role'), 'status', 'said to screen readers too');
    // The events read so far are drawn, and can be looked at while the rest comes.
    await tl.page.waitForFunction(() => [...document.querySelectorAll('#app [data-cluster], #app [data-event-id]')]
      .some((el) => el.getBoundingClientRect().width > 0 && getComputedStyle(el).visibility !== 'hidden'));
    const readSoFar = Number((await status.textContent()).match(/([\d,]+) events/)[1].replace(/,/g, ''));
    assert.ok(readSoFar > 0 && readSoFar < 1300, `${readSoFar} events read of the first 40 %`);
    assert.equal(tl.hash(), '#event=e2900', 'a link to an event not read yet stays in the URL');
    assert.equal(await tl.detail('e2900').count(), 0);
    assert.equal(await status.evaluate((el) => getComputedStyle(el).position), 'fixed', 'over the page: nothing moves when it goes');
    await screenshot(tl.page, 'src-held-reading');

    held.release();
    await status.waitFor({ state: 'detached' });
    await tl.waitForDetail('e2900');
    assert.match(await tl.detailTitle(), /#2900$/, 'the link is followed once its event is read');
    assert.deepEqual(tl.errors, []);
    await screenshot(tl.page, 'src-held-done');
    await tl.close();
  } finally {
    await held.close();
  }
});

test('a download held just before its last bytes: every event drawn while it waits, and the status goes when the end comes (the whole reads as that part did)', async () => {
  // The end of the file (`]}` and a newline) held: every event is read, and drawn once the first
  // showing is due. The whole file then reads exactly as that part did: still a new timeline for
  // the page, which must take it (and follow the link) rather than wait for a change forever.
  const body = Buffer.from(`${JSON.stringify(generate(3000))}\n`);
  const held = await holdingServer(body, body.length - 3);
  try {
    const tl = await TimelinePage.open(browser.context, `${app.url}?src=${encodeURIComponent(held.url)}#event=e2999`, { wait: false });
    const status = tl.locator('.reading-status');
    await tl.page.waitForFunction(() => /3,000 events so far/.test(document.querySelector('.reading-status')?.textContent ?? ''));
    await tl.page.waitForFunction(() => document.querySelector('#app [data-cluster], #app [data-event-id]'));
    // The linked event is read: shown at once.
    await tl.waitForDetail('e2999');
    held.release();
    await status.waitFor({ state: 'detached', timeout: 10_000 });
    await tl.waitForDetail('e2999');
    assert.equal(tl.hash(), '#event=e2999');
    assert.deepEqual(tl.errors, []);
    await tl.close();
  } finally {
    await held.close();
  }
});

test('a download read at once is drawn once, whole, with no reading status', async () => {
  const { page, errors } = await newPage(browser.context, { width: 1280, height: 800 });
  await page.addInitScript(() => {
    window.__statusSeen = false;
    new MutationObserver(() => { if (document.querySelector('.reading-status')) window.__statusSeen = true; })
      .observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${app.url}?src=${encodeURIComponent(`${data.url}tjs.json`)}`);
  const tl = new TimelinePage(page, { errors });
  await tl.event('event-1').waitFor();
  await tl.nextFrame();
  assert.equal(await page.evaluate(() => window.__statusSeen), false);
  assert.deepEqual(errors, []);
  await page.close();
});
