// Where to look first: claims drawn by check-worthiness, a threshold on the claim layer, the span list by score,
// and W for the next most check-worthy unreviewed claim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, openApp, paste, useBrowser } from './harness.mjs';

const env = useBrowser();
const ARTICLE = corpusText('002_601354975c3094f5.txt');

/** Check-worthiness of every claim drawn on the page, from the segments' --cw. */
const drawnWorth = (page) => page.$$eval('#text-view .seg.cl', (els) => els.map((e) => parseFloat(e.style.getPropertyValue('--cw'))));

/** The selected span's check-worthiness, from the inspector. */
const selectedWorth = async (page) => {
  const row = await page.$$eval('.attrs dt', (dts) => dts.map((d) => [d.textContent, d.nextElementSibling.textContent]));
  return parseFloat(Object.fromEntries(row).checkworthiness);
};

test('claims show their check-worthiness; a threshold narrows them; W walks from the most check-worthy down', async () => {
  const { page, ctx, errors } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  const all = await drawnWorth(page);
  assert.ok(all.length > 20 && all.every((w) => w >= 0 && w <= 1), 'every claim is drawn with its score');
  assert.ok(new Set(all).size > 3, 'scores differ, so the highlights do');
  // W: the most check-worthy unreviewed claim, then the next one down.
  await page.keyboard.press('w');
  const first = await selectedWorth(page);
  assert.equal(first, Math.max(...all));
  await page.keyboard.press('w');
  const second = await selectedWorth(page);
  assert.ok(second <= first, `${second} after ${first}`);
  // The threshold hides the claims below it, and only them.
  const numbersBefore = await page.$$eval('#text-view .seg.nu', (e) => e.length);
  await page.$eval('input[aria-label="Show claims with check-worthiness at least"]', (el, v) => {
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, String(second));
  await page.waitForFunction((n) => document.querySelectorAll('#text-view .seg.cl').length < n, all.length);
  const shown = await drawnWorth(page);
  assert.ok(shown.length > 0 && shown.every((w) => w >= second), JSON.stringify(shown));
  assert.equal(await page.$$eval('#text-view .seg.nu', (e) => e.length), numbersBefore, 'numbers are untouched');
  // The span list by score: the most check-worthy claim on top.
  await page.selectOption('select[aria-label="Order of the spans"]', 'worth');
  await page.click('.span-row >> nth=0');
  assert.equal(await selectedWorth(page), first);
  assert.deepEqual(errors, []);
  await ctx.close();
});
