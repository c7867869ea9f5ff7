// Tracks: the seed's two sources side by side (grouped by source document), collapsed and hidden
// from the legend, all of it in the URL (reload, back and forward); and 10,000 events in their five
// groups (the benchmark's data, which TimelineJS3 gives a `group`): shown in tracks from the start,
// each track clustered and laid out on its own, labels never overlapping within a track, a
// cluster in a track listing its own events, zoomed down to single events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, serveSynthetic, launch, screenshot, root } from './harness.mjs';
import { TimelinePage } from './pages.mjs';

const N = 10_000;
let server, synthetic, browser, data, dataUrl;

before(async () => {
  synthetic = await serveSynthetic(N);
  ({ data, url: dataUrl } = synthetic);
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await synthetic?.close();
});

/** Each track's key, label, whether collapsed, the ids of its events drawn alone, and its label boxes. */
const tracksOf = (tl) => tl.page.evaluate(() => [...document.querySelectorAll('#app .plot .track')].map((t) => ({
  key: t.dataset.track,
  label: t.querySelector('.track-name').textContent,
  expanded: t.querySelector('.track-toggle').getAttribute('aria-expanded') === 'true',
  ids: [...t.querySelectorAll('[data-event-id]')].map((e) => e.dataset.eventId),
  events: [...t.querySelectorAll('.event')].reduce((n, e) => n + (Number(e.dataset.cluster) || 1), 0),
  boxes: [...t.querySelectorAll('.event')].map((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  }),
  lanes: (() => {
    const r = t.querySelector('.lanes')?.getBoundingClientRect();
    return r ? { top: r.top, bottom: r.bottom } : null;
  })(),
  markers: t.querySelectorAll('.track-rail .marker').length,
})));

/** Pairs of label boxes in one track that overlap (more than a rounding pixel). */
function overlaps(track) {
  const found = [];
  track.boxes.forEach((a, i) => track.boxes.slice(i + 1).forEach((b) => {
    const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (x > 1 && y > 1) found.push(`${track.key}: ${JSON.stringify(a)} × ${JSON.stringify(b)}`);
  }));
  return found;
}

/** Every label lies within its track's lanes. */
function inLanes(track) {
  return !track.lanes || track.boxes.every((b) => b.top >= track.lanes.top - 1 && b.bottom <= track.lanes.bottom + 1);
}

