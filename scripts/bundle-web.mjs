// Bundles the page shell, the stylesheet, the wasm-bindgen glue and the wasm into one self-contained HTML file
// (no request at all once loaded, so it also works from file://).
// Usage: node scripts/bundle-web.mjs <pkg dir with sift.js and sift_bg.wasm> <out.html>
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [pkg = 'target/pkg', out = 'dist/sift.html'] = process.argv.slice(2);
const root = new URL('..', import.meta.url).pathname;
let html = readFileSync(join(root, 'index.html'), 'utf8');
const css = readFileSync(join(root, 'www/style.css'), 'utf8');
const glue = readFileSync(join(pkg, 'sift.js'), 'utf8');
const wasm = readFileSync(join(pkg, 'sift_bg.wasm'));

for (const s of [css, glue]) {
  if (/<\/(script|style)/i.test(s)) throw new Error('an inlined file contains a closing script/style tag');
}
const style = `<style>\n${css}\n</style>`;
const script = `<script type="module">\n${glue}\n` +
  `const b = atob(${JSON.stringify(wasm.toString('base64'))});\n` +
  `const bytes = new Uint8Array(b.length);\nfor (let i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);\n` +
  `await __wbg_init({ module_or_path: bytes });\n</script>`;
html = html.replace(/<link rel="stylesheet"[^>]*data-inline>/, () => style);
html = html.replace(/<script type="module" src="[^"]*" data-inline><\/script>/, () => script);
if (html.includes('data-inline')) throw new Error('index.html: an asset was not inlined');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`${out}: ${(html.length / 1024).toFixed(0)} KiB (wasm ${(wasm.length / 1024).toFixed(0)} KiB)`);
