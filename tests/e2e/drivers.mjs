// The thin driver layer for the tests that run in all three engines (tests/e2e/engines.test.mjs):
// one small page API over three automation protocols, so each test is written once.
//
//   chromium  Debian's Chromium through npm playwright-core (CDP), as the rest of the suite
//   firefox   Debian's Firefox ESR through npm puppeteer-core (WebDriver BiDi), headless
//   webkit    Debian's WebKitGTK MiniBrowser through its WebKitWebDriver (WebDriver classic) and npm
//             selenium-webdriver, on an Xvfb display (MiniBrowser has no headless mode)
//
// The page API is deliberately small: navigate, evaluate a function in the page (or in an iframe),
// wait for a function to become truthy, click an element as a person would (a real pointer click at
// its centre, which fails if something else covers it), press keys, screenshot. Everything else is
// written in page JavaScript once, in the tests. Everything started here is stopped by `close()`.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';

/** The engines the suite runs in: all three, unless CITELINE_ENGINES names some. */
export const ENGINES = (process.env.CITELINE_ENGINES ?? 'chromium,firefox,webkit').split(',').map((s) => s.trim()).filter(Boolean);

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

let axeSource;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * Page-side error recording, installed in every document the test opens (and, for WebKit, where no
 * init scripts exist, right after each navigation): uncaught errors, unhandled rejections and
 * console.error calls (Citeline's panic hook writes there) are kept in `window.__citelineErrors`.
 */
const RECORD_ERRORS = `(() => {
  if (window.__citelineErrors) return;
  const errors = window.__citelineErrors = [];
  addEventListener('error', (e) => errors.push('error: ' + (e.message || e.target?.src || e.type)), true);
  addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + (e.reason?.message ?? e.reason)));
  const original = console.error.bind(console);
  console.error = (...args) => { errors.push(args.map(String).join(' ')); original(...args); };
  document.addEventListener('securitypolicyviolation', (e) => errors.push('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline')));
})()`;

/** A drag in five moves with playwright's or puppeteer's `mouse` (the same calls in both). */
async function mouseDrag(mouse, [x0, y0], [x1, y1]) {
  await mouse.move(x0, y0);
  await mouse.down();
  await mouse.move(x1, y1, { steps: 5 });
  await mouse.up();
}

/** Launches `engine` ('chromium', 'firefox' or 'webkit'). */
export async function launchEngine(engine) {
  if (engine === 'chromium') return launchChromium();
  if (engine === 'firefox') return launchFirefox();
  if (engine === 'webkit') return launchWebKit();
  throw new Error(`unknown engine '${engine}' (expected chromium, firefox or webkit)`);
}

/** What a page gives the tests, written on top of three primitives per engine. */
/** The events and clusters the app (not the static first view) has drawn in its lanes. */
export const DRAWN = '.timeline:not(.static) .lanes [data-event-id], .timeline:not(.static) .lanes [data-cluster]';

class Page {
  constructor(engine) {
    this.engine = engine;
    /** Errors the engine reported itself (console, uncaught), on top of the page-side record. */
    this.reported = [];
  }

  /** Waits until `fn(arg)` in the page is truthy; returns its value. */
  async waitFor(fn, arg = null, { timeout = 20_000, what = String(fn) } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.evaluate(fn, arg);
        if (last) return last;
      } catch (e) {
        // A navigation or a frame that is still loading: try again until the deadline.
        last = e;
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.engine}: timed out after ${timeout} ms waiting for ${what} (last: ${last}); ${await this.situation()}`);
      }
      await sleep(50);
    }
  }

  /**
   * What the page shows, for a timeout's message: its URL and readyState, the status lines it shows, how many
   * events and clusters the app has drawn, and the errors recorded so far.
   */
  async situation() {
    let seen;
    try {
      seen = await this.evaluate((drawn) => ({
        url: location.href,
        status: [...document.querySelectorAll('[role=status], [role=alert]')].map((el) => el.textContent.trim()).filter(Boolean),
        drawn: document.querySelectorAll(drawn).length,
        ready: document.readyState,
      }), DRAWN);
    } catch (e) {
      seen = `the page could not be asked (${e.message ?? e})`;
    }
    return `the page: ${JSON.stringify(seen)}; errors: ${JSON.stringify(await this.errors())}`;
  }

  /** Waits until an element matches `selector`. */
  waitForSelector(selector, options = {}) {
    return this.waitFor((s) => document.querySelector(s) !== null, selector, { what: selector, ...options });
  }

  /** The text of the first element matching `selector`, or null. */
  text(selector) {
    return this.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  }

  /** Every error recorded in the page (and reported by the engine) since it was opened. */
  async errors() {
    let inPage = [];
    try {
      inPage = (await this.evaluate(() => window.__citelineErrors ?? [])) ?? [];
    } catch {
      // A page that cannot be evaluated in has nothing to add.
    }
    return [...new Set([...this.reported, ...inPage])];
  }

  /** The plot's window as written on it: [start, end] in days (`data-view-*-days`). */
  viewWindow(root = '') {
    return this.evaluate((r) => {
      const plot = document.querySelector(`${r} .timeline:not(.static) .plot`);
      return plot ? [Number(plot.dataset.viewStartDays), Number(plot.dataset.viewEndDays)] : null;
    }, root);
  }

  /** Runs `input()` (a wheel, a drag, keys) and waits until the plot's window has changed. */
  async changeView(input, root = '') {
    const before = await this.viewWindow(root);
    await input();
    await this.waitFor(([r, [s0, e0]]) => {
      const plot = document.querySelector(`${r} .timeline:not(.static) .plot`);
      return Number(plot.dataset.viewStartDays) !== s0 || Number(plot.dataset.viewEndDays) !== e0;
    }, [root, before], { what: 'the view to change' });
    await this.nextFrames();
    return this.viewWindow(root);
  }

  /** Sets a field's value as typing would (an `input` event), e.g. a textarea. */
  fill(selector, value) {
    return this.evaluate(([s, v]) => {
      const el = document.querySelector(s);
      const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, [selector, value]);
  }

  /**
   * Runs axe-core (npm) in the page (or frame): its violations of WCAG 2.1 A and AA and axe's best
   * practices, each as { id, impact, help, nodes } (the first few offending elements' selectors).
   * The script is evaluated by the driver, not by the page, so the page's CSP does not stop it.
   */
  async axe() {
    axeSource ??= await readFile(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    const run = `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ')) })))`;
    return this.evaluateScript(`${axeSource}\n;${run}`);
  }

  /** Resolves after the page has rendered two more frames. */
  nextFrames() {
    return this.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
  }
}

