// The page object for the browser tests (in the style of Leptos's `counters/e2e`): the one place
// that knows the timeline's selectors and its common steps, and the shared rigs for the pages that
// host it (an iframe with embed.js, the mount API, a strict CSP). Tests say what they do and what
// they expect; how to find an event's label or wait for a new view is written here once.
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, newPage } from './harness.mjs';

/** The selectors the page exposes for tests. Nothing else in tests/e2e names these attributes. */
const sel = {
  // The app's labels (a page's static first view has its own, until the app takes over).
  event: (id) => (id === undefined ? '.timeline:not(.static) [data-event-id]' : `.timeline:not(.static) [data-event-id="${id}"]`),
  detail: (id) => (id === undefined ? '[data-detail-for]' : `[data-detail-for="${id}"]`),
  marker: (id) => `[data-marker-for="${id}"]`,
  passage: '[data-passage]',
  label: '.lanes .event',
  stem: '.lanes .stem',
  cluster: '.lanes [data-cluster]',
  plot: '.plot',
  axis: '.axis',
};

/** Nominal days in one tick unit. */
const UNIT_DAYS = { hours: 1 / 24, days: 1, months: 30.44, years: 365.25 };

/** Whether two boxes ({l, r, t, b}) overlap by more than `tolerance` px both ways. */
export function overlaps(a, b, tolerance = 0.5) {
  return a.l < b.r - tolerance && b.l < a.r - tolerance && a.t < b.b - tolerance && b.t < a.b - tolerance;
}

/**
 * The stems (from `stemAndLabelBoxes()`) that intersect a label other than their own item's, by
 * more than `tolerance` px, each described with both boxes.
 */
export function stemCrossings({ stems, labels }, tolerance = 0.5) {
  const px = (b) => `x ${b.l.toFixed(1)}–${b.r.toFixed(1)}, y ${b.t.toFixed(1)}–${b.b.toFixed(1)}`;
  const found = [];
  for (const stem of stems) {
    labels.forEach((label, j) => {
      if (j !== stem.own && overlaps(stem, label, tolerance)) {
        found.push(`stem of ${labels[stem.own]?.id ?? '?'} (${px(stem)}) crosses label ${label.id} (${px(label)})`);
      }
    });
  }
  return found;
}

/**
 * One timeline: in a whole page, in a frame (`page.frameLocator(...)`) or in an element the mount
 * API drew into (`page.locator('#a')`). Locators are scoped to `root`.
 */
export class TimelinePage {
  constructor(page, { root = page, errors = [], workers = [], requests = [] } = {}) {
    this.page = page;
    this.root = root;
    this.errors = errors;
    this.workers = workers;
    this.requests = requests;
    this.add = new AddDocuments(this);
  }

  /** Opens `url` in a new page (with `viewport`) and waits until events are drawn (unless `wait` is false). */
  static async open(context, url, { viewport, wait = true } = {}) {
    const recorded = await newPage(context, viewport);
    await recorded.page.goto(url);
    const timeline = new TimelinePage(recorded.page, recorded);
    if (wait) await timeline.ready();
    return timeline;
  }

