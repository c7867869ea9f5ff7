// trunk post_build hook: moves the inline module script trunk writes into index.html to its own file
// (boot-<hash>.js), so the page runs under a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval', no 'unsafe-inline').
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('boot-external: TRUNK_STAGING_DIR is not set (run me as a trunk post_build hook)');
  process.exit(1);
}
const file = join(dir, 'index.html');
const html = await readFile(file, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) {
  console.error('boot-external: no inline module script found in index.html');
  process.exit(1);
}
// Relative imports so the page works under any path (and the single-file export can find them).
// (A `?src=` timeline starts downloading earlier still, in static/first-view.js.)
// The wasm and its bindings are fetched once the static first view has been painted
// (static/first-view.js's citelineFirstPaint; at once on a page with nothing static to show): the
// first paint does not share the connection with them, and the app never replaces the view before
// it is seen.
const boot = match[1].trim().replaceAll("'/", "'./");
const importLine = /^import init, \* as bindings from '([^']+)';$/m;
if (!importLine.test(boot)) {
  console.error('boot-external: trunk\'s boot script has no `import init, * as bindings from \'…\';` line to defer');
  process.exit(1);
}
// The wasm download starts with the bindings' import, not after it (one round trip less before
// a ?src= page can start reading its data; wasm-bindgen's init takes the response's promise).
const wasmPath = /module_or_path: '([^']+_bg\.wasm)'/;
if (!wasmPath.test(boot)) {
  console.error('boot-external: trunk\'s boot script has no `module_or_path: \'…_bg.wasm\'` to fetch early');
  process.exit(1);
}
const code = boot.replace(importLine, `await window.citelineFirstPaint;
const wasmResponse = fetch('${boot.match(wasmPath)[1]}');
const bindings = await import('$1');
const init = bindings.default;`).replace(wasmPath, 'module_or_path: wasmResponse');
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
await writeFile(join(dir, name), `${code}\n`);
// Stylesheet and icon are loaded in CORS mode too, so their integrity can be checked when the page
// runs with an opaque origin (an iframe sandboxed with allow-scripts only).
// No preloads of the wasm and its bindings: they are fetched once the first view is painted (see above).
const preloads = [/<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>\n?/, /<link rel="modulepreload" href="[^"]*citeline-web-[^"]*\.js"[^>]*>\n?/];
if (!preloads.every((p) => p.test(html))) {
  console.error('boot-external: the wasm and bindings preload links are not in index.html (did trunk change what it writes?)');
  process.exit(1);
}
const out = preloads.reduce((page, p) => page.replace(p, ''), html)
  .replace(inline, `<script type="module" src="./${name}"></script>`)
  .replace(/<link rel="(stylesheet|icon)" /g, '<link rel="$1" crossorigin="anonymous" ');
await writeFile(file, out);

// The extraction worker's loader: trunk's shim starts the wasm and forgets the promise, so a worker
// whose wasm cannot start (blocked, missing, not allowed by a CSP) would leave the page waiting.
// This one tells the page, in the worker protocol's own words (citeline_model::extraction::Reply).
await writeFile(join(dir, 'citeline-worker_loader.js'), `importScripts('./citeline-worker.js');
wasm_bindgen({ module_or_path: './citeline-worker_bg.wasm' }).catch((error) => postMessage(JSON.stringify({
  type: 'failed', message: \`The extractor could not start (\${error}).\`,
})));
`);

// The stable entry point for the JS mount API and the <citeline-timeline> element.
const files = await readdir(dir);
const bindings = files.find((f) => /^citeline-web-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^citeline-web-[0-9a-f]+_bg\.wasm$/.test(f));
const css = files.find((f) => /^main-.*\.css$/.test(f));
if (!bindings || !wasm || !css) {
  console.error('boot-external: bindings, wasm or stylesheet missing from the build');
  process.exit(1);
}
const api = await readFile(new URL('../static/citeline-api.template.js', import.meta.url), 'utf8');
await writeFile(join(dir, 'citeline-api.js'), api.replaceAll('__BINDINGS__', bindings).replaceAll('__WASM__', wasm).replaceAll('__CSS__', css));

// The wasm-bindgen JavaScript, minified (terser): the page's bindings as a module, the worker's as a
// classic script whose global `wasm_bindgen` the loader above calls. Names the other scripts use
// (the module's exports, that global) are kept.
const { minify } = await import('terser');
for (const [file, options] of [[bindings, { module: true }], ['citeline-worker.js', { module: false, mangle: { toplevel: false } }]]) {
  const path = join(dir, file);
  const source = await readFile(path, 'utf8');
  const result = await minify(source, { ecma: 2020, compress: { passes: 2 }, ...options });
  if (!result.code) {
    console.error(`boot-external: terser produced nothing for ${file}`);
    process.exit(1);
  }
  await writeFile(path, result.code);
}
