// No lost work: the person's workspace in IndexedDB, across tabs, reloads, a full disk, another
// browser (the workspace file) and an upgrade from the localStorage of earlier versions. Chromium:
// two tabs of one profile, a quota set through the DevTools protocol, downloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, screenshot } from './harness.mjs';
import { TimelinePage, clearStoredWork } from './pages.mjs';

let server, browser, dir;

before(async () => {
  server = await serve();
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'citeline-workspace-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const PRESS = `Council approves new bridge

LONDON, 12 March 2019

The city council approved the new river bridge today after a two-year consultation.
The bridge is due to open on Friday 3 June 2022.
The previous crossing was closed in 2015 after an inspection.`;

/** A page of `context` with nothing stored, once its events are drawn. */
async function fresh(context = browser.context) {
  const tl = await TimelinePage.open(context, server.url);
  await tl.page.evaluate(clearStoredWork);
  await tl.page.reload();
  await tl.ready();
  return tl;
}

/** Adds the press release and waits for its proposals; returns their ids. */
async function addPress(tl) {
  await tl.add.paste(PRESS);
  await tl.add.findEvents();
  await tl.add.waitForProposals();
  return tl.add.proposalIds();
}

/** Page-side: the stored record { revision, json } (or null). */
function storedRecord() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('citeline');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('workspace').objectStore('workspace').get('current');
      get.onsuccess = () => { db.close(); resolve(get.result ?? null); };
    };
  });
}

/**
 * Page-side: stores a changed workspace as the next revision without telling other tabs, as a tab
 * whose announcement was lost (or that crashed after saving) would have: `change(workspace)` is
 * the body of a function given as text.
 */
function saveBehindTheirBack(change) {
  return new Promise((resolve) => {
    const open = indexedDB.open('citeline');
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('workspace', 'readwrite');
      const store = tx.objectStore('workspace');
      const get = store.get('current');
      get.onsuccess = () => {
        const workspace = JSON.parse(get.result.json);
        new Function('workspace', change)(workspace);
        store.put({ revision: get.result.revision + 1, json: JSON.stringify(workspace) }, 'current');
      };
      tx.oncomplete = () => { db.close(); resolve(true); };
    };
  });
}

test('two tabs: what one adds shows in the other; changes made at once are both kept', async () => {
  const a = await fresh();
  const b = await TimelinePage.open(browser.context, server.url);
  const ids = await addPress(a);
  // The other tab hears the save and shows the document and its proposals, without a reload.
  await b.add.userDocument('council-approves-new-bridge').waitFor();
  assert.deepEqual(await b.add.proposalIds(), ids);

  // Another tab saved a rename and its announcement never came; this tab then accepts an event.
  // Its save starts from an older revision, so it is refused and both changes are joined.
  const before = (await a.page.evaluate(storedRecord)).revision;
  await a.page.evaluate(saveBehindTheirBack, `workspace.proposals[0].event.title = 'Renamed elsewhere';`);
  await b.add.proposal(ids[1]).getByRole('button', { name: 'Accept' }).click();
  await b.locator('.add-documents .message.notice').waitFor();
  assert.match(await b.locator('.add-documents .message.notice').textContent(), /Another tab changed your documents at the same time; both tabs' changes are kept/);
  const stored = await b.page.evaluate(storedRecord);
  assert.equal(stored.revision, before + 2);
  const { proposals } = JSON.parse(stored.json);
  assert.equal(proposals[0].event.title, 'Renamed elsewhere', 'the other tab’s rename is kept');
  assert.equal(proposals[1].accepted, true, 'this tab’s acceptance is kept');
  // The first tab follows: it shows both.
  await a.add.acceptedProposal(ids[1]).waitFor();
  assert.equal(await a.add.proposal(ids[0]).locator('input.title').inputValue(), 'Renamed elsewhere');
  await screenshot(b.page, 'workspace-two-tabs');
  assert.deepEqual([...a.errors, ...b.errors], []);
  await a.close();
  await b.close();
});

test('what is typed in a box and not yet committed survives another tab’s change, and so does a refused date', async () => {
  const a = await fresh();
  const b = await TimelinePage.open(browser.context, server.url);
  const ids = await addPress(a);
  await b.add.proposal(ids[0]).waitFor();
  const renameInB = async (title) => {
    const box = b.add.proposal(ids[0]).locator('input.title');
    await box.fill(title);
    await box.press('Enter');
    // The first tab hears the save and draws its rows again.
    await a.page.waitForFunction(([id, t]) => document.querySelector(`[data-proposal="${id}"] input.title`)?.value === t, [ids[0], title]);
  };
  const box = a.add.proposal(ids[1]).locator('input.date');
  const stored = await box.inputValue();
  await box.fill('2019-04');
  await renameInB('Renamed in the other tab');
  assert.equal(await box.inputValue(), '2019-04', 'the date being typed is still there');
  assert.equal(await box.evaluate((i) => i === document.activeElement), true, 'and the box keeps the focus');
  // A refused date stays in its box, marked, until it is mended.
  await box.fill('some time in spring');
  await box.press('Enter');
  assert.equal(await box.evaluate((i) => i.validity.valid), false, 'the bad date is refused');
  await renameInB('Renamed once more');
  assert.equal(await box.inputValue(), 'some time in spring', 'the refused date is still there to mend');
  assert.equal(await box.evaluate((i) => i.validity.valid), false, 'and still marked');
  assert.equal(await b.add.proposal(ids[1]).locator('input.date').inputValue(), stored, 'nothing refused reached the other tab');
  await box.fill('2019-04');
  await box.press('Enter');
  assert.equal(await box.evaluate((i) => i.validity.valid), true, 'the mended date is taken');
  await b.page.waitForFunction(([id]) => document.querySelector(`[data-proposal="${id}"] input.date`)?.value === '2019-04', [ids[1]]);
  assert.notEqual(stored, '2019-04', 'the date did change');
  // A title taken is shown as it is kept, spaces trimmed, even when that is the title it had.
  const title = b.add.proposal(ids[0]).locator('input.title');
  await title.fill('  Renamed once more ');
  await title.press('Enter');
  await b.page.waitForFunction(([id]) => document.querySelector(`[data-proposal="${id}"] input.title`)?.value === 'Renamed once more', [ids[0]], { timeout: 5000 });
  assert.deepEqual([...a.errors, ...b.errors], []);
  await a.close();
  await b.close();
});

test('a link to one of the person’s own events opens it after a reload', async () => {
  const tl = await fresh();
  const ids = await addPress(tl);
  await tl.page.goto(`${server.url}#event=${ids[0]}`);
  await tl.page.reload();
  await tl.waitForPassages(ids[0]);
  assert.equal(tl.hash(), `#event=${ids[0]}`);
  await tl.page.evaluate(clearStoredWork);
  await tl.close();
});

