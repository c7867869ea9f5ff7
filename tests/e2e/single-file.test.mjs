// The single-file export opens from file:// with no server, with the seed or with given data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, root } from './harness.mjs';
import { TimelinePage, clearStoredWork } from './pages.mjs';

let browser, dir;
before(async () => {
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'citeline-single-'));
});
after(async () => browser?.close());

function build(args) {
  return execFileSync('node', [join(root, 'scripts', 'single-file.mjs'), ...args], { encoding: 'utf8' });
}

test('the export with the seed opens from disk', async () => {
  const out = join(dir, 'seed.html');
  console.log(`# ${build(['--out', out]).trim()}`);
  console.log(`# size on disk: ${(await stat(out)).size} bytes`);
  const tl = await TimelinePage.open(browser.context, pathToFileURL(out).href, { wait: false });
  await tl.event('global-internet-forum-trip').click();
  await tl.waitForPassages('global-internet-forum-trip');
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('the export carries its own data, which is shown as text', async () => {
  const data = join(dir, 'data.json');
  const xss = '</script><img src=x onerror="window.pwned=1">';
  await writeFile(data, JSON.stringify({
    events: [{ start_date: { year: 2001, month: 2, day: 3 }, text: { headline: `Opened ${xss}`, text: 'The museum opened.' } }],
  }));
  const out = join(dir, 'data.html');
  build(['--data', data, '--out', out]);
  const tl = await TimelinePage.open(browser.context, pathToFileURL(out).href, { wait: false });
  await tl.event('event-1').click();
  assert.match(await tl.passageMark(), /The museum opened/);
  assert.equal(await tl.page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(tl.errors, []);
  await tl.close();
});

test('the export adds a pasted document through its worker, started from a blob: URL', async () => {
  const out = join(dir, 'add.html');
  build(['--out', out]);
  const tl = await TimelinePage.open(browser.context, pathToFileURL(out).href);
  assert.deepEqual(tl.workers, [], 'no worker before Add documents is used');
  await tl.add.paste('Council approves new bridge\n\nLONDON, 12 March 2019\n\nThe bridge is due to open on Friday 3 June 2022.');
  await tl.add.findEvents();
  await tl.add.waitForProposals();
  const dates = await tl.add.proposalDates();
  assert.ok(dates.includes('2022-06-03'), `2022-06-03 proposed: ${dates}`);
  assert.equal(tl.workers.length, 1, `one worker: ${tl.workers}`);
  assert.match(tl.workers[0], /^blob:/, 'the worker starts from a blob: URL (files cannot start workers)');
  assert.deepEqual(tl.errors, []);
  // What was added is kept in this file:// origin's storage; leave none for other tests.
  await tl.page.evaluate(clearStoredWork);
  await tl.close();
});
