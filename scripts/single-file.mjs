// Writes one self-contained HTML file from the release build in dist/: CSS, JavaScript, the wasm
// (base64) and optionally a timeline's data inlined, so it opens by double-click from disk with no
// server. Usage (after `trunk build --release --offline`):
//   node scripts/single-file.mjs [--data timeline.json] [--out citeline.html]
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = option('--out') ?? join(dist, 'citeline-single.html');
const dataFile = option('--data');

const files = await readdir(dist).catch(() => {
  console.error('single-file: dist/ is missing; run `trunk build --release --offline` first');
  process.exit(1);
});
const pick = (test, what) => {
  const f = files.find(test);
  if (!f) {
    console.error(`single-file: no ${what} in dist/`);
    process.exit(1);
  }
  return join(dist, f);
};
// The page's module (hashed names) and the extraction worker's (fixed names, trunk data-type="worker").
const js = await readFile(pick((f) => /^citeline-web-[0-9a-f]+\.js$/.test(f), 'wasm-bindgen JavaScript'), 'utf8');
const wasm = await readFile(pick((f) => /^citeline-web-[0-9a-f]+_bg\.wasm$/.test(f), 'wasm'));
const workerJs = await readFile(pick((f) => f === 'citeline-worker.js', 'worker JavaScript'), 'utf8');
const workerWasm = await readFile(pick((f) => f === 'citeline-worker_bg.wasm', 'worker wasm'));
// The worker starts from a blob: URL made of its script and its wasm (files cannot start workers).
const workerSource = `${workerJs}
wasm_bindgen({ module_or_path: Uint8Array.from(atob(${JSON.stringify(workerWasm.toString('base64'))}), (c) => c.charCodeAt(0)) })
  .catch((error) => postMessage(JSON.stringify({ type: 'failed', message: \`The extractor could not start (\${error}).\` })));
`;
const css = await readFile(pick((f) => f.endsWith('.css') && f.startsWith('main-'), 'stylesheet'), 'utf8');
const icon = await readFile(pick((f) => f.endsWith('.svg'), 'icon'));
let data = '';
if (dataFile) {
  const text = await readFile(dataFile, 'utf8');
  JSON.parse(text); // fail loudly on a broken file
  // "</" cannot end the script element when written as "<\/", which JSON reads the same.
  data = `<script type="application/json" id="citeline-data">${text.replaceAll('</', '<\\/')}</script>\n`;
}
// The bindings module (minified by the build) ends with an export list; inline, nothing imports
// it, so the list goes and the init function (exported as `default`) is called by its own name.
const exportList = /export\s*\{([^}]*)\};?/;
const exported = js.match(exportList);
const initName = exported?.[1].split(',').map((e) => e.trim().split(/\s+as\s+/)).find(([, as]) => as === 'default')?.[0];
if (!initName) {
  console.error('single-file: the wasm-bindgen JavaScript has no `export { … as default }` (its init function)');
  process.exit(1);
}
const moduleBody = js.replace(exportList, '');
const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Citeline</title>
<link rel="icon" href="data:image/svg+xml;base64,${icon.toString('base64')}">
<style>${css}</style>
${data}<script type="module">
window.citelineWorkerUrl = URL.createObjectURL(new Blob([${JSON.stringify(workerSource).replaceAll('</', '<\\/')}], { type: 'text/javascript' }));
${moduleBody}
const bytes = Uint8Array.from(atob("${wasm.toString('base64')}"), (c) => c.charCodeAt(0));
await ${initName}({ module_or_path: bytes });
</script>
</head>
<body>
<main id="app"></main>
<noscript><p>Citeline needs JavaScript and WebAssembly to draw the timeline.</p></noscript>
</body>
</html>
`;
await writeFile(out, html);
console.log(`single-file: wrote ${out} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB)`);