  /**
   * Like `open`, but records every layout shift from the first byte (PerformanceObserver, buffered),
   * for `layoutShift()`.
   */
  static async openRecordingShifts(context, url, { viewport } = {}) {
    const recorded = await newPage(context, viewport);
    await recorded.page.addInitScript(() => {
      window.__layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await recorded.page.goto(url);
    const timeline = new TimelinePage(recorded.page, recorded);
    await timeline.ready();
    return timeline;
  }

  /** The sum of the layout shifts recorded so far (see `openRecordingShifts`), after two frames. */
  async layoutShift() {
    await this.nextFrame();
    await this.nextFrame();
    return this.page.evaluate(() => window.__layoutShift);
  }

  /** The same page, looking at the timeline inside `root` (a frame locator or an element). */
  within(root) {
    return new TimelinePage(this.page, { root, errors: this.errors, workers: this.workers, requests: this.requests });
  }

  /** The timeline in the iframe `selector` of this page. */
  frame(selector = '#tl') {
    return this.within(this.page.frameLocator(selector));
  }

  locator(selector, options) {
    return this.root.locator(selector, options);
  }

  /** Waits until at least one event is drawn, and all of a download drawn as it comes. */
  async ready() {
    await this.event().first().waitFor();
    await this.whole();
  }

  /** Waits until a download drawn as it comes is drawn whole (its reading status gone). */
  async whole() {
    await this.locator('.reading-status').waitFor({ state: 'detached', timeout: 60_000 });
  }

  close() {
    return this.page.close();
  }

  /** The location's hash (`#event=…`), or ''. */
  hash() {
    return new URL(this.page.url()).hash;
  }

  // Events, markers and the detail panel.

  /** An event's label (a button), or every event label when `id` is left out. */
  event(id) {
    return this.locator(sel.event(id));
  }

  /** An event's label drawn as pending (a proposal not yet accepted). */
  pendingEvent(id) {
    return this.locator(`${sel.event(id)}.pending`);
  }

  /** An event's marker on the axis. */
  marker(id) {
    return this.locator(sel.marker(id));
  }

  /** The details shown for `id`, or for whichever event is selected when `id` is left out. */
  detail(id) {
    return this.locator(sel.detail(id));
  }

  /** Clicks an event and waits for its details. */
  async select(id) {
    await this.event(id).click();
    await this.waitForDetail(id);
  }

  /** Waits until the details of `id` are shown. */
  async waitForDetail(id) {
    await this.detail(id).waitFor();
  }

  /** Waits until the details of `id` show at least one passage. */
  async waitForPassages(id) {
    await this.detail(id).locator(sel.passage).first().waitFor();
  }

  /** The ids of the events drawn, in the order they are drawn. */
  drawnEventIds() {
    return this.event().evaluateAll((els) => els.map((e) => e.dataset.eventId));
  }

  /** The id of the event label that has the keyboard focus, or null. */
  focusedEventId() {
    return this.page.evaluate(() => document.activeElement?.dataset?.eventId ?? null);
  }

  /** True if the event's label is on screen and it is the topmost thing at its centre. */
  clickable(id) {
    return this.event(id).evaluate((el) => {
      const r = el.getBoundingClientRect();
      if (r.width < 10 || r.height < 10 || r.right < 0 || r.left > innerWidth) return false;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return el.contains(hit);
    });
  }

  /** The selected event's title. */
  async detailTitle() {
    return this.locator('.detail h2').first().textContent();
  }

  dateLong() {
    return this.locator(`${sel.detail()} .date-long`).textContent();
  }

  facts() {
    return this.locator(`${sel.detail()} .facts`).textContent();
  }

  /** The quotes shown in the details: the document, the highlighted words, the whole quote. */
  passages() {
    return this.locator(sel.passage).evaluateAll((figs) => figs.map((f) => ({
      doc: f.dataset.documentId,
      exact: f.querySelector('mark').textContent,
      quote: f.querySelector('blockquote').textContent,
    })));
  }

  /** The highlighted words of the one passage shown (it is an error if there are several). */
  passageMark() {
    return this.locator(`${sel.passage} mark`).textContent();
  }

  /** The first highlighted passage's text. */
  firstPassageMark() {
    return this.locator(`${sel.passage} mark`).first().textContent();
  }

  /** Clicks the first "Show in source" and returns the open source dialog. */
  async showSource() {
    await this.locator('.show-source').first().click();
    const dialog = this.locator('dialog.source[open]');
    await dialog.waitFor();
    return dialog;
  }

  // The view: ticks, the window, labels and stems.

  async tickUnit() {
    return this.locator(sel.axis).getAttribute('data-tick-unit');
  }

  /** The axis's tick step as a nominal number of days (finer zoom, smaller step). */
  async tickDays() {
    const axis = this.locator(sel.axis);
    const unit = await axis.getAttribute('data-tick-unit');
    const step = Number(await axis.getAttribute('data-tick-step'));
    return step * UNIT_DAYS[unit];
  }

  /** Waits until the axis ticks in `unit`. */
  async waitForTickUnit(unit) {
    await this.locator(`${sel.axis}[data-tick-unit="${unit}"]`).waitFor();
  }

  /** The plot's window as [start, end] in days since 1970-01-01. */
  async viewWindow() {
    const plot = this.locator(sel.plot);
    return [Number(await plot.getAttribute('data-view-start-days')), Number(await plot.getAttribute('data-view-end-days'))];
  }

  /** The plot's bounding box. */
  plotBox() {
    return this.locator(sel.plot).boundingBox();
  }

  /**
   * Waits until the window differs from `previous` (the plot's raw attributes, from `rawWindow`),
   * and then for one more animation frame so geometry written after the render is in place.
   */
  async waitForViewChange(previous) {
    const [start, end] = previous;
    await this.locator(`${sel.plot}:not([data-view-start-days="${start}"][data-view-end-days="${end}"])`).waitFor();
    await this.nextFrame();
  }

  /** The plot's window attributes as written (for `waitForViewChange`). */
  async rawWindow() {
    const plot = this.locator(sel.plot);
    return [await plot.getAttribute('data-view-start-days'), await plot.getAttribute('data-view-end-days')];
  }

  /** Resolves after the page's next animation frame. */
  nextFrame() {
    return this.locator(sel.plot).evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }

  /**
   * Runs `input` (wheel, drag or pinch: applied once per animation frame) and waits until the
   * window has changed.
   */
  async changeView(input) {
    const previous = await this.rawWindow();
    await input();
    await this.waitForViewChange(previous);
  }

  /** One wheel notch at (x, y); waits until the page has applied it. */
  async wheel(x, y, deltaY) {
    await this.page.mouse.move(x, y);
    await this.changeView(() => this.page.mouse.wheel(0, deltaY));
  }

  /** A mouse drag from `from` to `to` ([x, y]); waits until the page has panned. */
  async drag(from, to, steps = 5) {
    await this.page.mouse.move(...from);
    await this.changeView(async () => {
      await this.page.mouse.down();
      await this.page.mouse.move(...to, { steps });
      await this.page.mouse.up();
    });
  }

  /**
   * Two touch pointers down near the bottom of the plot at 80% across, spread apart by `spread` px
   * each way, one animation frame per step, and up; waits until the page has zoomed.
   */
  async pinchOut(spread = 150) {
    await this.changeView(() => this.locator(sel.plot).evaluate(async (plot, spread) => {
      const r = plot.getBoundingClientRect();
      const y = r.top + r.height - 30;
      const cx = r.left + r.width * 0.8;
      const fire = (type, id, x) => plot.dispatchEvent(new PointerEvent(type, {
        pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: x, clientY: y, bubbles: true, button: 0,
      }));
      fire('pointerdown', 1, cx - 10);
      fire('pointerdown', 2, cx + 10);
      for (let d = 10; d <= spread; d += 10) {
        fire('pointermove', 1, cx - d);
        fire('pointermove', 2, cx + d);
        await new Promise(requestAnimationFrame);
      }
      fire('pointerup', 1, cx - spread);
      fire('pointerup', 2, cx + spread);
    }, spread));
  }

  /** Every item label drawn (events and clusters): { id, l, r, t, b } in client px. */
  labelBoxes() {
    return this.locator(sel.label).evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.dataset.eventId ?? `cluster of ${e.dataset.cluster}`, l: r.left, r: r.right, t: r.top, b: r.bottom };
    }));
  }

  /**
   * Every stem with the labels: `stems` are { own, l, r, t, b } where `own` is the index in
   * `labels` of the stem's own item (each stem comes right before its label), and `labels` are
   * as from `labelBoxes()`.
   */
  stemAndLabelBoxes() {
    return this.locator('.lanes').first().evaluate((lanes) => {
      const box = (e) => {
        const r = e.getBoundingClientRect();
        return { l: r.left, r: r.right, t: r.top, b: r.bottom };
      };
      const labelEls = [...lanes.querySelectorAll('.event')];
      const labels = labelEls.map((e) => ({ id: e.dataset.eventId ?? `cluster of ${e.dataset.cluster}`, ...box(e) }));
      const stems = [...lanes.querySelectorAll('.stem')].map((s) => ({ own: labelEls.indexOf(s.nextElementSibling), ...box(s) }));
      return { stems, labels };
    });
  }

  /** Item labels drawn (events and clusters). */
  items() {
    return this.locator(sel.label);
  }

  /** Cluster labels, optionally only those whose text matches `hasText`. */
  clusters(hasText) {
    return this.locator(sel.cluster, hasText ? { hasText } : undefined);
  }

  /** Events represented at this view: each cluster counts its events, each event label one. */
  representedEvents() {
    return this.items().evaluateAll((els) => els.reduce((sum, el) => sum + (el.dataset.cluster ? Number(el.dataset.cluster) : 1), 0));
  }

  /** The list a cluster opens when zooming cannot split it. */
  clusterList() {
    return this.locator('.cluster-list');
  }

  /** The events in the open cluster list. */
  clusterListEvents() {
    return this.clusterList().locator('[data-list-event-id]');
  }

  /** An event label in the lanes (drawn alone, not in a cluster). */
  laneEvent(id) {
    return this.locator(`.timeline:not(.static) .lanes [data-event-id="${id}"]`);
  }

  // Sharing.

  /** Opens "Share / export" and returns the dialog. */
  async openShare() {
    await this.root.getByRole('button', { name: 'Share / export' }).click();
    const dialog = this.locator('dialog.share[open]');
    await dialog.waitFor();
    return dialog;
  }

  shareLink() {
    return this.locator('#share-link').inputValue();
  }

  shareScript() {
    return this.locator('#share-script').inputValue();
  }

  // Responsiveness.

  /**
   * Starts timing animation frames in the page. `stopFrameTimer()` then gives `during`: the
   * longest gap between two requestAnimationFrame callbacks that both saw an element matching
   * `selector` (the longest the page could not paint meanwhile), `frames`: how many frames saw it,
   * and `afterwards`: the longest gap from the first frame without it (once it had been seen) until
   * the timer was stopped.
   */
  startFrameTimer(selector) {
    return this.page.evaluate((selector) => {
      const timer = { during: 0, afterwards: 0, frames: 0, seen: false, gone: false, last: null, running: true };
      window.citelineTestFrames = timer;
      const tick = (now) => {
        if (!timer.running) return;
        const present = document.querySelector(selector) !== null;
        if (timer.last !== null) {
          const gap = now - timer.last;
          if (timer.seen && !timer.gone && !present) timer.gone = true;
          if (timer.gone) timer.afterwards = Math.max(timer.afterwards, gap);
          else if (timer.seen && present) timer.during = Math.max(timer.during, gap);
        }
        if (present && !timer.gone) {
          timer.seen = true;
          timer.frames += 1;
        }
        timer.last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, selector);
  }

  /** Stops the frame timer, once it has seen its element come and go, and returns its figures. */
  async stopFrameTimer() {
    await this.page.waitForFunction(() => window.citelineTestFrames.gone, null, { timeout: 120_000 });
    await this.nextFrame();
    return this.page.evaluate(() => {
      const timer = window.citelineTestFrames;
      timer.running = false;
      return { during: timer.during, afterwards: timer.afterwards, frames: timer.frames };
    });
  }
}

/**
 * Page-side: forgets everything the page kept (the workspace in IndexedDB, and localStorage where
 * earlier versions kept it). Resolves once the database is gone.
 */
export function clearStoredWork() {
  localStorage.clear();
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('citeline');
    request.onsuccess = request.onerror = request.onblocked = () => resolve(true);
  });
}