test('the seed by source: two tracks side by side, collapsed and hidden from the legend, kept in the URL through reload and history', async () => {
  const events = JSON.parse(await readFile(join(root, 'seeds', 'events.json'), 'utf8')).events;
  const manifest = JSON.parse(await readFile(join(root, 'seeds', 'manifest.json'), 'utf8'));
  const documents = manifest.documents.map((d) => d.id);
  const expected = Object.fromEntries(documents.map((d) => [d, events.filter((e) => e.passages[0].document === d).map((e) => e.id).sort()]));
  for (const [name, viewport, scheme] of [['desktop', { width: 1280, height: 900 }, 'light'], ['phone-dark', { width: 390, height: 844 }, 'dark']]) {
    const tl = await TimelinePage.open(browser.context, 'about:blank', { wait: false, viewport });
    await tl.page.emulateMedia({ colorScheme: scheme });
    await tl.page.goto(server.url);
    await tl.ready();
    assert.equal(await tl.locator('.plot .track').count(), 0, 'one row to begin with');
    assert.equal(await tl.locator('.toolbar .track-by').inputValue(), 'none');
    await tl.locator('.toolbar .track-by').selectOption('document');
    await tl.locator('.plot .track').nth(1).waitFor();
    assert.equal(new URL(tl.page.url()).hash, '#tracks=document');
    let tracks = await tracksOf(tl);
    assert.deepEqual(tracks.map((t) => t.key), documents, 'a track per document, in the documents\' order');
    for (const t of tracks) {
      assert.deepEqual([...t.ids].sort(), expected[t.key], `${t.key}: its events`);
      assert.deepEqual(overlaps(t), []);
      assert.ok(inLanes(t), `${t.key}: labels within the track`);
      assert.ok(t.expanded && t.markers === t.ids.length);
    }
    // The legend names each track with its count.
    const legend = await tl.locator('.track-legend .track-entry').allTextContents();
    assert.deepEqual(legend.map((l) => l.replace(/\s+/g, ' ').trim()),
      manifest.documents.map((d) => `${d.title} (${expected[d.id].length})`));
    await screenshot(tl.page, `tracks-seed-${name}`, { fullPage: false });

    // Collapse the second: its markers stay, its labels go.
    await tl.locator('.plot .track').nth(1).locator('.track-toggle').click();
    await tl.page.waitForFunction(() => document.querySelectorAll('#app .plot .track')[1]?.querySelector('.track-toggle').getAttribute('aria-expanded') === 'false');
    tracks = await tracksOf(tl);
    assert.equal(tracks[1].ids.length, 0, 'a collapsed track draws no labels');
    assert.equal(tracks[1].markers, expected[documents[1]].length, 'but still its markers');
    assert.equal(new URL(tl.page.url()).hash, `#tracks=document&collapse=${documents[1]}`);
    // Hide the first from the legend: gone from the plot, listed unticked; Show all brings it back.
    await tl.locator('.track-legend input').first().uncheck();
    await tl.page.waitForFunction(() => document.querySelectorAll('#app .plot .track').length === 1);
    assert.equal(new URL(tl.page.url()).hash, `#tracks=document&hide=${documents[0]}&collapse=${documents[1]}`);
    assert.equal(await tl.locator('.track-legend input').first().isChecked(), false);
    await screenshot(tl.page, `tracks-seed-hidden-${name}`, { fullPage: false });
    // The legend filters the search too: a hidden track's events are not among the results, nor
    // its document among the places in the sources.
    await tl.locator('#search').fill('strategy');
    await tl.locator('.search-results').waitFor();
    const found = await tl.locator('.search-results .result').evaluateAll((rs) => rs.map((r) => r.dataset.eventId));
    assert.ok(found.length > 0 && found.every((id) => expected[documents[1]].includes(id)), `results: ${found}`);
    const places = await tl.locator('.search-results .places .place-document').allTextContents();
    assert.ok(places.every((p) => !p.includes(manifest.documents[0].title)), `places: ${places}`);
    await tl.locator('#search').fill('');
    await tl.locator('.search-results').waitFor({ state: 'detached' });
    // A reload keeps it all.
    await tl.page.reload();
    await tl.locator('.plot .track').first().waitFor();
    tracks = await tracksOf(tl);
    assert.deepEqual(tracks.map((t) => [t.key, t.expanded]), [[documents[1], false]]);
    assert.equal(await tl.locator('.toolbar .track-by').inputValue(), 'document');
    // A selection joins the tracks in the URL; back leaves the tracks as they were.
    await tl.locator('.track-show-all').click();
    await tl.page.waitForFunction(() => document.querySelectorAll('#app .plot .track').length === 2);
    assert.equal(new URL(tl.page.url()).hash, '#tracks=document');
    const id = expected[documents[0]][0];
    await tl.select(id);
    await tl.waitForDetail(id);
    assert.equal(new URL(tl.page.url()).hash, `#event=${id}&tracks=document`);
    await tl.page.goBack();
    await tl.detail(id).waitFor({ state: 'detached' });
    assert.equal((await tracksOf(tl)).length, 2, 'back: still in tracks');
    // Back to one row.
    await tl.locator('.toolbar .track-by').selectOption('none');
    await tl.page.waitForFunction(() => document.querySelectorAll('#app .plot .track').length === 0);
    assert.equal(new URL(tl.page.url()).hash, '#tracks=none');
    assert.equal(await tl.locator('.plot [data-event-id]').count(), events.length);
    assert.deepEqual(tl.errors, []);
    await tl.close();
  }
});

