// Overlapping spans stay visible (issue #13, defect 7): a claim tagged inside a claim looks different from the
// claim around it (a second line under the underline), and a custom label over the start of a claim keeps the
// claim's underline and its start mark. Checked on the drawn segments' computed styles and boxes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, openApp, paste, selectChars, useBrowser } from './harness.mjs';

const ARTICLE = corpusText('002_601354975c3094f5.txt');
const env = useBrowser();

/** The drawn look of the segment that starts at code point `s`. */
const look = (page, s) => page.evaluate((s) => {
  const el = document.querySelector(`#text-view .seg[data-s="${s}"]`);
  const c = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    labels: el.dataset.labels, underline: c.textDecorationLine, lineColor: c.textDecorationColor,
    shadow: c.boxShadow, image: c.backgroundImage, bottom: r.bottom, top: r.top, paddingBottom: parseFloat(c.paddingBottom),
  };
}, s);

/** The first claim's start and end, from the segments drawn with it. */
const firstClaim = (page) => page.evaluate(() => {
  const start = document.querySelector('#text-view .seg.cl-s');
  const segs = [...document.querySelectorAll('#text-view .seg.cl')];
  const from = segs.indexOf(start);
  const end = segs.slice(from).find((e) => e.classList.contains('cl-e'));
  return { s: +start.dataset.s, e: +end.dataset.e };
});

test('a claim inside a claim has a second line; a custom label over a claim start keeps the claim visible', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  const claim = await firstClaim(page);
  assert.ok(claim.e - claim.s > 40, `a long claim: ${JSON.stringify(claim)}`);
  // Tag a claim inside it (label key 2 keeps whole words).
  const inner = claim.s + 20;
  await selectChars(page, inner, inner + 12);
  await page.focus('#text-view');
  await page.keyboard.press('Shift+Digit2');
  const claims = (labels) => labels.split(' ').filter((l) => l === 'claim').length;
  await page.waitForFunction((s) => document.querySelector(`#text-view .seg[data-s="${s}"]`)?.dataset.labels.split(' ')
    .filter((l) => l === 'claim').length === 2, inner);
  await page.keyboard.press('Escape');
  const outer = await look(page, claim.s);
  const nested = await look(page, inner);
  assert.equal(claims(nested.labels), 2, nested.labels);
  assert.equal(claims(outer.labels), 1, outer.labels);
  assert.notEqual(nested.image, outer.image, 'the nested claim is drawn differently');
  assert.match(nested.image, /gradient/, `a second line: ${nested.image}`);
  assert.ok(nested.bottom >= outer.bottom + 4, `the second line is under the first: ${nested.bottom} vs ${outer.bottom}`);
  assert.equal(nested.underline, 'underline', 'the underline stays');

  // A custom label over the claim's start.
  await page.fill('input[aria-label="New label name"]', 'place');
  await page.click('button[aria-label="Add label"]');
  const key = await page.$eval('.label-row:has(button[aria-label="Delete label place"]) kbd', (e) => e.textContent);
  await selectChars(page, claim.s, claim.s + 4);
  await page.focus('#text-view');
  await page.keyboard.press(`Shift+Digit${key}`);
  await page.waitForSelector(`#text-view .seg[data-s="${claim.s}"][data-labels~="place"]`);
  await page.keyboard.press('Escape');
  const both = await look(page, claim.s);
  assert.equal(both.underline, 'underline', "the claim's underline is kept");
  assert.match(both.lineColor, /0\.9|230, 159, 0|rgb\(230/, `in the claim's colour: ${both.lineColor}`);
  assert.match(both.shadow, /rgb\(0, 158, 115\).*inset/, `the custom label's line: ${both.shadow}`);
  assert.match(both.shadow, /rgb\(230, 159, 0\) -3px 0px 0px/, `the claim's start mark: ${both.shadow}`);
  assert.deepEqual(errors, []);
  await ctx.close();
});
