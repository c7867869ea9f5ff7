// The page under a strict Content-Security-Policy, and inside a sandboxed iframe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TimelinePage, hostRig, hostHtml, embedScript } from './pages.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:";
let rig;

before(async () => {
  // CORS too: a sandboxed frame has an opaque origin, so its module and wasm loads are cross-origin.
  rig = await hostRig((appUrl) => ({
    'index.html': hostHtml(`
    <iframe id="tl" data-citeline sandbox="allow-scripts" title="Timeline" style="width:100%;height:150px;border:0" src="${appUrl}?embed=1"></iframe>
    <script>window.selections = []; document.addEventListener('citeline:select', (e) => window.selections.push(e.detail.id));</script>
    ${embedScript(appUrl)}`),
  }), { appOptions: { cors: true, headers: { 'content-security-policy': CSP } } });
});
after(async () => {
  await rig?.close();
});

test(`works under "${CSP}" with no violations`, async () => {
  const tl = await TimelinePage.open(rig.browser.context, rig.app.url, { wait: false });
  await tl.select('global-internet-forum-trip');
  const box = await tl.event('global-internet-forum-trip').boundingBox();
  assert.ok(box.x > 200, 'events are positioned (geometry goes through the CSSOM)');
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('under the same policy, a pasted document is read in the worker and gives proposals, with no violations', async () => {
  // The worker's files are served with the policy too, so it holds inside the worker as well.
  const loader = `${rig.app.url}citeline-worker_loader.js`;
  assert.equal((await fetch(loader)).headers.get('content-security-policy'), CSP);
  const tl = await TimelinePage.open(rig.browser.context, rig.app.url);
  await tl.add.paste('Council approves new bridge\n\nLONDON, 12 March 2019\n\nThe bridge is due to open on Friday 3 June 2022.');
  await tl.add.findEvents();
  await tl.add.waitForProposals();
  const dates = await tl.add.proposalDates();
  assert.ok(dates.includes('2022-06-03'), `2022-06-03 proposed: ${dates}`);
  assert.deepEqual(tl.workers, [loader], 'extracted in a worker started from citeline-worker_loader.js');
  // Console errors, uncaught exceptions and securitypolicyviolation events (see harness.mjs).
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('works in an iframe sandboxed with allow-scripts only', async () => {
  const host = await rig.open();
  const { page } = host;
  const frame = host.frame('#tl');
  await frame.select('contest-2011');
  await page.waitForFunction(() => window.selections.includes('contest-2011'));
  await page.waitForFunction(() => document.getElementById('tl').getBoundingClientRect().height > 300);
  await page.evaluate(() => window.Citeline.select(document.getElementById('tl'), 'attacks-2017'));
  await frame.waitForDetail('attacks-2017');
  assert.deepEqual(host.errors, []);
  await host.close();
});
