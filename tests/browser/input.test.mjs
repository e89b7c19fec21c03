// How what people bring in is read: an HTML page keeps its structure for the boilerplate layer, and the user can
// see that and switch it off (and on again) without losing a decision.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, useBrowser } from './harness.mjs';

const env = useBrowser();

const PAGE = '<html><body><nav><p>World news, analysis and opinion from our reporters across the globe, updated every hour.</p></nav>'
  + '<article><h1>Islamic State claims Moscow concert hall attack</h1>'
  + '<p>The Islamic State group has claimed responsibility for an attack that killed more than 130 people, officials said.</p>'
  + '</article></body></html>';

/** Whether the first line of the open document is drawn as boilerplate. */
const firstLineIsChrome = (page) => page.evaluate(() => {
  const seg = document.querySelector('#text-view .seg');
  return (seg.dataset.labels || '').split(' ').includes('boilerplate');
});

test('an HTML page uses its structure; the user can ignore it and use it again, decisions kept', async () => {
  const { page, ctx, errors } = await openApp(env.browser, env.server.url);
  const dir = mkdtempSync(join(tmpdir(), 'sift-'));
  const file = join(dir, 'page.html');
  writeFileSync(file, PAGE);
  await page.setInputFiles('#file-input', file);
  await page.waitForSelector('.doc.current .doc-name:text("page.html")');
  const box = 'label.structure input[type=checkbox]';
  assert.equal(await page.isChecked(box), true);
  assert.equal(await firstLineIsChrome(page), true, 'the <nav> makes the menu line chrome');
  await page.click('.span-row:has-text("The Islamic State group")');
  await page.keyboard.press('a');
  await page.uncheck(box);
  await page.waitForFunction(() => !document.querySelector('#text-view .seg').dataset.labels?.includes('boilerplate'));
  assert.equal(await page.$$eval('.span-row.accepted', (e) => e.length), 1, 'the decision is kept');
  // On again brings the structure back, the decision kept.
  await page.check(box);
  await page.waitForFunction(() => document.querySelector('#text-view .seg').dataset.labels?.includes('boilerplate'));
  assert.equal(await page.$$eval('.span-row.accepted', (e) => e.length), 1);
  // Switched off, the page's HTML is not kept: after a reload the document is read as plain text.
  await page.uncheck(box);
  await page.waitForFunction(() => !document.querySelector('#text-view .seg').dataset.labels?.includes('boilerplate'));
  await page.waitForFunction(() => !document.body.hasAttribute('data-saving'));
  await page.reload();
  await page.waitForSelector('#text-view .block');
  assert.equal(await page.$(box), null);
  assert.equal(await firstLineIsChrome(page), false);
  assert.equal(await page.$$eval('.span-row.accepted', (e) => e.length), 1);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a doccano file written in code points (its CoNLL importer) is read as code points, and the page says so', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  const text = 'Protesters \u{1F1FA}\u{1F1E6} marched in Kyiv \u{1F600} on Sunday, said Olena Petrenko.';
  const cp = (needle) => { const i = Array.from(text.slice(0, text.indexOf(needle))).length; return [i, i + Array.from(needle).length]; };
  const line = { text, label: [[...cp('Kyiv'), 'LOC'], [...cp('Olena Petrenko'), 'PER']] };
  await page.setInputFiles('#file-input', { name: 'conll-import.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(JSON.stringify(line) + '\n') });
  await page.waitForSelector('.seg[data-labels~="PER"]');
  assert.equal(await page.$eval('.seg[data-labels~="PER"]', (e) => e.textContent), 'Olena Petrenko');
  assert.equal(await page.$eval('.seg[data-labels~="LOC"]', (e) => e.textContent), 'Kyiv');
  assert.match(await page.textContent('.notice'), /offsets read as code points/);
  assert.deepEqual(errors, []);
  await ctx.close();
});
