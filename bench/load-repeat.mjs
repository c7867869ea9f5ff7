// Loads a generated timeline with `?src=` again and again in one engine and reports every page that
// recorded an error (a panic included) or never drew the whole file. A tool for chasing a rare
// failure, not a benchmark: it prints counts, not times.
//
//   node bench/load-repeat.mjs [--engine webkit] [--events 10000] [--rounds 20] [--browsers 1] [--dist dist]
//
// Each of `--browsers` fresh browsers opens `--rounds` pages in turn (a new browser starts the
// engine's compilers cold again, which some failures need). The engines are those of
// tests/e2e/engines.test.mjs (drivers.mjs), with the same installs.
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DRAWN, launchEngine } from '../tests/e2e/drivers.mjs';
import { serve } from '../tests/e2e/harness.mjs';
import { generate } from './gen-data.mjs';

const { values: opt } = parseArgs({
  options: {
    engine: { type: 'string', default: 'webkit' },
    events: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '20' },
    browsers: { type: 'string', default: '1' },
    dist: { type: 'string', default: 'dist' },
  },
});
const [events, rounds, browsers] = [opt.events, opt.rounds, opt.browsers].map(Number);
if (![events, rounds, browsers].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('--events, --rounds and --browsers take whole numbers above 0');
  process.exit(2);
}

const app = await serve(resolve(opt.dist), { cors: true });
const dataDir = await mkdtemp(join(tmpdir(), 'citeline-load-repeat-'));
await writeFile(join(dataDir, 'events.json'), JSON.stringify(generate(events)));
const data = await serve(dataDir, { cors: true });
const url = `${app.url}?src=${encodeURIComponent(`${data.url}events.json`)}`;

let failed = 0;
try {
  for (let b = 0; b < browsers; b++) {
    const browser = await launchEngine(opt.engine);
    try {
      for (let r = 0; r < rounds; r++) {
        const page = await browser.newPage();
        await page.goto(url);
        let problem;
        try {
          await page.waitFor((drawn) => document.querySelector(drawn) && !document.querySelector('.reading-status'), DRAWN, {
            timeout: 120_000,
            what: 'the whole file drawn',
          });
          const errors = await page.errors();
          if (errors.length) problem = `errors: ${errors.join(' | ')}`;
        } catch (e) {
          problem = e.message;
        }
        if (problem) failed++;
        console.log(`browser ${b + 1}, page ${r + 1}: ${problem ?? 'ok'}`);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await app.close();
  await data.close();
  await rm(dataDir, { recursive: true, force: true });
}
console.log(`${opt.engine}, ${events} events: ${failed} of ${browsers * rounds} loads failed`);
process.exitCode = failed ? 1 : 0;
