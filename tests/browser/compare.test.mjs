// The Compare view (issue #12) and the Agreement view (issue #14), driven in headless Chromium on the seed articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS, exportOpen, openApp, useBrowser } from './harness.mjs';

const env = useBrowser();
const SEEDS = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(CORPUS, f));

async function openSeeds() {
  const app = await openApp(env.browser, env.server.url);
  await app.page.setInputFiles('#file-input', SEEDS);
  await app.page.waitForFunction((n) => document.querySelectorAll('.doc').length === n, SEEDS.length);
  return app;
}

const killed = '.figure-row[data-key="killed"]';

test('compare: the death toll row holds every figure and is flagged; passages pair only rewrites; sources listed', async () => {
  const { page, errors, ctx } = await openSeeds();
  await page.click('#compare-toggle');
  await page.waitForSelector(killed);
  const row = await page.$eval(killed, (r) => ({ cls: r.className, text: r.textContent }));
  assert.match(row.cls, /flagged/);
  for (const v of ['115', '133', '90']) assert.ok(row.text.includes(v), `${v} in the killed row: ${row.text.slice(0, 200)}`);
  assert.ok(await page.$('.figure-row[data-key="injured"]'), 'an injured row');
  assert.ok(await page.$('.figure-row[data-key="detained"]'), 'a detained row');
  // Shared passages: 001/002 and the 000/003/004 family, never across.
  const pairs = await page.$$eval('.passage', (els) => els.map((e) => e.dataset.docs));
  assert.ok(pairs.includes('1 2'), `001/002 share passages: ${pairs}`);
  assert.ok(pairs.some((p) => p === '3 4'), `003/004 share passages: ${pairs}`);
  const family = (d) => (d === 1 || d === 2 ? 'a' : 'b');
  for (const p of pairs) {
    const [a, b] = p.split(' ').map(Number);
    assert.equal(family(a), family(b), `no unrelated pair: ${p}`);
  }
  const sources = await page.$eval('table.sources', (t) => t.textContent);
  for (const s of ['New York Times', 'White House', 'Islamic State', 'Clarke']) assert.ok(sources.includes(s), s);
  await page.screenshot({ path: join(tmpdir(), 'sift-compare.png'), fullPage: false });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('compare: a row marked reviewed is undoable, survives a reload and is exported; a figure opens its document', async () => {
  const { page, errors, ctx } = await openSeeds();
  await page.click('#compare-toggle');
  await page.click(`${killed} button:has-text("Mark reviewed")`);
  await page.waitForSelector(`${killed}.reviewed`);
  await page.keyboard.press('Control+z');
  await page.waitForSelector(`${killed}:not(.reviewed)`);
  await page.keyboard.press('Control+Shift+z');
  await page.waitForSelector(`${killed}.reviewed`);
  // Split a figure off: the row loses it and a row of its own appears.
  const before = await page.$$eval(`${killed} .figure`, (e) => e.length);
  await page.click(`${killed} button.split >> nth=0`);
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(`${sel} .figure`).length === n - 1, [killed, before]);
  assert.ok(await page.$('.figure-row[data-key^="killed~"]'), 'the split-off row');
  await page.waitForTimeout(300);
  await page.reload();
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  await page.click('#compare-toggle');
  await page.waitForSelector(`${killed}.reviewed`);
  assert.ok(await page.$('.figure-row[data-key^="killed~"]'), 'the split survives a reload');
  const [all] = await exportOpen(page, 'all');
  const types = all.comparisons.decisions.map((d) => d.type);
  assert.deepEqual(types, ['reviewed', 'split']);
  assert.equal(all.comparisons.version, 1);
  // Re-open the export in a fresh browser: the decisions come back with the documents.
  const dir = mkdtempSync(join(tmpdir(), 'sift-cmp-'));
  const file = join(dir, 'story.json');
  writeFileSync(file, JSON.stringify(all));
  const other = await openApp(env.browser, env.server.url);
  await other.page.setInputFiles('#file-input', file);
  await other.page.waitForFunction(() => document.querySelectorAll('.doc').length === 5);
  await other.page.click('#compare-toggle');
  await other.page.waitForSelector(`${killed}.reviewed`);
  await other.ctx.close();
  // Clicking a figure opens its document with the number span selected.
  const label = await page.$eval(`${killed} button.figure >> nth=0`, (b) => b.getAttribute('aria-label'));
  await page.click(`${killed} button.figure >> nth=0`);
  await page.waitForSelector('#text-view .sel');
  const sel = await page.$eval('#text-view .sel', (e) => e.textContent);
  assert.ok(label.includes(sel.trim()), `the selected span "${sel}" is the figure clicked (${label})`);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('compare: unticked documents are left out; figures and passages still lead to the right document', async () => {
  const { page, errors, ctx } = await openSeeds();
  await page.click('#compare-toggle');
  await page.waitForSelector(killed);
  const names = await page.$$eval('.doc .doc-name', (e) => e.map((x) => x.textContent));
  const boxes = '.compare-set input[type=checkbox]';
  assert.equal(await page.$$eval(boxes, (e) => e.filter((x) => x.checked).length), 5);
  // Leave out the first article: four are compared, and the rewrites keep their list numbers.
  await page.click(`${boxes} >> nth=0`);
  await page.waitForSelector('#compare-h:has-text("4 of 5 documents compared")');
  let pairs = await page.$$eval('.passage', (els) => els.map((e) => e.dataset.docs));
  assert.ok(pairs.includes('1 2') && pairs.includes('3 4'), `rewrites among the four: ${pairs}`);
  assert.ok(pairs.every((p) => !p.split(' ').includes('0')), `nothing of the article left out: ${pairs}`);
  const heads = await page.$$eval('table.figures thead th', (e) => e.slice(1).map((x) => x.textContent));
  assert.deepEqual(heads, names.slice(1));
  // A figure of the last article opens the last article, not the fourth of the four compared.
  const last = names[4];
  const fig = `${killed} button.figure[aria-label*="in ${last}"]`;
  await page.click(fig);
  await page.waitForSelector('#text-view .sel');
  assert.equal(await page.textContent('.doc.current .doc-name'), last);
  await page.click('#compare-toggle');
  await page.waitForSelector('#compare-h:has-text("4 of 5 documents compared")');
  // Leave out 001 and 002 as well: their shared passages go.
  await page.click(`${boxes} >> nth=1`);
  await page.click(`${boxes} >> nth=2`);
  await page.waitForSelector('#compare-h:has-text("2 of 5 documents compared")');
  pairs = await page.$$eval('.passage', (els) => els.map((e) => e.dataset.docs));
  assert.ok(!pairs.includes('1 2') && pairs.includes('3 4'), `only 003/004 left: ${pairs}`);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('agreement: another annotator\'s export gives figures, and disagreements are adjudicated by keyboard', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  const gold = readFileSync(join(CORPUS, '001_864a9569695b4111.gold.json'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'sift-agree-'));
  // A: the gold itself. B: the gold with one span dropped and one relabelled.
  const a = JSON.parse(gold);
  writeFileSync(join(dir, 'alice.json'), JSON.stringify(a));
  const b = JSON.parse(gold);
  const doc = b.documents ? b.documents[0] : b;
  const spans = doc.spans;
  const dropped = spans.findIndex((s) => s.label === 'number');
  spans.splice(dropped, 1);
  writeFileSync(join(dir, 'bob.json'), JSON.stringify(b));
  await page.setInputFiles('#file-input', join(dir, 'alice.json'));
  await page.waitForSelector('.doc');
  await page.click('#agree-toggle');
  await page.setInputFiles('#annotator-input', join(dir, 'bob.json'));
  await page.waitForSelector('table.agree-scores');
  const f1 = Number(await page.$eval('.agree-scores tr.pair .f1-exact', (e) => e.textContent));
  assert.ok(f1 > 0.9 && f1 < 1, `F1 below 1 with one span missing: ${f1}`);
  assert.ok(await page.$eval('.agree-scores .kappa', (e) => Number(e.textContent) > 0.5));
  const heading = await page.textContent('#walk-h');
  assert.match(heading, /Disagreement 1 of 1 \(0 decided\)/);
  assert.equal(await page.getAttribute('.dis-kind', 'data-kind'), 'missing');
  // 2 keeps bob's side (nothing): the span goes; undo brings the choice back to undecided.
  await page.keyboard.press('2');
  await page.waitForSelector('#walk-h:has-text("1 decided")');
  await page.keyboard.press('Control+z');
  await page.waitForSelector('#walk-h:has-text("0 decided")');
  await page.keyboard.press('1');
  await page.waitForSelector('.chosen:has-text("keep A")');
  await page.click('#apply-review');
  await page.click('#agree-toggle');
  const [out] = await exportOpen(page, 'all');
  const merged = out.documents[0].spans.filter((s) => s.attrs && s.attrs.annotators);
  assert.ok(merged.some((s) => JSON.stringify(s.attrs.annotators) === '["A","bob"]'), 'agreed spans name both');
  assert.ok(merged.some((s) => JSON.stringify(s.attrs.annotators) === '["A"]'), 'the kept span names A');
  assert.deepEqual(errors, []);
  await ctx.close();
});
