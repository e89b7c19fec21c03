// Inlines the stylesheet, the wasm-bindgen glue and the wasm (base64) into index.html, giving one file that
// works from file:// with no network: dist/sift.html. dist/index.html is the same file, for serving.
// With --precise: the same from dist/precise-pkg (the wasm built with the precise tier, scripts/build_precise.sh)
// into dist/sift-precise.html, which also carries the precise model's worker (www/precise_worker.js after the
// glue, started from a blob: URL, the only worker the CSP allows).
//
// index.html marks the places: <!-- sift:css --> becomes the <style> of every www/*.css file,
// <!-- sift:app --> becomes the module script that instantiates the app.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';

const root = new URL('..', import.meta.url).pathname;
const precise = process.argv.includes('--precise');
const pkg = precise ? 'dist/precise-pkg' : 'dist/pkg';
const out = precise ? ['dist/sift-precise.html'] : ['dist/sift.html', 'dist/index.html'];
const read = (p) => readFileSync(root + p, 'utf8');

const shell = read('index.html');
for (const mark of ['<!-- sift:css -->', '<!-- sift:app -->']) {
  if (!shell.includes(mark)) throw new Error(`index.html lacks the ${mark} marker`);
}
const css = readdirSync(root + 'www').filter((f) => f.endsWith('.css')).sort().map((f) => read('www/' + f)).join('\n');

// The glue is an ES module; inline it as a module script body by dropping its exports.
let glue = read(`${pkg}/sift.js`)
  .replace(/^export \{[^}]*\};?\s*$/gm, '')
  .replace(/^export (default )?(async function|function|class|const|let|var) /gm, '$2 ');
if (/^\s*export\s/m.test(glue)) throw new Error('unexpected export left in the wasm-bindgen glue');
if (/^\s*import\s/m.test(glue)) throw new Error('the wasm-bindgen glue imports a module (a snippet?); inline it first');
const wasm = readFileSync(root + `${pkg}/sift_bg.wasm`).toString('base64');

// The worker runs the glue and its own code; the page hands it the module it compiled (the glue's wasmModule).
// A classic worker: a module worker from a blob: URL is refused on a file:// page (its origin is opaque); the
// glue's one module-only expression, the default wasm URL it never uses here, is replaced.
const workerGlue = glue.replaceAll('import.meta.url', 'self.location.href');
if (precise && /import\.meta|^\s*(import|export)\s/m.test(workerGlue)) throw new Error('the worker glue is not a classic script');
// The blob URL is never revoked: a browser may fetch a worker's script after the constructor returns, and the
// page starts one worker.
const worker = precise ? `
const workerSource = ${JSON.stringify(workerGlue + '\n' + read('www/precise_worker.js')).replaceAll('</script', '<\\/script')};
globalThis.siftPreciseWorker = () => {
  const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  const w = new Worker(url);
  w.postMessage({ type: 'init', module: wasmModule });
  return w;
};` : '';

const body = `
${glue.replaceAll('</script', '<\\/script')}
${worker}
const b64 = "${wasm}";
const bin = atob(b64);
const bytes = new Uint8Array(bin.length);
for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
await __wbg_init({ module_or_path: bytes });
`;
const app = `<script type="module">${body}</script>`;

// Only this one script may run: the CSP names it by its hash instead of allowing every inline script, so markup
// that ever reached the DOM from a paste or an import could not run a script of its own.
const hash = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
const csp = "script-src 'unsafe-inline'";
if (!shell.includes(csp)) throw new Error(`index.html's CSP lacks ${csp}`);

// Function replacers: the payload may contain `$&` and friends.
let html = shell
  .replace(csp, () => `script-src ${hash}`)
  .replace('<!-- sift:css -->', () => `<style>\n${css}\n</style>`)
  .replace('<!-- sift:app -->', () => app);
if (precise) {
  if (!html.includes("worker-src 'none'")) throw new Error("index.html's CSP lacks worker-src 'none'");
  html = html.replace("worker-src 'none'", 'worker-src blob:');
}
for (const f of out) writeFileSync(root + f, html);
console.error(`${out[0]}: ${(html.length / 1024).toFixed(0)} KiB (wasm ${(wasm.length * 0.75 / 1024).toFixed(0)} KiB)`);
