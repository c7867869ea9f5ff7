// Every way out: the timeline as Citeline JSON, TimelineJS3 JSON, the sheet CSV and iCalendar,
// from "Share / export"; and what TimelineJS3's file holds comes back into Citeline whole.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, screenshot, outputDir } from './harness.mjs';
import { TimelinePage } from './pages.mjs';

let app, data, browser, dir;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citeline-export-'));
  app = await serve();
  data = await serve(dir, { cors: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of [app, data]) await s?.close();
});

/** Clicks the export button `name` in the open dialog; the downloaded file's name and text. */
async function exported(tl, dialog, name) {
  const [download] = await Promise.all([tl.page.waitForEvent('download'), dialog.getByRole('button', { name }).click()]);
  return { file: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('"Share / export" writes the timeline in every format, each with its evidence; TimelineJS3 comes back whole', async () => {
  const tl = await TimelinePage.open(browser.context, app.url);
  const ids = await tl.page.evaluate(() => [...document.querySelectorAll('#app [data-event-id]')].map((e) => e.dataset.eventId));
  assert.ok(ids.length >= 5, `${ids.length} seed events drawn`);
  const dialog = await tl.openShare();
  await dialog.getByRole('heading', { name: 'Export', exact: true }).scrollIntoViewIfNeeded();
  await screenshot(tl.page, 'export-dialog', { fullPage: false });

  const ours = await exported(tl, dialog, 'Citeline JSON');
  assert.match(ours.file, /\.citeline\.json$/);
  const timeline = JSON.parse(ours.text);
  assert.equal(timeline.format, 'citeline-timeline');
  assert.deepEqual(timeline.events.map((e) => e.id).sort(), [...ids].sort());

  const tjs = await exported(tl, dialog, 'TimelineJS3 JSON');
  assert.match(tjs.file, /\.timelinejs\.json$/);
  const slides = JSON.parse(tjs.text);
  assert.equal(slides.events.length, timeline.events.length);
  const launch = slides.events.find((e) => e.unique_id === 'contest-2018-launch');
  assert.deepEqual(launch.start_date, { year: 2018, month: 6, day: 4 });
  assert.match(launch.text.text, /<blockquote>.+<\/blockquote><p>— .+, Home Office/, 'the passages and their sources are in the slide');

  const csv = await exported(tl, dialog, /Spreadsheet/);
  assert.match(csv.file, /\.csv$/);
  assert.ok(csv.text.startsWith('Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,'));
  assert.ok(csv.text.includes('\r\n2018,6,4,,,,,,,'), 'the launch, dated to the day');

  const ics = await exported(tl, dialog, /Calendar/);
  assert.match(ics.file, /\.ics$/);
  assert.equal(ics.text.match(/BEGIN:VEVENT/g).length, timeline.events.length);
  assert.match(ics.text, /DTSTAMP:\d{8}T\d{6}Z\r\n/);
  assert.match(ics.text.replace(/\r\n /g, ''), /UID:contest-2018-launch@[^\r]+\r\nDTSTAMP:\d{8}T\d{6}Z\r\nDTSTART;VALUE=DATE:20180604\r\nDTEND;VALUE=DATE:20180605\r\n/);

  // A picture of the view: SVG, and PNG at twice its size.
  const svg = await exported(tl, dialog, 'Picture of this view (SVG)');
  assert.match(svg.file, /-view\.svg$/);
  assert.match(svg.text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)"/);
  for (const title of ['Previous CONTEST strategy published']) assert.ok(svg.text.includes(`>${title}</text>`), `${title} in the picture`);
  const [pngDownload] = await Promise.all([tl.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Picture of this view (PNG)' }).click()]);
  const png = await readFile(await pngDownload.path());
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  const svgWidth = Number(svg.text.match(/width="(\d+)"/)[1]);
  assert.equal(png.readUInt32BE(16), svgWidth * 2, 'drawn at twice the size');
  await writeFile(join(outputDir, 'export-view.png'), png);

  // The TimelineJS3 file read back by Citeline: every event, with its id and date.
  await writeFile(join(dir, 'back.json'), tjs.text);
  const back = await TimelinePage.open(browser.context, `${app.url}?src=${encodeURIComponent(`${data.url}back.json`)}`, { wait: false });
  await back.event('contest-2018-launch').waitFor();
  await back.select('contest-2018-launch');
  assert.match(await back.locator('.detail .date-long').textContent(), /Monday 4 June 2018/);
  const backIds = await back.page.evaluate(() => [...document.querySelectorAll('#app [data-event-id]')].map((e) => e.dataset.eventId));
  assert.deepEqual(backIds.sort(), [...ids].sort());
  assert.deepEqual([...tl.errors, ...back.errors], []);
  await back.close();
  await tl.close();
});
