// Search and filters on the seed timeline: matches stand out and the rest are dimmed, the result
// list marks the words, the documents' whole texts are searched, and all of it lives in the URL
// (shared, reloaded, embedded, through back and forward along with the selection).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, screenshot } from './harness.mjs';
import { TimelinePage } from './pages.mjs';
import { readFile } from 'node:fs/promises';

let server, browser;

before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Each drawn event's search class: 'match', 'dimmed' or '' (no search). */
const marksOf = (tl) => tl.page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#app .plot [data-event-id]')]
  .map((e) => [e.dataset.eventId, e.classList.contains('match') ? 'match' : e.classList.contains('dimmed') ? 'dimmed' : ''])));

test('typing searches titles, summaries and passages: matches stand out, the rest dim, the words are marked, the URL keeps it', async () => {
  for (const [name, viewport, scheme] of [['desktop', { width: 1280, height: 800 }, 'light'], ['phone-dark', { width: 390, height: 844 }, 'dark']]) {
    const tl = await TimelinePage.open(browser.context, 'about:blank', { wait: false, viewport });
    await tl.page.emulateMedia({ colorScheme: scheme });
    await tl.page.goto(server.url);
    await tl.ready();
    assert.deepEqual(Object.values(await marksOf(tl)).filter(Boolean), [], 'no search: nothing dimmed');
    await tl.locator('#search').fill('internet forum');
    await tl.locator('.search-results').waitFor();
    assert.equal(await tl.locator('.search-count').textContent(), '1 of 6 events matches');
    const marks = await marksOf(tl);
    assert.equal(marks['global-internet-forum-trip'], 'match');
    assert.ok(Object.entries(marks).every(([id, m]) => id === 'global-internet-forum-trip' || m === 'dimmed'), JSON.stringify(marks));
    assert.equal(new URL(tl.page.url()).hash, '#q=internet%20forum');
    const marked = await tl.locator('.search-results .result-passage mark').allTextContents();
    assert.ok(marked.some((m) => /^internet$/i.test(m)) && marked.some((m) => /^forum$/i.test(m)), `marked: ${marked}`);
    await screenshot(tl.page, `search-${name}`, { fullPage: false });
    // A result selects its event; the selection joins the search in the URL, and back undoes it.
    await tl.locator('.search-results .result').first().click();
    await tl.waitForDetail('global-internet-forum-trip');
    assert.equal(new URL(tl.page.url()).hash, '#event=global-internet-forum-trip&q=internet%20forum');
    await tl.page.goBack();
    await tl.detail('global-internet-forum-trip').waitFor({ state: 'detached' });
    assert.equal(await tl.locator('#search').inputValue(), 'internet forum', 'the search stays');
    // Clearing the box shows everything again and leaves the URL clean.
    await tl.locator('#search').fill('');
    await tl.locator('.search-results').waitFor({ state: 'detached' });
    assert.deepEqual(Object.values(await marksOf(tl)).filter(Boolean), []);
    assert.equal(new URL(tl.page.url()).hash, '');
    assert.deepEqual(tl.errors, []);
    await tl.close();
  }
});

test('a shared link with a search and filters opens filtered; the documents\' whole texts are searched too', async () => {
  const tl = await TimelinePage.open(browser.context, `${server.url}#q=publication&precision=day`);
  assert.equal(await tl.locator('#search').inputValue(), 'publication');
  assert.equal(await tl.locator('.search-filters').evaluate((d) => d.open), true, 'filters on: shown open');
  assert.equal(await tl.locator('.search-filters select').nth(2).inputValue(), 'day');
  assert.equal(await tl.locator('.search-count').textContent(), '1 of 6 events matches');
  assert.equal((await marksOf(tl))['contest-2018-launch'], 'match');
  // The APCC's text says "publication" where its passage does: a place in the sources, marked.
  const place = tl.locator('.search-results .places li').first();
  assert.match(await place.locator('.place-document').textContent(), /APCC response .* · 1 place/);
  assert.equal(await place.locator('mark').textContent(), 'publication');
  // Shown in its source, the word marked there.
  await place.locator('.show-source').click();
  await tl.locator('dialog.source[open]').waitFor();
  assert.equal(await tl.locator('dialog.source[open] .source-mark').textContent(), 'publication');
  await tl.page.keyboard.press('Escape');
  await tl.locator('dialog.source[open]').waitFor({ state: 'detached' });
  // A filter by document: only the events it supports.
  await tl.locator('#search').fill('');
  await tl.locator('.search-filters select').nth(2).selectOption('');
  const documents = tl.locator('.search-filters select').first();
  const apcc = await documents.locator('option', { hasText: 'APCC' }).getAttribute('value');
  await documents.selectOption(apcc);
  await tl.locator('.search-count').filter({ hasText: /events? match/ }).waitFor();
  assert.match(new URL(tl.page.url()).hash, new RegExp(`^#doc=${encodeURIComponent(apcc)}$`));
  const matched = Object.entries(await marksOf(tl)).filter(([, m]) => m === 'match').map(([id]) => id).sort();
  const seed = JSON.parse(await readFile(new URL('../../seeds/events.json', import.meta.url), 'utf8'));
  const supported = seed.events.filter((e) => e.passages.some((p) => p.document === apcc)).map((e) => e.id).sort();
  assert.ok(supported.length > 0 && supported.length < seed.events.length);
  assert.deepEqual(matched, supported, 'the events the APCC passages support');
  // Words the seed never uses: nothing matches, and it says so.
  await tl.locator('#search').fill('zebra');
  await tl.locator('.search-results h2', { hasText: 'No event matches' }).waitFor();
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('an embedded timeline takes its search from its URL', async () => {
  const tl = await TimelinePage.open(browser.context, `${server.url}?embed=1#q=manchester`);
  const marks = await marksOf(tl);
  assert.equal(marks['attacks-2017'], 'match');
  assert.equal(marks['contest-2011'], 'dimmed');
  assert.deepEqual(tl.errors, []);
  await tl.close();
});