/** The "Add your own documents" section of a timeline page. */
/** The static first view `citeline render` writes (readable before and without the app). */
export class StaticView {
  constructor(page) {
    this.page = page;
  }

  /** The static first screen (masthead, strip, detail placeholder), while it is there (the app replaces it). */
  firstScreen() {
    return this.page.locator('.first-view');
  }

  /** The event list with every passage, after the first screen (it stays when the app takes over). */
  list() {
    return this.page.locator('.event-list');
  }

  /** An event's entry in the list, whose id `event=<id>` is what `#event=<id>` links scroll to. */
  article(id) {
    return this.page.locator(`article[id="event=${id}"]`);
  }

  async title(id) {
    return this.article(id).locator('h3').textContent();
  }

  /** The `datetime` of the event's date (two for a range; passages carry their documents' dates). */
  async times(id) {
    return this.article(id).locator('.date-long time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  }

  /** The quoted words of each passage, in order. */
  async marks(id) {
    return this.article(id).locator('blockquote mark').allTextContents();
  }

  /** Whether the entry's top is within the window (a link scrolled to it). */
  async inView(id) {
    return this.article(id).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= -1 && r.top < innerHeight;
    });
  }

  /** The strip's label boxes, as drawn from the page's geometry stylesheet (the variant showing). */
  labelBoxes() {
    return this.page.locator('.timeline.static .plot:visible .event').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.dataset.eventId, l: r.left, r: r.right, t: r.top, b: r.bottom };
    }));
  }

  /** The strip's own box (the variant showing). */
  stripBox() {
    return this.page.locator('.timeline.static .plot:visible').boundingBox();
  }
}

