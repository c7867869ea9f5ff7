// Extractor throughput in the browser (wasm, release build): drops a text of N MB made of the seed
// documents repeated into "Add documents" and times "Find events" until the proposals are listed.
// The time includes the page's chunking, progress updates and drawing the proposals.
// Usage (after `trunk build --release --offline`): node bench/extract-browser.mjs [MB]
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, newPage, root } from '../tests/e2e/harness.mjs';

const mb = Number(process.argv[2] ?? 1);
const manifest = JSON.parse(await readFile(join(root, 'seeds', 'manifest.json'), 'utf8'));
const sample = (await Promise.all(manifest.documents.map((d) => readFile(join(root, 'seeds', d.file), 'utf8')))).join('\n\n');
let text = '';
while (text.length < mb * 1024 * 1024) text += `${sample}\n\n`;
const dir = await mkdtemp(join(tmpdir(), 'citeline-bench-'));
const file = join(dir, 'bench.txt');
await writeFile(file, text);
const bytes = Buffer.byteLength(text);

const server = await serve();
const browser = await launch();
try {
  const { page } = await newPage(browser.context);
  page.setDefaultTimeout(600_000);
  await page.goto(server.url);
  await page.evaluate(() => localStorage.clear());
  await page.waitForSelector('[data-event-id]');
  await page.setInputFiles('.drop input[type=file]', file);
  await page.waitForSelector('.review');
  await page.locator('.review input[type=date]').fill('2018-06-04');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Find events' }).click();
  await page.waitForSelector('[data-user-document="bench"]');
  const seconds = (Date.now() - t0) / 1000;
  const events = await page.locator('[data-proposal]').count();
  console.log(`browser (wasm): ${(bytes / 1048576).toFixed(1)} MB in ${seconds.toFixed(2)} s = ${(bytes / 1048576 / seconds).toFixed(2)} MB/s, ${events} proposals listed`);
} finally {
  await browser.close();
  await server.close();
}
