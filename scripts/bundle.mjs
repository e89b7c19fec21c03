// Inlines the stylesheet, the wasm-bindgen glue and the wasm (base64) into index.html, giving one file that
// works from file:// with no network: dist/sift.html. dist/index.html is the same file, for serving.
//
// index.html marks the places: <!-- sift:css --> becomes the <style> of every www/*.css file,
// <!-- sift:app --> becomes the module script that instantiates the app.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';

const root = new URL('..', import.meta.url).pathname;
const read = (p) => readFileSync(root + p, 'utf8');

const shell = read('index.html');
for (const mark of ['<!-- sift:css -->', '<!-- sift:app -->']) {
  if (!shell.includes(mark)) throw new Error(`index.html lacks the ${mark} marker`);
}
const css = readdirSync(root + 'www').filter((f) => f.endsWith('.css')).sort().map((f) => read('www/' + f)).join('\n');

// The glue is an ES module; inline it as a module script body by dropping its exports.
let glue = read('dist/pkg/sift.js')
  .replace(/^export \{[^}]*\};?\s*$/gm, '')
  .replace(/^export (default )?(async function|function|class|const|let|var) /gm, '$2 ');
if (/^\s*export\s/m.test(glue)) throw new Error('unexpected export left in the wasm-bindgen glue');
if (/^\s*import\s/m.test(glue)) throw new Error('the wasm-bindgen glue imports a module (a snippet?); inline it first');
const wasm = readFileSync(root + 'dist/pkg/sift_bg.wasm').toString('base64');

const body = `
${glue.replaceAll('</script', '<\\/script')}
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
const html = shell
  .replace(csp, () => `script-src ${hash}`)
  .replace('<!-- sift:css -->', () => `<style>\n${css}\n</style>`)
  .replace('<!-- sift:app -->', () => app);
writeFileSync(root + 'dist/sift.html', html);
writeFileSync(root + 'dist/index.html', html);
console.error(`dist/sift.html: ${(html.length / 1024).toFixed(0)} KiB (wasm ${(wasm.length * 0.75 / 1024).toFixed(0)} KiB)`);