/**
 * The boxes of what the first screen shows, by name, static or live alike (the two share their
 * markup): masthead lines, the toolbar's range, the strip, each event label, the overview, the
 * detail panel and the event list after it. Document coordinates, rounded to 0.1 px.
 */
export function firstScreenGeometry(page) {
  return page.evaluate(() => {
    const boxes = {};
    const put = (name, el) => {
      if (!el) return;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return;
      const round = (v) => Math.round(v * 10) / 10;
      boxes[name] = { x: round(r.left + scrollX), y: round(r.top + scrollY), w: round(r.width), h: round(r.height) };
    };
    const visible = (selector) => [...document.querySelectorAll(selector)].find((el) => el.getClientRects().length > 0);
    for (const s of ['.masthead h1', '.masthead .subtitle', '.masthead .lede', '.toolbar .range', '.track-legend', '.overview', '#app > * .detail, #app .detail', '.event-list']) {
      put(s, visible(s));
    }
    const plot = visible('#app .plot');
    put('plot', plot);
    put('lanes', plot?.querySelector('.lanes'));
    put('axis', plot?.querySelector('.axis'));
    for (const label of plot?.querySelectorAll('.event[data-event-id]') ?? []) put(`label ${label.dataset.eventId}`, label);
    for (const track of plot?.querySelectorAll('.track') ?? []) put(`track ${track.dataset.track}`, track);
    return boxes;
  });
}

