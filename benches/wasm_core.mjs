// The core compiled to wasm, in headless Chromium: MB/s of the detectors per layer and all layers (count_spans,
// what the app runs) and of the JavaScript API's annotate(), which also hands every span to JavaScript
// (serde-wasm-bindgen), on the aeb.jsonl page texts (../shared/bench, the texts the native figures use) or,
// without them, the seed corpus repeated. Needs dist/pkg (scripts/build.sh). Prints figures; asserts nothing.
// Usage: node benches/wasm_core.mjs [MB, default 1] [runs, default 3]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serveFiles, ROOT, CORPUS } from '../tests/browser/harness.mjs';

const mb = Number(process.argv[2] || 1);
const runs = Number(process.argv[3] || 3);
const aeb = join(ROOT, '../shared/bench/aeb.jsonl');
let source;
let parts = [];
if (existsSync(aeb)) {
  source = 'aeb.jsonl page texts';
  parts = readFileSync(aeb, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
} else {
  source = 'seed corpus, repeated';
  parts = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(CORPUS, f), 'utf8'));
}
let text = '';
for (let i = 0; Buffer.byteLength(text) < mb * 1e6; i++) text += parts[i % parts.length] + '\n\n';
const bytes = Buffer.byteLength(text);

const files = {
  '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>sift wasm core</title>'],
  '/sift.js': ['text/javascript', readFileSync(join(ROOT, 'dist/pkg/sift.js'))],
  '/sift_bg.wasm': ['application/wasm', readFileSync(join(ROOT, 'dist/pkg/sift_bg.wasm'))],
};
const server = await serveFiles(files);
const browser = await launch();
const page = await browser.newPage();
await page.goto(server.url);
const figures = await page.evaluate(async ({ text, runs }) => {
  const sift = await import('/sift.js');
  await sift.default({ module_or_path: '/sift_bg.wasm' });
  // Warm-up over the whole text: V8 compiles wasm with a baseline compiler first and the optimizing one later.
  for (let i = 0; i < 2; i++) sift.annotate(text);
  const median = (f) => {
    const ms = [];
    let n = 0;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      n = f();
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    return [ms[Math.floor(ms.length / 2)], n];
  };
  const out = [];
  for (const layers of ['boilerplate', 'claim', 'number', undefined]) {
    const [core, spans] = median(() => sift.count_spans(text, layers));
    const [api] = median(() => sift.annotate(text, layers).spans.length);
    out.push([layers || 'all layers', core, api, spans]);
  }
  return out;
}, { text, runs });
console.log(`sift core in wasm, headless Chromium ${browser.version()}: annotate() on ${(bytes / 1e6).toFixed(2)} MB (${source}), median of ${runs}`);
console.log('"core" = the detectors alone (count_spans); "annotate()" = the same with every span handed to JavaScript.');
console.log('layer          core ms   core MB/s   annotate() ms   annotate() MB/s    spans');
const rate = (ms) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
for (const [name, core, api, spans] of figures) {
  console.log(`${name.padEnd(12)} ${core.toFixed(0).padStart(9)} ${rate(core).padStart(11)} ${api.toFixed(0).padStart(15)} ${rate(api).padStart(17)} ${String(spans).padStart(8)}`);
}
await browser.close();
await server.close();
