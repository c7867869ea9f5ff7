// Accessibility beyond the checker's first screen: axe-core (npm) over every state a reader or an
// author reaches, in all three engines (drivers.mjs), with no violation of WCAG 2.1 A/AA or of
// axe's best practices. Chromium also checks reduced motion and forced colours (it can emulate both).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, screenshot, outputDir } from './harness.mjs';
import { TimelinePage, hostHtml, embedScript, clearStoredWork } from './pages.mjs';
import { ENGINES, launchEngine } from './drivers.mjs';
import { generate } from '../../bench/gen-data.mjs';

const APP_EVENT = '.timeline:not(.static) [data-event-id]';
const PRESS = `Council approves new bridge

LONDON, 12 March 2019

The city council approved the new river bridge today after a two-year consultation.
The bridge is due to open on Friday 3 June 2022.`;

let app, data, dataDir;

before(async () => {
  app = await serve(undefined, { cors: true });
  dataDir = await mkdtemp(join(tmpdir(), 'citeline-a11y-'));
  await writeFile(join(dataDir, 'events.json'), JSON.stringify(generate(10_000)));
  await writeFile(join(dataDir, 'article.html'), hostHtml(`<main><h1>A news article</h1><p>Text before the timeline.</p>
    <iframe id="tl" data-citeline title="Timeline" src="${app.url}?embed=1&event=contest-2011"></iframe></main>
    ${embedScript(app.url)}`, '<title>Article</title><meta name="viewport" content="width=device-width, initial-scale=1">'));
  data = await serve(dataDir, { cors: true });
  // An event with a picture, a link card, passages linked at their source, and uncertain dates.
  const text = 'The mill opened about 1850. A film of the strike, probably in June 1911, survives.';
  const passage = (q) => ({ document: 'd', supports: ['date', 'description'], quote: { exact: q }, position: { start: text.indexOf(q), end: text.indexOf(q) + q.length } });
  await writeFile(join(dataDir, 'rich.json'), JSON.stringify({
    format: 'citeline-timeline', version: 1, title: 'The mill town',
    documents: [{ id: 'd', title: 'Town history', publisher: 'Local society', text, url: 'https://example.org/history', archived_url: 'https://web.archive.org/web/2020/https://example.org/history', accessed: '2026-11-30' }],
    events: [
      { id: 'mill', title: 'Mill opens', summary: 'The mill opened.', date: '1850~', date_basis: { kind: 'stated', explanation: 'Stated.' },
        passages: [passage('The mill opened about 1850.')],
        media: { url: `${data.url}mill.svg`, alt: 'A drawing of the mill', caption: 'The mill', credit: 'Local society' } },
      { id: 'strike', title: 'The strike', summary: 'A film survives.', date: '1911-06?', date_basis: { kind: 'stated', explanation: 'Stated.' },
        passages: [passage('A film of the strike, probably in June 1911, survives.')],
        media: { url: 'https://www.youtube.com/watch?v=abc123' } },
    ],
  }));
  await writeFile(join(dataDir, 'mill.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200"><rect width="400" height="200" fill="#cfd8dc"/><rect x="150" y="60" width="100" height="140" fill="#6d4c41"/></svg>');
});
after(async () => {
  await app?.close();
  await data?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The violations as lines people can read: rule, impact, what it asks, where. */
const describeViolations = (violations) => violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`);

/** Page-side: marks the first button whose text is `text` for a click by selector. */
function markButton(text) {
  document.querySelectorAll('[data-test-target]').forEach((el) => el.removeAttribute('data-test-target'));
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === text);
  button?.setAttribute('data-test-target', '');
  return Boolean(button);
}

for (const engine of ENGINES) {
  describe(engine, () => {
    let browser;
    before(async () => {
      browser = await launchEngine(engine);
    });
    after(async () => {
      await browser?.close();
    });

    /** Opens `url` (relative to the app unless absolute), runs `steps(page)`, then axe: no violations. */
    async function check(name, url, { viewport, waitFor = APP_EVENT, steps = async () => {}, frame } = {}) {
      const page = await browser.newPage(viewport);
      try {
        await page.goto(/^https?:/.test(url) ? url : app.url + url);
        if (waitFor) await page.waitForSelector(waitFor);
        await page.waitFor(() => !document.querySelector('.reading-status'), null, { timeout: 60_000, what: 'the whole file drawn' });
        await steps(page);
        await page.nextFrames();
        const target = frame ? page.frame(frame) : page;
        const violations = await target.axe();
        await page.screenshot(join(outputDir, 'a11y', `${engine}-${name}.png`));
        assert.deepEqual(describeViolations(violations), [], `${engine}, ${name}`);
      } finally {
        await page.close();
      }
    }

    test('the seed page, an event selected, dark, and on a phone', async () => {
      await check('seed', '');
      await check('selected', '#event=contest-2018-launch', { steps: (p) => p.waitForSelector('[data-detail-for="contest-2018-launch"] [data-passage]') });
      await check('dark', '?theme=dark#event=attacks-2017', { steps: (p) => p.waitForSelector('[data-detail-for="attacks-2017"] [data-passage]') });
      await check('phone', '#event=global-internet-forum-trip', {
        viewport: { width: 447, height: 844 },
        steps: (p) => p.waitForSelector('[data-detail-for="global-internet-forum-trip"] [data-passage]'),
      });
    });

    test('the source and share dialogs', async () => {
      await check('source-dialog', '#event=contest-2018-launch', {
        steps: async (p) => {
          await p.waitForSelector('[data-detail-for="contest-2018-launch"] .show-source');
          await p.click('[data-detail-for="contest-2018-launch"] .show-source');
          await p.waitForSelector('dialog.source[open]');
        },
      });
      await check('share-dialog', '', {
        steps: async (p) => {
          await p.click('.share-button');
          await p.waitForSelector('dialog.share[open]');
        },
      });
    });

    test('a search with filters open, its results and the story buttons', async () => {
      await check('search', '#event=contest-2018-launch&q=strategy&precision=day', {
        steps: async (p) => {
          await p.waitForSelector('.search-results .result');
          await p.waitForSelector('[data-detail-for="contest-2018-launch"] .story-nav');
          await p.waitForSelector('.search-filters[open] select');
        },
      });
    });

    test('tracks by source: the legend, one track collapsed, one event selected', async () => {
      await check('tracks', '#event=contest-2011&tracks=document&collapse=home-office-contest-2018', {
        steps: async (p) => {
          await p.waitForSelector('.plot .track.collapsed');
          await p.waitForSelector('.track-legend input');
        },
      });
    });

    test('in Arabic (right to left) and in Japanese, an event selected and tracks by source', async () => {
      for (const lang of ['ar', 'ja']) {
        await check(`lang-${lang}`, `?lang=${lang}#event=contest-2018-launch&tracks=document`, {
          steps: async (p) => {
            await p.waitForSelector('[data-detail-for="contest-2018-launch"]');
            await p.waitForSelector('.plot .track');
          },
        });
      }
    });

    test('an event with a picture, a link card, source links and uncertain dates', async () => {
      const src = `?src=${encodeURIComponent(`${data.url}rich.json`)}`;
      await check('media', `${src}#event=mill`, { steps: (p) => p.waitForSelector('[data-detail-for="mill"] .media-image img') });
      await check('media-card', `${src}#event=strike`, { steps: (p) => p.waitForSelector('[data-detail-for="strike"] .media-card') });
    });

    test('Add documents with proposals', async () => {
      await check('add-documents', '', {
        steps: async (p) => {
          await p.evaluate(clearStoredWork);
          await p.reload();
          await p.waitForSelector(APP_EVENT);
          await p.fill('#paste', PRESS);
          await p.waitFor(markButton, 'Use this text');
          await p.click('[data-test-target]');
          await p.waitForSelector('.review');
          await p.waitFor(markButton, 'Find events');
          await p.click('[data-test-target]');
          await p.waitForSelector('[data-proposal]', { timeout: 60_000 });
        },
      });
      const page = await browser.newPage();
      await page.goto(app.url);
      await page.evaluate(clearStoredWork);
      await page.close();
    });

    test('a skip link leads to the list of events in time order, which selects on the timeline', async () => {
      const page = await browser.newPage();
      try {
        // 10,000 events from ?src=: no static list; the app lists them, a hundred at a time.
        await page.goto(`${app.url}?src=${encodeURIComponent(`${data.url}events.json`)}`);
        await page.waitForSelector('.app-list li');
        await page.waitFor(() => !document.querySelector('.reading-status'), null, { timeout: 60_000, what: 'the whole file drawn' });
        await page.evaluate(() => document.activeElement?.blur());
        await page.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link', 'Tab reaches the skip link first');
        assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the list of events');
        await page.press('Enter');
        await page.waitFor(() => location.hash === '#event-list' && document.getElementById('event-list').checkVisibility() && Math.abs(document.getElementById('event-list').getBoundingClientRect().top) < 40);
        const list = await page.evaluate(() => ({
          heading: document.getElementById('event-list-heading').textContent,
          entries: document.querySelectorAll('#event-list li').length,
        }));
        assert.equal(list.heading, '10,000 events, in time order');
        assert.equal(list.entries, 100);
        assert.deepEqual(describeViolations(await page.axe()), [], `${engine}, the list view`);
        // By start (a year starts on its 1 January, a month on its 1st); the first <time> of each.
        const starts = await page.evaluate(() => [...document.querySelectorAll('#event-list li')]
          .map((li) => li.querySelector('time').getAttribute('datetime').slice(0, 10))
          .map((d) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d)));
        assert.deepEqual(starts, [...starts].sort(), 'in time order of their starts');
        // Choosing an entry selects its event and takes the reader to its details.
        const id = await page.evaluate(() => document.querySelectorAll('#event-list li')[3].dataset.listEvent);
        await page.click(`[data-list-event="${id}"] button`);
        await page.waitForSelector(`[data-detail-for="${id}"]`);
        await page.waitFor(() => document.activeElement?.matches('.detail h2'));
        await page.click('#event-list .more');
        await page.waitFor(() => document.querySelectorAll('#event-list li').length === 200);
        assert.deepEqual(await page.errors(), []);
        // The seed page's own static list is the skip link's target there.
        await page.goto(app.url);
        await page.waitForSelector(APP_EVENT);
        assert.equal(await page.evaluate(() => document.querySelectorAll('#event-list').length), 1);
        assert.equal(await page.evaluate(() => document.querySelector('#event-list li article h3')?.textContent), 'Previous CONTEST strategy published');
      } finally {
        await page.close();
      }
    });

    test('embedded in an article, and 10,000 events in clusters', async () => {
      await check('embed', `${data.url}article.html`, {
        waitFor: null,
        frame: '#tl',
        steps: (p) => p.frame('#tl').waitForSelector('[data-detail-for="contest-2011"]'),
      });
      await check('clusters-10000', `?src=${encodeURIComponent(`${data.url}events.json`)}`, {
        waitFor: '.timeline:not(.static) [data-cluster]',
      });
    });
  });
}