export class AddDocuments {
  constructor(timeline) {
    this.timeline = timeline;
  }

  get root() {
    return this.timeline.root;
  }

  button(name) {
    return this.root.getByRole('button', { name });
  }

  /** Pastes `text` and clicks "Use this text"; the review form shows. */
  async paste(text) {
    await this.root.locator('#paste').fill(text);
    await this.button('Use this text').click();
    await this.review().waitFor();
  }

  /** Chooses `paths` in the file input. */
  async chooseFiles(paths) {
    await this.root.locator('.drop input[type=file]').setInputFiles(paths);
  }

  /** The review form of the document being added. */
  review() {
    return this.root.locator('.review');
  }

  publicationDate() {
    return this.root.locator('.review input[type=date]');
  }

  reviewTitle() {
    return this.root.locator('.review input[type=text]');
  }

  /** Where the text is on the web (optional). */
  webAddress() {
    return this.root.locator('.review input[type=url]');
  }

  /** The messages shown in the form (errors in words). */
  messages() {
    return this.root.locator('.message.error');
  }

  /** Clicks "Find events" (extraction then runs in the worker). */
  async findEvents() {
    await this.button('Find events').click();
  }

  /** Waits until at least one proposal is listed. */
  async waitForProposals() {
    await this.proposals().first().waitFor();
  }

  /** The proposal rows, or one of them. */
  proposals() {
    return this.root.locator('[data-proposal]');
  }

  proposal(id) {
    return this.root.locator(`[data-proposal="${id}"]`);
  }

  acceptedProposal(id) {
    return this.root.locator(`[data-proposal="${id}"].accepted`);
  }

  /** The proposals' dates as shown in their inputs. */
  proposalDates() {
    return this.proposals().locator('input.date').evaluateAll((inputs) => inputs.map((i) => i.value));
  }

  proposalIds() {
    return this.proposals().evaluateAll((rows) => rows.map((r) => r.dataset.proposal));
  }

  /** A document the person added, listed by its id. */
  userDocument(id) {
    return this.root.locator(`[data-user-document="${id}"]`);
  }

  /** The error messages shown for files that could not be read. */
  errorMessages() {
    return this.root.locator('.message.error');
  }

  /** The progress shown while extracting. */
  extracting() {
    return this.root.locator('.extracting');
  }

  progress() {
    return this.root.locator('.extracting progress');
  }

  /** Resolves when the progress value is no longer `value`, or extraction has finished. */
  async waitForProgressAfter(value) {
    const other = value === null ? '.extracting progress[value]' : `.extracting progress:not([value="${value}"])`;
    await this.root.locator(`${other}, .add-documents:not(:has(.extracting))`).first().waitFor();
  }
}

/** A host page: a doctype, a favicon that costs no request, `head` and `body`. */
export function hostHtml(body, head = '') {
  return `<!doctype html><html><head><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>`;
}

/** The script tag for embed.js served by the app at `appUrl`. */
export const embedScript = (appUrl) => `<script src="${appUrl}embed.js"></script>`;

/** Writes `pages` ({ name: html }) to a new temporary directory and serves it. */
export async function serveFiles(pages, prefix = 'citeline-host-') {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(pages)) await writeFile(join(dir, name), text);
  const server = await serve(dir);
  return {
    url: server.url,
    dir,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The rig of the embedding tests: the app served on one loopback port (with `appOptions`, as for
 * `serve`), host pages (`pages(appUrl)` gives { name: html }) on another, and a browser.
 * `open(path)` opens a host page; everything is stopped by `close()`.
 */
export async function hostRig(pages, { appOptions = {} } = {}) {
  const app = await serve(undefined, appOptions);
  const host = await serveFiles(pages(app.url));
  const browser = await launch();
  return {
    app,
    host,
    browser,
    /** Opens the host page at `path` in a new page; the result's locators look at the whole page. */
    async open(path = '', viewport) {
      const recorded = await newPage(browser.context, viewport);
      await recorded.page.goto(host.url + path);
      return new TimelinePage(recorded.page, recorded);
    },
    async close() {
      await browser.close();
      await host.close();
      await app.close();
    },
  };
}
