// The precise tier compiled to wasm (dist/precise-pkg, scripts/build_precise.sh), in headless Chromium, on the
// main thread of a blank page: the model's load time, sentences per second, and how far its scores are from
// torch's on the probe sentences the training script wrote beside the model. The model is SIFT_CLAIMS_MODEL or
// target/precise/claims.sift-model (scripts/train_precise.sh); without one this says so and stops.
// Prints figures; asserts nothing. Usage: node benches/wasm_precise.mjs [repeats of the probes, default 4]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serveFiles, ROOT } from '../tests/browser/harness.mjs';

const model = process.env.SIFT_CLAIMS_MODEL || join(ROOT, 'target/precise/claims.sift-model');
const pkg = join(ROOT, 'dist/precise-pkg');
if (!existsSync(model) || !existsSync(join(pkg, 'sift_bg.wasm'))) {
  console.log(`precise in wasm: needs ${model} (scripts/train_precise.sh) and dist/precise-pkg (scripts/build_precise.sh); skipped`);
  process.exit(0);
}
const repeats = Number(process.argv[2] || 4);
const probes = readFileSync(model.replace(/\.sift-model$/, '-probes.tsv'), 'utf8')
  .split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'))
  .map(([s, , p]) => [s, Number(p)]);

const files = {
  '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>sift precise</title>'],
  '/sift.js': ['text/javascript', readFileSync(join(pkg, 'sift.js'))],
  '/sift_bg.wasm': ['application/wasm', readFileSync(join(pkg, 'sift_bg.wasm'))],
  '/model': ['application/octet-stream', readFileSync(model)],
};
const server = await serveFiles(files);
const browser = await launch();
const page = await browser.newPage();
await page.goto(server.url);
const r = await page.evaluate(async ({ probes, repeats }) => {
  const sift = await import('/sift.js');
  await sift.default({ module_or_path: '/sift_bg.wasm' });
  const bytes = new Uint8Array(await (await fetch('/model')).arrayBuffer());
  let t0 = performance.now();
  const m = new sift.PreciseModel(bytes);
  const load = performance.now() - t0;
  const sentences = probes.map((p) => p[0]);
  const got = m.score(sentences);
  const worst = Math.max(...got.map((g, i) => Math.abs(g - probes[i][1])));
  const many = Array.from({ length: repeats }, () => sentences).flat();
  t0 = performance.now();
  m.score(many);
  const ms = performance.now() - t0;
  return { load, worst, n: many.length, ms, info: m.info() };
}, { probes, repeats });
console.log(`precise in wasm, headless Chromium ${browser.version()}, one thread: ${r.info.name}`);
console.log(`  ${r.info.figures}`);
console.log(`  wasm ${(readFileSync(join(pkg, 'sift_bg.wasm')).length / 1e6).toFixed(1)} MB, model ${(readFileSync(model).length / 1e6).toFixed(1)} MB, loaded in ${(r.load / 1000).toFixed(2)} s`);
console.log(`  against torch on ${probes.length} probe sentences: largest difference ${r.worst.toExponential(2)}`);
console.log(`  ${r.n} sentences in ${(r.ms / 1000).toFixed(2)} s: ${(r.n / (r.ms / 1000)).toFixed(0)} sentences/s`);
await browser.close();
await server.close();
