// "Add documents" in the release page: paste and files, proposals on the timeline, editing,
// persistence across reloads, download, and clear messages for bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, screenshot, seedTexts, outputDir } from './harness.mjs';
import { TimelinePage, clearStoredWork } from './pages.mjs';

let server, browser, dir;

before(async () => {
  server = await serve();
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'citeline-files-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const PRESS = `Council approves new bridge

LONDON, 12 March 2019

The city council approved the new river bridge today after a two-year consultation.
Construction will begin in September.
The bridge is due to open on Friday 3 June 2022.
The previous crossing was closed in 2015 after an inspection.`;

/** The page with nothing stored from earlier tests, once its events are drawn. */
async function fresh(viewport) {
  const tl = await TimelinePage.open(browser.context, server.url, { viewport });
  await tl.page.evaluate(clearStoredWork);
  await tl.page.reload();
  await tl.ready();
  return tl;
}

/** Requests for the extraction worker's files (its loader, script and wasm). */
const workerFiles = (urls) => urls.filter((url) => /\/citeline-worker[^/]*$/.test(new URL(url).pathname));

test('a pasted press release becomes proposed events beside the seeds, and survives a reload', async () => {
  const tl = await fresh();
  const { page, add } = tl;
  // Until the person turns to "Add documents", no worker is started and none of its files is fetched.
  assert.deepEqual(tl.workers, [], 'no worker before Add documents is used');
  assert.deepEqual(workerFiles(tl.requests), [], 'no citeline-worker file requested before Add documents is used');
  await add.paste(PRESS);
  // The dateline gives the publication date.
  assert.equal(await add.publicationDate().inputValue(), '2019-03-12');
  // Where it is on the web: only a web address is taken.
  await add.webAddress().fill('example.org/bridge');
  const [titleBox, addressBox] = await Promise.all([add.reviewTitle().boundingBox(), add.webAddress().boundingBox()]);
  assert.deepEqual([addressBox.width, addressBox.height], [titleBox.width, titleBox.height], 'the web address box is drawn like the title box');
  await add.findEvents();
  assert.match(await add.messages().textContent(), /“example\.org\/bridge” is not a web address: it should start with https:\/\/ or http:\/\//);
  await add.webAddress().fill('https://example.org/bridge');
  await add.findEvents();
  await add.waitForProposals();
  assert.equal(await add.messages().count(), 0, 'the refusal goes once the address is mended');
  const proposals = await add.proposalDates();
  for (const date of ['2019-03-12', '2019-09', '2022-06-03', '2015']) {
    assert.ok(proposals.includes(date), `${date} proposed: ${proposals}`);
  }
  // The extraction ran in a Web Worker started from the loader next to the page.
  assert.deepEqual(tl.workers, [`${server.url}citeline-worker_loader.js`], 'one worker, from citeline-worker_loader.js');
  assert.ok(workerFiles(tl.requests).includes(`${server.url}citeline-worker_loader.js`), 'the request log sees the worker files once it starts');
  // Drawn on the timeline, dashed until accepted, and their passages quote the text.
  const ids = await add.proposalIds();
  await page.getByRole('button', { name: 'Fit all' }).click();
  for (const id of ids) assert.equal(await tl.pendingEvent(id).count(), 1, `${id} drawn as pending`);
  const opening = ids[proposals.indexOf('2022-06-03')];
  await tl.select(opening);
  assert.match(await tl.firstPassageMark(), /Friday 3 June 2022/);
  // Each passage links to its place at the source, the quote marked there.
  const atSource = tl.detail(opening).locator('.at-source a').first();
  assert.match(await atSource.getAttribute('href'), /^https:\/\/example\.org\/bridge#:~:text=[^,]+/);
  assert.match(await tl.detail(opening).locator('.at-source').first().textContent(), /accessed \w+ \d+ \w+ \d{4}/);
  assert.match(await tl.facts(), /Stated in the text/);
  const approval = ids[proposals.indexOf('2019-03-12')];
  await tl.select(approval);
  // A proposal can be accepted from its details too.
  await tl.detail(approval).locator('.accept').click();
  await add.acceptedProposal(approval).waitFor();
  assert.equal(await tl.pendingEvent(approval).count(), 0, 'accepted events are drawn solid');
  assert.match(await tl.facts(), /"today" resolved against the publication date, Tuesday 12 March 2019/);
  await screenshot(page, 'add-documents-desktop');

  // Edit: rename, re-date (a bad date is refused), accept, delete.
  const row = add.proposal(opening);
  await row.locator('input.title').fill('Bridge opens');
  await row.locator('input.title').press('Enter');
  await tl.event(opening).filter({ hasText: 'Bridge opens' }).waitFor();
  await row.locator('input.date').fill('June 2022');
  await row.locator('input.date').press('Enter');
  assert.equal(await row.locator('input.date').evaluate((i) => i.validity.valid), false, 'a bad date is refused');
  await row.locator('input.date').fill('2022-06');
  await row.locator('input.date').press('Enter');
  await row.getByRole('button', { name: 'Accept' }).click();
  await add.acceptedProposal(opening).waitFor();
  const doomed = ids[proposals.indexOf('2015')];
  await add.proposal(doomed).getByRole('button', { name: /Delete/ }).click();
  await add.proposal(doomed).waitFor({ state: 'detached' });

  // Reload: everything is still there.
  await page.reload();
  await add.acceptedProposal(opening).waitFor();
  assert.equal(await add.proposal(opening).locator('input.date').inputValue(), '2022-06');
  assert.equal(await add.proposal(doomed).count(), 0);

  // Download the timeline JSON: seeds plus the person's events.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download timeline JSON' }).click(),
  ]);
  const json = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(json.format, 'citeline-timeline');
  assert.ok(json.events.some((e) => e.id === opening && e.title === 'Bridge opens' && e.date === '2022-06'));
  assert.ok(json.events.some((e) => e.id === 'contest-2018-launch'));
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('the two seed texts give one launch event backed by both, real titles, and undated happenings to date by hand', async () => {
  const { texts } = await seedTexts();
  for (const viewport of [undefined, { width: 390, height: 844 }]) {
    const tl = await fresh(viewport);
    const { page, add } = tl;
    if (viewport) await page.emulateMedia({ colorScheme: 'dark' });
    // The Home Office release has no dateline: its publication date is given by hand.
    await add.paste(texts['home-office-contest-2018']);
    await add.publicationDate().fill('2018-06-04');
    await add.findEvents();
    await add.waitForProposals();
    await add.paste(texts['apcc-response-contest-2018']);
    assert.equal(await add.publicationDate().inputValue(), '2018-06-04', 'the APCC dateline 04/06/2018');
    await add.findEvents();
    await page.waitForFunction(() => document.querySelectorAll('[data-user-document]').length === 2 && !document.querySelector('.extracting'));
    const rows = await add.proposals().evaluateAll((rs) => rs.map((r) => ({
      id: r.dataset.proposal,
      title: r.querySelector('input.title').value,
      date: r.querySelector('input.date').value,
      sources: r.querySelector('.sources-count')?.textContent.trim() ?? '',
    })));
    const on = (date) => rows.filter((r) => r.date === date);
    // The launch is reported by both documents: one event, listed under each, "2 sources".
    const launch = on('2018-06-04');
    assert.equal(new Set(launch.map((r) => r.id)).size, 1, `one launch event: ${JSON.stringify(launch)}`);
    assert.equal(launch.length, 2, 'listed under both documents');
    assert.match(launch[0].title, /strategy launched/);
    assert.equal(launch[0].sources, '· 2 sources');
    assert.deepEqual(on('2017').map((r) => r.title), ['Attacks in London and Manchester']);
    assert.deepEqual(on('2011').map((r) => r.title), ['Last strategy published']);
    assert.match(on('2018-06-08')[0]?.title ?? '', /^Home Secretary to travel/);
    for (const { title } of rows) assert.ok(title.length <= 60 && /^[A-Z]/.test(title), title);
    // On the timeline: its details say so ("Show" selects it, out of any cluster).
    await add.proposal(launch[0].id).first().getByRole('button', { name: 'Show' }).click();
    await tl.detail(launch[0].id).waitFor();
    assert.equal(await tl.detail(launch[0].id).locator('h3').first().textContent(), 'Evidence (2 passages from 2 sources)');
    // Happenings with no date are listed apart, with their sentence, for the author to date.
    const undated = add.root.locator('.undated').first();
    assert.ok(Number(await undated.getAttribute('data-undated-count')) >= 2);
    await undated.locator('summary').click();
    const review = undated.locator('.undated-item').filter({ hasText: 'Fundamental review' });
    assert.match(await review.locator('.passage-line').textContent(), /^It prompted a fundamental review/);
    // The list itself, to look at: the merged launch with both quotes, and the undated ones.
    await add.root.locator('.your-documents').screenshot({ path: join(outputDir, `add-documents-corroborated-${viewport ? 'phone-dark' : 'desktop'}.png`) });
    const dateBox = review.getByRole('textbox');
    await dateBox.fill('June-ish');
    await review.getByRole('button', { name: 'Add to timeline' }).click();
    assert.equal(await dateBox.evaluate((i) => i.validity.valid), false, 'a bad date is refused');
    await dateBox.fill('2017-06');
    await review.getByRole('button', { name: 'Add to timeline' }).click();
    await review.waitFor({ state: 'detached' });
    const datedId = await add.proposals().evaluateAll((rs) => rs.find((r) => r.querySelector('input.title').value.startsWith('Fundamental review'))?.dataset.proposal);
    assert.ok(datedId, 'the dated happening is now an event');
    const dated = add.proposal(datedId);
    assert.equal(await dated.locator('input.date').inputValue(), '2017-06');
    assert.match(await dated.getAttribute('class'), /accepted/);
    // Split: the launch goes back to one proposal per document.
    await add.proposal(launch[0].id).first().getByRole('button', { name: /^Split/ }).click();
    await page.waitForFunction(() => !document.querySelector('.sources-count'));
    const after = await add.proposalDates();
    assert.equal(after.filter((d) => d === '2018-06-04').length, 2, 'two launch proposals again');
    // Kept across a reload: the dated one, the split, and the rest of the undated list.
    await page.reload();
    await add.waitForProposals();
    assert.equal((await add.proposalDates()).filter((d) => d === '2018-06-04').length, 2);
    assert.ok(Number(await add.root.locator('.undated').first().getAttribute('data-undated-count')) >= 1);
    assert.deepEqual(tl.errors, []);
    await tl.close();
  }
});

test('a worker that cannot start is said in words, and the pasted text stays to try again', async () => {
  const tl = await fresh();
  const { page, add } = tl;
  // As when a host's policy or a proxy blocks the worker's wasm.
  await page.route('**/citeline-worker_bg.wasm', (route) => route.abort());
  await add.paste(PRESS);
  const message = add.errorMessages().first();
  await message.waitFor();
  assert.match(await message.textContent(), /The extractor could not start/);
  assert.equal(await add.reviewTitle().inputValue(), 'Council approves new bridge', 'the text is kept for review');
  // A refused address first; once mended, the try that fails for the worker does not bring the refusal back.
  await add.webAddress().fill('example.org');
  await add.findEvents();
  await add.review().locator('.message.error').filter({ hasText: 'is not a web address' }).waitFor();
  await add.webAddress().fill('https://example.org/bridge');
  // Asking again starts a new worker, which fails the same way: said again, nothing lost.
  await add.findEvents();
  await page.waitForFunction(() => document.querySelectorAll('.message.error li').length > 0 && !document.querySelector('.extracting'));
  assert.match(await message.textContent(), /The extractor could not start/);
  // The mended refusal goes (polled: the wait above may see the page before this try is drawn).
  await page.waitForFunction(() => !document.querySelector('.extracting') && !/is not a web address/.test(document.querySelector('.add-documents').textContent), null, { timeout: 5000 });
  assert.equal(await add.webAddress().inputValue(), 'https://example.org/bridge', 'the mended address is kept');
  assert.ok(await add.review().isVisible(), 'still reviewing the same text');
  assert.equal(await add.proposals().count(), 0);
  assert.ok(tl.workers.length >= 2, `a new worker per attempt: ${tl.workers.length}`);
  await tl.close();
});

test('files: .txt, .md and .html are read; empty, binary and non-UTF-8 files get a clear message', async () => {
  const tl = await fresh({ width: 390, height: 844 });
  const { page, add } = tl;
  const files = {
    'notes.md': '# Notes\n\nThe treaty was signed on 1 July 1990.',
    'page.html': '<html><body><h1>Archive</h1><p>Dated 04/06/2018.</p><p>The fire started on 2 May 2016.</p><script>window.bad = 1</script></body></html>',
    'empty.txt': '',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  await writeFile(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x31, 0x39, 0x39, 0x30]));
  await writeFile(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]));
  await add.chooseFiles(['notes.md', 'page.html', 'empty.txt', 'latin1.txt', 'image.txt'].map((f) => join(dir, f)));
  const messages = add.errorMessages();
  await messages.waitFor();
  const text = await messages.textContent();
  assert.match(text, /empty\.txt is empty/);
  assert.match(text, /latin1\.txt is not UTF-8/);
  assert.match(text, /image\.txt looks like a binary file/);
  // The good files are reviewed one after the other.
  await add.review().waitFor();
  assert.equal(await add.reviewTitle().inputValue(), 'notes');
  await add.publicationDate().fill('1990-07-02');
  await add.findEvents();
  await add.review().waitFor();
  assert.equal(await add.reviewTitle().inputValue(), 'page');
  assert.equal(await add.publicationDate().inputValue(), '2018-06-04', 'the HTML dateline is found');
  await add.findEvents();
  await add.userDocument('page').waitFor();
  const dates = await add.proposalDates();
  assert.ok(dates.includes('1990-07-01') && dates.includes('2016-05-02'), `${dates}`);
  assert.equal(await page.evaluate(() => window.bad), undefined, 'HTML scripts are never run');
  await screenshot(page, 'add-documents-phone');
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('a 10 MB text stays responsive and shows progress', async () => {
  const tl = await fresh();
  const { add } = tl;
  // A long report: mostly undated prose, with a dated sentence in every paragraph of about 20 KB.
  const prose = 'The committee reviewed the figures and discussed how the budget should be shared between the departments. ';
  const paragraph = prose.repeat(190) + 'The committee first met on 4 March 2015 to discuss it.\n\n';
  let big = '';
  while (big.length < 10 * 1024 * 1024) big += paragraph;
  await writeFile(join(dir, 'big.txt'), big);
  await add.chooseFiles(join(dir, 'big.txt'));
  await add.review().waitFor();
  await add.publicationDate().fill('2015-03-10');
  await add.findEvents();
  // Progress shows while it works, and the page answers in between.
  await add.progress().waitFor();
  const seen = new Set();
  let lag = 0;
  while (await add.extracting().count()) {
    const t0 = Date.now();
    const value = await add.progress().getAttribute('value', { timeout: 5_000 }).catch(() => null);
    lag = Math.max(lag, Date.now() - t0);
    if (value) seen.add(value);
    // Until the page shows new progress, or has finished.
    await add.waitForProgressAfter(value);
  }
  assert.ok(seen.size >= 2, `progress moved: ${[...seen]}`);
  console.log(`# 10 MB: longest wait for the page to answer while extracting: ${lag} ms`);
  await add.userDocument('big').waitFor();
  // Kept in IndexedDB (localStorage, with its 5 MB, could not): there after a reload, whole.
  assert.equal(await tl.locator('.add-documents .message.warning').count(), 0, 'no storage problem');
  await tl.page.reload();
  await add.userDocument('big').waitFor();
  const kept = await tl.page.evaluate(() => new Promise((resolve) => {
    indexedDB.open('citeline').onsuccess = (e) => {
      const get = e.target.result.transaction('workspace').objectStore('workspace').get('current');
      get.onsuccess = () => resolve(JSON.parse(get.result.json).documents.find((d) => d.id === 'big').text.length);
    };
  }));
  assert.equal(kept, big.length, 'the whole 10 MB text is kept');
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('while about 3 MB of dated prose is extracted, the page keeps painting', async () => {
  const tl = await fresh();
  const { add } = tl;
  // A report in which every paragraph (about 1 KB) has dated sentences: a different day each time.
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const prose = 'The working group went through the accounts line by line and agreed what to report to the board. ';
  let text = '';
  for (let i = 0; text.length < 3 * 1024 * 1024; i++) {
    const day = `${1 + (i % 28)} ${months[i % 12]} ${1990 + (i % 30)}`;
    text += `${prose.repeat(8)}The board met on ${day} and approved the plan. It reported on ${months[(i + 5) % 12]} ${2000 + (i % 20)}.\n\n`;
  }
  await writeFile(join(dir, 'report.txt'), text);
  await add.chooseFiles(join(dir, 'report.txt'));
  await add.review().waitFor();
  await add.publicationDate().fill('2021-01-15');
  await tl.startFrameTimer('.extracting');
  await add.findEvents();
  await add.userDocument('report').waitFor({ timeout: 120_000 });
  const { during, afterwards, frames } = await tl.stopFrameTimer();
  const proposals = Number(await add.userDocument('report').getAttribute('data-proposal-count'));
  assert.equal(await add.proposals().count(), 100, 'a long document lists its proposals a page at a time');
  await add.button(/^Show 100 more/).click();
  await tl.page.waitForFunction(() => document.querySelectorAll('[data-proposal]').length === 200);
  console.log(`# 3 MB (${(text.length / 1024 / 1024).toFixed(1)} MiB, ${proposals} proposals): longest gap between animation frames while extracting: ${during.toFixed(0)} ms over ${frames} frames; longest once the results came, until they were listed: ${afterwards.toFixed(0)} ms`);
  // Not a timing test: the extraction runs in the worker, so the page should paint every frame or
  // so; a generous bound only catches extraction (or its progress) blocking the page's thread.
  assert.ok(frames > 10, `the page painted while extracting (${frames} frames)`);
  assert.ok(during < 500, `longest gap between frames while extracting: ${during.toFixed(0)} ms`);
  // Hundreds of proposals are kept across a reload.
  assert.ok(proposals > 300, `${proposals} proposals`);
  await tl.page.reload();
  await add.userDocument('report').waitFor();
  assert.equal(Number(await add.userDocument('report').getAttribute('data-proposal-count')), proposals, 'every proposal is kept');
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('a timeline file chosen, dropped or pasted here opens as the timeline: TimelineJS3\'s sheet, an .ics, JSON', async () => {
  const tl = await fresh();
  const { page, add } = tl;
  // A sheet in TimelineJS3's columns, exported from Google Sheets.
  const sheet = join(dir, 'newsroom-sheet.csv');
  await writeFile(sheet, 'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\r\n'
    + ',,,,,,,,,Harbour works,,,,,,title,,\r\n2019,4,2,,,,,,,Dredging starts,<p>The harbour is dredged.</p>,,,,,,,\r\n2020,7,,,,,,,,Quay reopens,,,,,,,,\r\n');
  await add.chooseFiles([sheet]);
  await tl.event('event-1').waitFor();
  assert.equal(await tl.locator('.subtitle').textContent(), 'Harbour works');
  assert.equal(await tl.event('contest-2011').count(), 0, 'the seed is gone');
  assert.doesNotMatch(await page.locator('#event-list').textContent(), /CONTEST/, 'the list is of the file, not the seed');
  assert.match(await page.locator('#event-list').textContent(), /Dredging starts/);
  assert.match(await add.root.locator('.opened').textContent(), /^Opened newsroom-sheet\.csv: 2 events\. A file opened here is not in this page's link/);
  await tl.select('event-2');
  assert.equal(await tl.detailTitle(), 'Quay reopens');
  // A calendar file replaces it in turn, shown from its start.
  const ics = join(dir, 'meetings.ics');
  await writeFile(ics, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Meetings\r\nBEGIN:VEVENT\r\nUID:m1\r\nDTSTART;VALUE=DATE:20210301\r\nSUMMARY:First meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
  await add.chooseFiles([ics]);
  await tl.event('m1').waitFor();
  assert.equal(await tl.locator('.subtitle').textContent(), 'Meetings');
  assert.equal(await tl.locator('.detail[data-detail-for]').count(), 0, 'a new timeline starts with nothing selected');
  assert.match(await page.locator('#event-list').textContent(), /^1 event, in time orderFirst meeting/, 'the list follows each file opened');
  // Pasted TimelineJS3 JSON.
  await add.root.locator('#paste').fill(JSON.stringify({ title: { text: { headline: 'Pasted' } }, events: [{ start_date: { year: 1999 }, text: { headline: 'Pasted event' } }] }));
  await add.button('Use this text').click();
  await tl.event('event-1').waitFor();
  assert.equal(await tl.locator('.subtitle').textContent(), 'Pasted');
  // A file that is no timeline says so, and what is shown stays.
  await add.root.locator('#paste').fill('{"events": [');
  await add.button('Use this text').click();
  assert.match(await add.messages().textContent(), /^The pasted timeline could not be opened: it is not valid JSON/);
  assert.equal(await tl.locator('.subtitle').textContent(), 'Pasted');
  assert.equal(await add.root.locator('.opened').count(), 0, 'no stale "Opened" beside the problem');
  await screenshot(page, 'add-documents-opened-timeline');
  assert.deepEqual(tl.errors, []);
  await tl.close();
});