// Chromium through playwright-core.
async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(join(tmpdir(), 'citeline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript(RECORD_ERRORS);
  class ChromiumPage extends Page {
    constructor(page) {
      super('chromium');
      this.page = page;
      page.on('pageerror', (e) => this.reported.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') this.reported.push(m.text()); });
    }
    goto(url) { return this.page.goto(url); }
    reload() { return this.page.reload(); }
    back() { return this.page.goBack(); }
    url() { return this.page.url(); }
    setViewport(width, height) { return this.page.setViewportSize({ width, height }); }
    evaluate(fn, arg = null) { return this.page.evaluate(fn, arg); }
    evaluateScript(source) { return this.page.evaluate(source); }
    click(selector) { return this.page.locator(selector).first().click({ timeout: 10_000 }); }
    press(key) { return this.page.keyboard.press(key); }
    async wheel(x, y, deltaY) { await this.page.mouse.move(x, y); await this.page.mouse.wheel(0, deltaY); }
    drag(from, to) { return mouseDrag(this.page.mouse, from, to); }
    async screenshot(path) { await mkdir(dirname(path), { recursive: true }); await this.page.screenshot({ path, fullPage: true }); }
    frame(selector) { return new ChromiumFrame(this, selector); }
    close() { return this.page.close(); }
  }
  class ChromiumFrame extends Page {
    constructor(parent, selector) { super('chromium'); this.parent = parent; this.selector = selector; }
    async handle() { return (await this.parent.page.locator(this.selector).elementHandle()).contentFrame(); }
    async evaluate(fn, arg = null) { return (await this.handle()).evaluate(fn, arg); }
    async evaluateScript(source) { return (await this.handle()).evaluate(source); }
    click(selector) { return this.parent.page.frameLocator(this.selector).locator(selector).first().click({ timeout: 10_000 }); }
    errors() { return this.parent.errors(); }
  }
  return {
    engine: 'chromium',
    async newPage({ width = 1280, height = 800 } = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      return new ChromiumPage(page);
    },
    async close() { await context.close(); await rm(profile, { recursive: true, force: true }); },
  };
}

// Firefox ESR through puppeteer-core over WebDriver BiDi.
async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // No first-run pages, updates or telemetry; loopback servers only.
    extraPrefsFirefox: { 'browser.shell.checkDefaultBrowser': false, 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false },
  });
  class FirefoxPage extends Page {
    constructor(page) {
      super('firefox');
      this.page = page;
      page.on('pageerror', (e) => this.reported.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') this.reported.push(m.text()); });
    }
    async goto(url) { await this.page.goto(url); }
    async reload() { await this.page.reload(); }
    async back() { await this.page.goBack(); }
    url() { return this.page.url(); }
    setViewport(width, height) { return this.page.setViewport({ width, height }); }
    evaluate(fn, arg = null) { return this.page.evaluate(fn, arg); }
    evaluateScript(source) { return this.page.evaluate(source); }
    click(selector) { return clickIn(this.page, selector); }
    press(key) { return this.page.keyboard.press(key); }
    async wheel(x, y, deltaY) { await this.page.mouse.move(x, y); await this.page.mouse.wheel({ deltaY }); }
    drag(from, to) { return mouseDrag(this.page.mouse, from, to); }
    async screenshot(path) { await mkdir(dirname(path), { recursive: true }); await this.page.screenshot({ path, fullPage: true }); }
    frame(selector) { return new FirefoxFrame(this, selector); }
    close() { return this.page.close(); }
  }
  class FirefoxFrame extends Page {
    constructor(parent, selector) { super('firefox'); this.parent = parent; this.selector = selector; }
    async handle() { return (await this.parent.page.$(this.selector)).contentFrame(); }
    async evaluate(fn, arg = null) { return (await this.handle()).evaluate(fn, arg); }
    async evaluateScript(source) { return (await this.handle()).evaluate(source); }
    async click(selector) { return clickIn(await this.handle(), selector); }
    errors() { return this.parent.errors(); }
  }
  /** Scrolls the element into view and clicks its centre with the mouse (puppeteer's click). */
  async function clickIn(target, selector) {
    const handle = await target.waitForSelector(selector, { timeout: 10_000 });
    await handle.click();
  }
  return {
    engine: 'firefox',
    async newPage({ width = 1280, height = 800 } = {}) {
      const page = await browser.newPage();
      await page.evaluateOnNewDocument(RECORD_ERRORS);
      await page.setViewport({ width, height });
      return new FirefoxPage(page);
    },
    close: () => browser.close(),
  };
}

