// Browser benchmark: paste-to-highlight time and time to apply a label, for 10 KB, 100 KB and 1 MB documents,
// in headless Chromium on dist/sift.html (build it first: scripts/build.sh). Prints figures; asserts nothing.
// Usage: node benches/browser.mjs [runs per size, default 3]
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openApp, fileUrl, requireDist, CORPUS, corpusText } from '../tests/browser/harness.mjs';

requireDist();
const runs = Number(process.argv[2] || 3);
const articles = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort().map(corpusText);
const make = (bytes) => {
  let out = '';
  for (let i = 0; Buffer.byteLength(out) < bytes; i++) out += articles[i % articles.length] + '\n\n';
  return out;
};
const sizes = [['10 KB', 10e3], ['100 KB', 100e3], ['1 MB', 1e6]];
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const last = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).at(-1)?.duration ?? NaN, name);

console.log(`sift browser benchmark (${runs} runs each, median; headless Chromium, ${fileUrl()})`);
{
  const { page, ctx } = await openApp(browser, fileUrl());
  const ready = Number(await page.getAttribute('body', 'data-ready'));
  console.log(`startup: page load to detectors ready ${ready.toFixed(0)} ms (first analysis builds the detectors' tables)`);
  await ctx.close();
}
console.log('cold = first paste in a fresh page (includes compiling the page code on first use); warm = the same text');
console.log('pasted again. Texts over 150 KB are annotated in slices: "first" = paste to first highlight, "all" = to the');
console.log('last suggestion (with the summed detector time). "label" = select a word and press a label key, until drawn.');
console.log('size       chars   spans   cold first   warm first   warm all (analyze)   label (save)   DOM elements');
const pasteAndWait = (page, text) => page.evaluate(async (t) => {
  const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
  const n = document.querySelectorAll('.doc').length;
  performance.clearMeasures();
  const t0 = performance.now();
  const dt = new DataTransfer();
  dt.setData('text/plain', t);
  document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  while (document.querySelectorAll('.doc').length < n + 1 || !document.querySelector('#text-view .seg.sp')) await frame();
  await frame();
  const t1 = performance.now();
  while (document.querySelector('.annotating')) await frame();
  await frame();
  const t2 = performance.now();
  const sum = (k) => performance.getEntriesByName(k).reduce((a, e) => a + e.duration, 0);
  return [t1 - t0, t2 - t0, sum('sift:analyze') + sum('sift:analyze-slice')];
}, text);
for (const [name, bytes] of sizes) {
  const text = make(bytes);
  const cold = [], first = [], all = [], analyze = [], label = [], lsave = [];
  let spans = 0, nodes = 0;
  for (let r = 0; r < runs; r++) {
    const { page, ctx } = await openApp(browser, fileUrl());
    cold.push((await pasteAndWait(page, text))[0]);
    await page.waitForTimeout(300);
    const [f, a, an] = await pasteAndWait(page, text);
    first.push(f);
    all.push(a);
    analyze.push(an);
    await page.waitForTimeout(300);
    spans = Number((await page.textContent('#spans-h')).match(/\((\d+)\)/)[1]);
    label.push(await page.evaluate(async () => {
      const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
      const before = document.querySelectorAll('.span-row').length;
      const seg = [...document.querySelectorAll('#text-view .seg')].find((s) => s.textContent.length > 30);
      const r = document.createRange();
      r.setStart(seg.firstChild, 3);
      r.setEnd(seg.firstChild, 12);
      getSelection().removeAllRanges();
      getSelection().addRange(r);
      const t0 = performance.now();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: '3', code: 'Digit3', bubbles: true, cancelable: true }));
      while (!document.querySelector('.span-row.current')) await frame();
      await frame();
      return performance.now() - t0;
    }));
    lsave.push(await last(page, 'sift:save'));
    nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    await ctx.close();
  }
  const f = (xs) => median(xs).toFixed(0);
  console.log(`${name.padEnd(8)} ${String(text.length).padStart(8)} ${String(spans).padStart(7)} ${(f(cold) + ' ms').padStart(12)} ${(f(first) + ' ms').padStart(12)} ${(f(all) + ' ms').padStart(10)} (${f(analyze)} ms) ${(f(label) + ' ms').padStart(9)} (${f(lsave)} ms) ${String(nodes).padStart(10)}`);
}
await browser.close();
