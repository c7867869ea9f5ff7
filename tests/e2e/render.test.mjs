// `citeline render`: the seed published as a static page. Without JavaScript every event, date and
// passage is there to read and `#event=` links scroll to the event; with JavaScript the app takes
// the page over and loads the data the page carries.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, dist, root, seedTexts, screenshot } from './harness.mjs';
import { overlaps, StaticView, TimelinePage } from './pages.mjs';

let server, plain, scripted, seeds;

before(async () => {
  seeds = await seedTexts();
  const dir = await mkdtemp(join(tmpdir(), 'citeline-render-'));
  // The seed as one timeline file, as a newsroom would hand one over.
  const timeline = JSON.parse(await readFile(join(root, 'seeds', 'manifest.json'), 'utf8'));
  for (const doc of timeline.documents) {
    doc.text = seeds.texts[doc.id];
    delete doc.file;
  }
  timeline.events = seeds.events;
  await writeFile(join(dir, 'seed.json'), JSON.stringify(timeline));
  const site = join(dir, 'site');
  // The test command builds the CLI before the browser tests.
  execFileSync(join(root, 'target', 'debug', 'citeline'), ['render', join(dir, 'seed.json'), '--assets', dist, '--out', site]);
  server = await serve(site);
  plain = await launch({ javaScriptEnabled: false });
  scripted = await launch();
});
after(async () => {
  await plain?.close();
  await scripted?.close();
  await server?.close();
});

/** The ISO values a seed event's date is written with. */
const datetimes = (date) => (typeof date === 'string' ? [date] : [date.start, date.end]);

test('without JavaScript, every event, date and passage is readable and #event= scrolls to it', async () => {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    const page = await plain.context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`${server.url}#event=global-internet-forum-trip`);
    const view = new StaticView(page);
    for (const event of seeds.events) {
      assert.equal(await view.title(event.id), event.title);
      assert.deepEqual(await view.times(event.id), datetimes(event.date), `${event.id}: <time datetime>`);
      assert.deepEqual(await view.marks(event.id), event.passages.map((p) => p.quote.exact), `${event.id}: every passage quoted`);
    }
    assert.ok(await view.inView('global-internet-forum-trip'), `${name}: the link scrolled to the event`);
    // The strip is drawn from the page's own stylesheet: its labels sit apart, inside the strip.
    const strip = await view.stripBox();
    const labels = await view.labelBoxes();
    assert.equal(labels.length, seeds.events.length, 'every seed event has a label at the fit-all view');
    for (let i = 0; i < labels.length; i++) {
      assert.ok(labels[i].l >= strip.x - 0.5 && labels[i].r <= strip.x + strip.width + 0.5, `${labels[i].id} inside the strip`);
      for (const other of labels.slice(i + 1)) assert.ok(!overlaps(labels[i], other), `${labels[i].id} overlaps ${other.id}`);
    }
    assert.ok(new Set(labels.map((b) => Math.round(b.l))).size > 1, 'labels are placed, not stacked at the left');
    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, `render-nojs-${name}`, { fullPage: false });
    await page.close();
  }
});

test('with JavaScript, the app takes the page over and loads the data it carries', async () => {
  const tl = await TimelinePage.open(scripted.context, `${server.url}#event=contest-2011`);
  await tl.waitForDetail('contest-2011');
  assert.equal(await new StaticView(tl.page).root().count(), 0, 'the static view is replaced');
  assert.deepEqual((await tl.drawnEventIds()).sort(), seeds.events.map((e) => e.id).sort());
  assert.deepEqual(tl.errors, []);
  await tl.close();
});
