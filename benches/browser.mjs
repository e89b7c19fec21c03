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

console.log(`sift browser benchmark (${runs} runs each, median; headless Chromium, ${fileUrl()})`);
{
  const { page, ctx } = await openApp(browser, fileUrl());
  const ready = Number(await page.getAttribute('body', 'data-ready'));
  console.log(`startup: page load to detectors ready ${ready.toFixed(0)} ms (first analysis builds the detectors' tables)`);
  await ctx.close();
}
console.log('size     chars     spans  paste→highlight (analyze, save)  apply label (save)  DOM elements');
for (const [name, bytes] of sizes) {
  const text = make(bytes);
  const paste = [], label = [], analyze = [], save = [], lsave = [];
  const last = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).at(-1)?.duration ?? NaN, name);
  let spans = 0, nodes = 0;
  for (let r = 0; r < runs; r++) {
    const { page, ctx } = await openApp(browser, fileUrl());
    paste.push(await page.evaluate(async (t) => {
      const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
      const t0 = performance.now();
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      while (!document.querySelector('#text-view .seg.sp')) await frame();
      await frame();
      return performance.now() - t0;
    }, text));
    analyze.push(await last(page, 'sift:analyze'));
    save.push(await last(page, 'sift:save'));
    spans = Number((await page.textContent('#spans-h')).match(/\((\d+)\)/)[1]);
    label.push(await page.evaluate(async () => {
      const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
      const before = document.querySelectorAll('.seg[data-labels~="number"]').length;
      const seg = [...document.querySelectorAll('#text-view .seg')].find((s) => s.textContent.length > 30);
      const r = document.createRange();
      r.setStart(seg.firstChild, 3);
      r.setEnd(seg.firstChild, 12);
      getSelection().removeAllRanges();
      getSelection().addRange(r);
      const t0 = performance.now();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: '3', code: 'Digit3', bubbles: true, cancelable: true }));
      while (document.querySelectorAll('.seg[data-labels~="number"]').length <= before) await frame();
      await frame();
      return performance.now() - t0;
    }));
    lsave.push(await last(page, 'sift:save'));
    nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    await ctx.close();
  }
  const f = (xs) => median(xs).toFixed(0);
  console.log(`${name.padEnd(8)} ${String(text.length).padStart(8)} ${String(spans).padStart(8)}  ${f(paste).padStart(12)} ms (${f(analyze)}, ${f(save)})  ${f(label).padStart(10)} ms (${f(lsave)})  ${String(nodes).padStart(10)}`);
}
await browser.close();