test('when the browser refuses to keep a change, the page says so and what was saved stays', async () => {
  // A 2 MB quota for this origin, set through the DevTools protocol in a browser of its own before
  // the page opens (Chromium applies it to storage opened after it is set): the press release
  // fits, 5 MB more does not (random words: Chromium compresses what it stores).
  const own = await launch();
  const blank = await own.context.newPage();
  const cdp = await own.context.newCDPSession(blank);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url.replace(/\/$/, ''), quotaSize: 2 * 1024 * 1024 });
  const tl = await fresh(own.context);
  const { page, add } = tl;
  const ids = await addPress(tl);
  const words = Array.from({ length: 500_000 }, () => Math.random().toString(36).slice(2, 11)).join(' ');
  await add.paste(`Budget report\n\n${words}\n\nThe committee met on 4 March 2015.`);
  await add.findEvents();
  const warning = tl.locator('.add-documents .message.warning');
  await warning.waitFor({ timeout: 60_000 });
  const said = await warning.textContent();
  assert.match(said, /This browser would not keep your latest change \(QuotaExceededError/);
  assert.match(said, /Everything saved before it is still kept/);
  await screenshot(page, 'workspace-quota');
  // The page still has the new document; a reload shows what was saved, whole.
  await add.userDocument('budget-report').waitFor();
  await page.reload();
  await add.userDocument('council-approves-new-bridge').waitFor();
  assert.deepEqual(await add.proposalIds(), ids);
  assert.equal(await add.userDocument('budget-report').count(), 0);
  assert.deepEqual(tl.errors, []);
  await cdp.detach();
  await own.close();
});

