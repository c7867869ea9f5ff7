// The single-file export opens from file:// with no server, with the seed or with given data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, newPage, root } from './harness.mjs';

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
  const { page, errors } = await newPage(browser.context);
  await page.goto(pathToFileURL(out).href);
  await page.locator('[data-event-id="global-internet-forum-trip"]').click();
  await page.waitForSelector('[data-detail-for="global-internet-forum-trip"] [data-passage]');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the export carries its own data, which is shown as text', async () => {
  const data = join(dir, 'data.json');
  const xss = '</script><img src=x onerror="window.pwned=1">';
  await writeFile(data, JSON.stringify({
    events: [{ start_date: { year: 2001, month: 2, day: 3 }, text: { headline: `Opened ${xss}`, text: 'The museum opened.' } }],
  }));
  const out = join(dir, 'data.html');
  build(['--data', data, '--out', out]);
  const { page, errors } = await newPage(browser.context);
  await page.goto(pathToFileURL(out).href);
  await page.locator('[data-event-id="event-1"]').click();
  assert.match(await page.locator('[data-passage] mark').textContent(), /The museum opened/);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});