describe('chromium: reduced motion and forced colours', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  // Labels have no colour transition under any motion preference: a zoom step reuses a label's
  // element for another item, and a transition would fade colours (and repaint) while zooming.
  test('labels change colour without a transition, whatever the motion preference', async () => {
    const tl = await TimelinePage.open(browser.context, app.url);
    const duration = () => tl.event('contest-2011').evaluate((b) => getComputedStyle(b).transitionDuration);
    for (const reducedMotion of ['no-preference', 'reduce']) {
      await tl.page.emulateMedia({ reducedMotion });
      assert.equal(await duration(), '0s', reducedMotion);
    }
    await tl.close();
  });

  test('forced colours: labels keep a whole border and the selection stands out (screenshots)', async () => {
    for (const theme of ['light', 'dark']) {
      const tl = await TimelinePage.open(browser.context, `${app.url}?theme=${theme}#event=contest-2018-launch`);
      await tl.page.emulateMedia({ forcedColors: 'active' });
      await tl.waitForPassages('contest-2018-launch');
      const borders = await tl.event('contest-2011').evaluate((b) => {
        const s = getComputedStyle(b);
        return [s.borderTopWidth, s.borderLeftWidth, s.borderTopStyle];
      });
      assert.deepEqual(borders, ['1px', '4px', 'solid']);
      const [selected, other] = await tl.page.evaluate(() => ['.lanes .event.selected', '.lanes .event:not(.selected)']
        .map((s) => getComputedStyle(document.querySelector(s)).backgroundColor));
      assert.notEqual(selected, other, 'the selected label is filled');
      await tl.page.evaluate(() => scrollTo(0, 0));
      await screenshot(tl.page, `forced-colors-${theme}`, { fullPage: false });
      await tl.close();
    }
  });
});