test('the whole workspace goes out as one file and comes back in another browser', async () => {
  const tl = await fresh();
  const ids = await addPress(tl);
  await tl.add.proposal(ids[0]).getByRole('button', { name: 'Accept' }).click();
  await tl.add.acceptedProposal(ids[0]).waitFor();
  const [download] = await Promise.all([
    tl.page.waitForEvent('download'),
    tl.root.getByRole('button', { name: 'Download workspace' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'citeline-workspace.json');
  const file = join(dir, 'citeline-workspace.json');
  await download.saveAs(file);
  const saved = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(saved.format, 'citeline-workspace');
  assert.equal(saved.proposals.length, ids.length);
  await tl.page.evaluate(clearStoredWork);
  await tl.close();

  // Another browser (a new profile): import it.
  const other = await launch();
  try {
    const there = await fresh(other.context);
    const input = there.locator('.workspace-file input[type=file]');
    await input.setInputFiles(file);
    await there.add.acceptedProposal(ids[0]).waitFor();
    assert.deepEqual(await there.add.proposalIds(), ids);
    const notice = there.locator('.workspace-file .message.notice');
    assert.equal(await notice.textContent(), `From citeline-workspace.json: Added 1 document and ${ids.length} events.`);
    // The same again adds nothing; a timeline file is refused in words, and nothing changes.
    await input.setInputFiles(file);
    await there.page.waitForFunction(() => /items were already here/.test(document.querySelector('.workspace-file .message.notice')?.textContent));
    const timeline = join(dir, 'timeline.json');
    await writeFile(timeline, JSON.stringify({ events: [{ start_date: { year: 2001 }, text: { headline: 'x' } }] }));
    await input.setInputFiles(timeline);
    await there.locator('.workspace-file .message.error').waitFor();
    assert.equal(await there.locator('.workspace-file .message.error').textContent(), 'timeline.json is a timeline file, not a Citeline workspace; nothing was imported.');
    assert.deepEqual(await there.add.proposalIds(), ids);
    await there.page.reload();
    await there.add.acceptedProposal(ids[0]).waitFor();
    await screenshot(there.page, 'workspace-imported');
    assert.deepEqual(there.errors, []);
    await there.close();
  } finally {
    await other.close();
  }
});

test('what an earlier version kept in localStorage moves to IndexedDB, unchanged', async () => {
  const tl = await fresh();
  const legacy = {
    documents: [{ id: 'old-notes', title: 'Old notes', publisher: 'Added by you', text: 'The old bridge closed in 2015.' }],
    proposals: [],
  };
  await tl.page.evaluate((json) => localStorage.setItem('citeline.workspace.v1', json), JSON.stringify(legacy));
  await tl.page.reload();
  await tl.add.userDocument('old-notes').waitFor();
  await tl.page.waitForFunction(() => localStorage.getItem('citeline.workspace.v1') === null);
  const stored = await tl.page.evaluate(storedRecord);
  assert.deepEqual(JSON.parse(stored.json), legacy);
  await tl.page.reload();
  await tl.add.userDocument('old-notes').waitFor();
  assert.deepEqual(tl.errors, []);

  // A localStorage copy this version cannot read stays where it is, even once new work is saved.
  await tl.page.evaluate(clearStoredWork);
  await tl.page.evaluate(() => localStorage.setItem('citeline.workspace.v1', '{"documents": 7'));
  await tl.page.reload();
  await tl.ready();
  const warning = tl.locator('.add-documents .message.warning');
  await warning.waitFor();
  assert.match(await warning.textContent(), /could not be read .*The unreadable copy stays in this browser's localStorage \(“citeline\.workspace\.v1”\)/);
  await addPress(tl);
  await tl.page.waitForFunction(() => new Promise((resolve) => {
    indexedDB.open('citeline').onsuccess = (e) => {
      const get = e.target.result.transaction('workspace').objectStore('workspace').get('current');
      get.onsuccess = () => resolve(get.result !== undefined);
    };
  }));
  assert.equal(await tl.page.evaluate(() => localStorage.getItem('citeline.workspace.v1')), '{"documents": 7', 'the unreadable copy is kept');
  await tl.page.evaluate(clearStoredWork);
  await tl.close();
});

test('a stored workspace this version cannot read is kept aside, never written over', async () => {
  const tl = await fresh();
  await addPress(tl);
  // As if a newer version (or a damaged disk) had left a record this one cannot read.
  await tl.page.evaluate(saveBehindTheirBack, `workspace.documents = 'not a list';`);
  const damaged = (await tl.page.evaluate(storedRecord)).json;
  await tl.page.reload();
  await tl.ready();
  const warning = tl.locator('.add-documents .message.warning');
  await warning.waitFor();
  assert.match(await warning.textContent(), /could not be read .*The unreadable copy is kept in this browser's storage \(IndexedDB “citeline”, record “unreadable”\)/);
  const aside = await tl.page.evaluate(() => new Promise((resolve) => {
    indexedDB.open('citeline').onsuccess = (e) => {
      const get = e.target.result.transaction('workspace').objectStore('workspace').get('unreadable');
      get.onsuccess = () => resolve(get.result);
    };
  }));
  assert.equal(aside, damaged, 'the unreadable record is kept as it was');
  // Work goes on: a new document is saved as the next revision.
  await addPress(tl);
  await tl.page.waitForFunction(() => new Promise((resolve) => {
    indexedDB.open('citeline').onsuccess = (e) => {
      const get = e.target.result.transaction('workspace').objectStore('workspace').get('current');
      get.onsuccess = () => resolve(JSON.parse(get.result.json).documents.length === 1);
    };
  }));
  assert.deepEqual(tl.errors, []);
  await tl.page.evaluate(clearStoredWork);
  await tl.close();
});