test('10,000 events in five groups: a track each from the start, clustered on its own, labels apart, a cluster lists its own track\'s events, zoomed to single events', async () => {
  const groups = [...new Set(data.events.map((e) => e.group))];
  const counts = Object.fromEntries(groups.map((g) => [g, data.events.filter((e) => e.group === g).length]));
  for (const [name, viewport, scheme] of [['desktop', { width: 1280, height: 900 }, 'light'], ['phone-dark', { width: 390, height: 844 }, 'dark']]) {
    const tl = await TimelinePage.open(browser.context, 'about:blank', { wait: false, viewport });
    await tl.page.emulateMedia({ colorScheme: scheme });
    await tl.page.goto(`${server.url}?src=${encodeURIComponent(dataUrl)}`);
    await tl.locator('.plot .track .event').first().waitFor({ timeout: 60_000 });
    await tl.whole();
    let tracks = await tracksOf(tl);
    assert.deepEqual(tracks.map((t) => t.key), groups, 'a track per group, in the order they first appear');
    assert.equal(await tl.locator('.toolbar .track-by').inputValue(), 'group');
    for (const t of tracks) {
      assert.equal(t.events, counts[t.key], `${t.key}: every event of the track is drawn or counted at full span`);
      assert.deepEqual(overlaps(t), []);
      assert.ok(inLanes(t), `${t.key}: labels within the track`);
    }
    const legend = await tl.locator('.track-legend .track-entry').allTextContents();
    assert.deepEqual(legend.map((l) => l.replace(/\s+/g, ' ').trim()), groups.map((g) => `${g} (${counts[g].toLocaleString('en-GB')})`));
    await screenshot(tl.page, `tracks-10k-${name}`, { fullPage: false });

    // On a phone, a reader keeps one track: the others hidden, it gets their lanes.
    if (name.startsWith('phone')) {
      for (let i = 1; i < groups.length; i++) await tl.locator('.track-legend input').nth(i).uncheck();
      await tl.page.waitForFunction(() => document.querySelectorAll('#app .plot .track').length === 1);
      assert.equal(new URL(tl.page.url()).hash, `#${groups.slice(1).sort().map((g) => `hide=${g}`).join("&")}`);
    }
    // Zoom down to two days: single events, each in its own group's track.
    const box = await tl.plotBox();
    for (let i = 0; i < 90; i++) {
      const [start, end] = await tl.viewWindow();
      if (end - start <= 2) break;
      await tl.wheel(box.x + box.width / 2, box.y + 60, -240);
    }
    tracks = await tracksOf(tl);
    const groupOf = new Map(data.events.map((e) => [e.unique_id, e.group]));
    let alone = 0;
    for (const t of tracks) {
      assert.deepEqual(overlaps(t), []);
      assert.ok(inLanes(t));
      for (const id of t.ids) assert.equal(groupOf.get(id), t.key, `${id} in its group's track`);
      alone += t.ids.length;
    }
    assert.ok(alone > 0, 'single events drawn when zoomed in');
    await screenshot(tl.page, `tracks-10k-zoomed-${name}`, { fullPage: false });
    assert.deepEqual(tl.errors, []);
    await tl.close();
  }
});

test('a cluster in a track lists that track\'s events only, and the one picked is drawn alone in its track', async () => {
  const groups = [...new Set(data.events.map((e) => e.group))];
  // One day of 2020: each track's year-precision events of 2020 form a cluster that zooming cannot split.
  const tl = await TimelinePage.open(browser.context,
    `${server.url}?src=${encodeURIComponent(dataUrl)}&start=2020-06-10&end=2020-06-11`, { viewport: { width: 1280, height: 900 }, wait: false });
  const second = tl.locator('.plot .track').nth(1);
  const year = second.locator('.event.cluster', { hasText: /^⊕?\s*[\d,]+ events\s*2020$/ });
  await year.first().waitFor({ timeout: 60_000 });
  await tl.whole();
  const expected = data.events.filter((e) => e.group === groups[1] && e.start_date.year === '2020' && !e.start_date.month);
  assert.equal(Number(await year.first().getAttribute('data-cluster')), expected.length, 'the track\'s year-precision events of 2020');
  await year.first().click();
  await tl.clusterList().waitFor();
  const ids = await tl.clusterListEvents().evaluateAll((els) => els.map((e) => e.dataset.listEventId));
  assert.deepEqual(ids.sort(), expected.map((e) => e.unique_id).sort().slice(0, 100).sort());
  await tl.clusterListEvents().first().click();
  await tl.locator('.detail h2').first().waitFor();
  await second.locator(`[data-event-id="${ids[0]}"]`).waitFor();
  assert.equal(Number(await year.first().getAttribute('data-cluster')), expected.length - 1, 'pulled out of its cluster');
  assert.deepEqual(tl.errors, []);
  await tl.close();
});
