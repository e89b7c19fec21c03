// Deleting a built-in label switches its detector off (issue #13, defect 9): re-annotation does not bring its
// highlights back, a reload keeps it off, the label panel shows it off, and adding the label back (or its
// "Switch on") brings the detector and its highlights back. The delete is undone like any edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, openApp, paste, useBrowser } from './harness.mjs';

const ARTICLE = corpusText('002_601354975c3094f5.txt');
const env = useBrowser();

const numbers = (page) => page.$$eval('#text-view .seg[data-labels~="number"]', (e) => e.length);

/** Deletes label `name` from the label panel, its spans with it. */
async function deleteLabel(page, name) {
  await page.click(`button[aria-label="Delete label ${name}"]`);
  await page.selectOption('.label-delete select', '');
  await page.click('.label-delete button:has-text("Delete label")');
  await page.waitForFunction((n) => !document.querySelector(`button[aria-label="Delete label ${n}"]`), name);
}

const reannotate = (page) => page.click('button[aria-label="Re-annotate this document"]');

test('delete "number": re-annotate finds none, a reload keeps it off; add it back and the numbers return', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  const at_first = await numbers(page);
  assert.ok(at_first > 5, `numbers at first: ${at_first}`);
  await deleteLabel(page, 'number');
  assert.equal(await numbers(page), 0);
  await reannotate(page);
  await page.waitForSelector('#text-view .seg[data-labels~="claim"]');
  assert.equal(await numbers(page), 0, 're-annotation does not bring them back');
  // The panel keeps a row for it: the detector is off (the other built-in labels' are on).
  const row = page.locator('.label-row.off', { hasText: 'number' });
  assert.match(await row.textContent(), /detector off/);
  assert.match(await page.textContent('.label-row:has(button[aria-label="Delete label claim"]) .detector'), /auto/);
  // Through a reload: still off.
  await page.reload();
  await page.waitForSelector('#text-view .block');
  await page.waitForSelector('.label-row.off');
  assert.match(await page.textContent('.label-row.off'), /number.*detector off/);
  await reannotate(page);
  await page.waitForSelector('#text-view .seg[data-labels~="claim"]');
  assert.equal(await numbers(page), 0, 'still off after a reload');
  // Added back by name: the built-in label, its detector on, its numbers found again.
  await page.fill('input[aria-label="New label name"]', 'number');
  await page.click('button[aria-label="Add label"]');
  await page.waitForFunction((n) => document.querySelectorAll('#text-view .seg[data-labels~="number"]').length >= n, at_first);
  assert.equal(await page.locator('.label-row.off').count(), 0);
  assert.match(await page.textContent('.label-row:has(button[aria-label="Delete label number"])'), /number3.*auto/);
  // Undo switches it off again (one step); the row's button switches it on.
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !document.querySelector('#text-view .seg[data-labels~="number"]'));
  await page.click('.label-row.off button:has-text("Switch on")');
  await page.waitForFunction((n) => document.querySelectorAll('#text-view .seg[data-labels~="number"]').length >= n, at_first);
  // Undo of the delete itself: the detector comes back with the label.
  await deleteLabel(page, 'claim');
  assert.equal(await page.$$eval('#text-view .seg[data-labels~="claim"]', (e) => e.length), 0);
  await page.keyboard.press('Control+z');
  await page.waitForSelector('#text-view .seg[data-labels~="claim"]');
  assert.equal(await page.locator('.label-row.off').count(), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a detector switched off in one tab is off in the other: its re-annotation finds none either', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const a = await openApp(env.browser, env.server.url, { context: ctx });
  await paste(a.page, ARTICLE);
  const b = await openApp(env.browser, env.server.url, { context: ctx });
  await b.page.waitForSelector('#text-view .seg[data-labels~="number"]');
  await deleteLabel(a.page, 'number');
  // Tab B hears of it without reloading: the row says off, and re-annotating there finds no numbers.
  await b.page.waitForSelector('.label-row.off');
  assert.match(await b.page.textContent('.label-row.off'), /number.*detector off/);
  await b.page.waitForFunction(() => !document.querySelector('#text-view .seg[data-labels~="number"]'));
  await reannotate(b.page);
  await b.page.waitForSelector('#text-view .seg[data-labels~="claim"]');
  assert.equal(await numbers(b.page), 0);
  assert.deepEqual([...a.errors, ...b.errors], []);
  await ctx.close();
});