// WebKitGTK's MiniBrowser through WebKitWebDriver (WebDriver classic) and selenium-webdriver.
async function launchWebKit() {
  const { Builder, By, Key, Origin } = await import('selenium-webdriver');
  const started = [];
  const stopAll = () => { for (const child of started.reverse()) child.kill(); };
  // An X display of our own: the first free one from :90.
  let display;
  for (let n = 90; n < 120 && !display; n++) {
    const xvfb = spawn('Xvfb', [`:${n}`, '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    const exited = new Promise((r) => xvfb.once('exit', () => r(true)));
    if (await Promise.race([exited, sleep(700).then(() => false)])) continue;
    started.push(xvfb);
    display = `:${n}`;
  }
  if (!display) throw new Error('webkit: could not start Xvfb (is the xvfb package installed?)');
  const port = await freePort();
  const driverProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
  started.push(driverProcess);
  const server = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${server}/status`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 100) { stopAll(); throw new Error(`webkit: ${WEBKIT_DRIVER} did not start on port ${port}`); }
    await sleep(100);
  }
  const capabilities = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  };
  /**
   * One MiniBrowser session per page (WebDriver classic drives one window at a time). A browser
   * that does not come up within a minute is tried once more (MiniBrowser under Xvfb rarely fails
   * to start, and the driver then waits for ever); scripts and page loads time out rather than hang.
   */
  async function session() {
    for (let attempt = 1; ; attempt++) {
      const build = new Builder().usingServer(server).withCapabilities(capabilities).build();
      const driver = await Promise.race([build, sleep(60_000).then(() => null)]);
      if (driver) {
        await driver.manage().setTimeouts({ script: 60_000, pageLoad: 60_000 });
        return driver;
      }
      build.then((late) => late.quit(), () => {});
      if (attempt === 2) throw new Error('webkit: MiniBrowser did not start within a minute, twice');
    }
  }
  /**
   * A script run in the page, once more when WebKitWebDriver cannot read its answer ("Could not
   * parse script result": a driver error that a second run does not repeat).
   */
  async function run(driver, source, ...args) {
    try {
      return await driver.executeScript(source, ...args);
    } catch (e) {
      if (!/Could not parse script result/.test(String(e))) throw e;
      return driver.executeScript(source, ...args);
    }
  }
  const KEYS = { Tab: Key.TAB, Enter: Key.ENTER, Escape: Key.ESCAPE, ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, Home: Key.HOME, End: Key.END, ' ': ' ' };
  const script = (fn) => `return (${fn}).apply(null, arguments);`;
  // A script whose last line is the expression to return, as a function body (WebDriver's form).
  const asBody = (source) => {
    const cut = source.lastIndexOf('\n;');
    return `${source.slice(0, cut)}\nreturn ${source.slice(cut + 2)}`;
  };
  class WebKitPage extends Page {
    constructor(driver) { super('webkit'); this.driver = driver; this.current = ''; }
    async goto(url) { await this.driver.get(url); await this.driver.executeScript(RECORD_ERRORS); this.current = url; }
    async reload() { await this.driver.navigate().refresh(); await this.driver.executeScript(RECORD_ERRORS); }
    async back() { await this.driver.navigate().back(); await this.driver.executeScript(RECORD_ERRORS); }
    url() { return this.driver.getCurrentUrl(); }
    /** Sizes the window so that the page's viewport is `width` × `height` (as near as the window allows). */
    async setViewport(width, height) {
      const win = this.driver.manage().window();
      await win.setRect({ width, height });
      const [iw, ih] = await this.driver.executeScript('return [innerWidth, innerHeight]');
      await win.setRect({ width: width + (width - iw), height: height + (height - ih) });
    }
    async evaluate(fn, arg = null) { return run(this.driver, script(fn), arg); }
    async evaluateScript(source) { return run(this.driver, asBody(source)); }
    async click(selector) { await (await this.driver.findElement(By.css(selector))).click(); }
    async press(key) { await this.driver.actions().sendKeys(KEYS[key] ?? key).perform(); }
    /**
     * A wheel notch at (x, y). WebKitWebDriver performs WebDriver's wheel actions without any
     * wheel event reaching the page (checked with a listener), so this dispatches a `WheelEvent`
     * at the element under the point: the page's handler is tested in WebKit, the browser's own
     * routing of a physical wheel is not.
     */
    async wheel(x, y, deltaY) {
      await this.evaluate(([cx, cy, dy]) => {
        document.elementFromPoint(cx, cy).dispatchEvent(new WheelEvent('wheel', { clientX: cx, clientY: cy, deltaY: dy, deltaMode: 0, bubbles: true, cancelable: true }));
      }, [x, y, deltaY]);
    }
    async drag([x0, y0], [x1, y1]) {
      const at = (x, y, duration = 0) => ({ x: Math.round(x), y: Math.round(y), duration, origin: Origin.VIEWPORT });
      await this.driver.actions().move(at(x0, y0)).press().move(at(x1, y1, 150)).release().perform();
    }
    /** The viewport from the top of the page (WebDriver classic has no full-page screenshot). */
    async screenshot(path) {
      await mkdir(dirname(path), { recursive: true });
      await this.driver.executeScript('scrollTo(0, 0)');
      await writeFile(path, await this.driver.takeScreenshot(), 'base64');
    }
    frame(selector) { return new WebKitFrame(this, selector); }
    async close() { await this.driver.quit(); pages.splice(pages.indexOf(this), 1); }
  }
  /** An iframe: each call switches into the frame and back, so the page stays the default context. */
  class WebKitFrame extends Page {
    constructor(parent, selector) { super('webkit'); this.parent = parent; this.selector = selector; }
    async inside(work) {
      const { driver } = this.parent;
      await driver.switchTo().frame(await driver.findElement(By.css(this.selector)));
      try {
        await driver.executeScript(RECORD_ERRORS);
        return await work(driver);
      } finally {
        await driver.switchTo().defaultContent();
      }
    }
    evaluate(fn, arg = null) { return this.inside((d) => d.executeScript(script(fn), arg)); }
    evaluateScript(source) { return this.inside((d) => d.executeScript(asBody(source))); }
    click(selector) { return this.inside(async (d) => (await d.findElement(By.css(selector))).click()); }
    errors() { return this.parent.errors(); }
  }
  const pages = [];
  return {
    engine: 'webkit',
    async newPage({ width = 1280, height = 800 } = {}) {
      // WebKitWebDriver drives one session at a time: a page a failed test left open goes first.
      for (const open of pages.splice(0)) await open.driver.quit().catch(() => {});
      const page = new WebKitPage(await session());
      pages.push(page);
      await page.setViewport(width, height);
      return page;
    },
    async close() {
      for (const page of pages) await page.driver.quit().catch(() => {});
      stopAll();
    },
  };
}
