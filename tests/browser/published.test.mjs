// Where and when a document was published, in the real page: type the article's URL (Enter) and date (leaving
// the field), see a malformed date refused with a notice while the typed text stays, undo and redo, find both in
// the export and as the claim's appearance in ClaimReview, and after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpusText, exportOpen, openApp, paste, useBrowser } from './harness.mjs';

const ARTICLE = corpusText('002_601354975c3094f5.txt');
const AP = 'https://apnews.com/article/moscow-concert-hall-attack';
const URL_FIELD = 'input[aria-label="Published at (URL)"]';
const DATE_FIELD = 'input[aria-label="Published on (ISO 8601 date)"]';
const env = useBrowser();

const valueIs = (page, sel, v) => page.waitForFunction(([s, x]) => document.querySelector(s)?.value === x, [sel, v]);

test('set the URL and date; a bad date is refused; undo; ClaimReview names the article; a reload keeps them', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  assert.deepEqual([await page.inputValue(URL_FIELD), await page.inputValue(DATE_FIELD)], ['', '']);
  assert.equal(await page.getAttribute(DATE_FIELD, 'placeholder'), '2024-03-23');
  assert.equal(await page.getAttribute(URL_FIELD, 'type'), 'url');
  await page.fill(URL_FIELD, AP);
  await page.keyboard.press('Enter');
  // A date the sift format would refuse: a notice, the typed text kept in the field to be fixed, nothing saved.
  await page.fill(DATE_FIELD, '23 March 2024');
  await page.keyboard.press('Tab');
  await page.waitForSelector('.notice');
  assert.match(await page.textContent('.notice'), /“23 March 2024” is not an ISO 8601 date/);
  assert.equal(await page.getAttribute(DATE_FIELD, 'aria-invalid'), 'true');
  assert.equal(await page.inputValue(DATE_FIELD), '23 March 2024');
  let [file] = await exportOpen(page);
  assert.deepEqual([file.documents[0].url, file.documents[0].date], [AP, undefined]);
  // Fixed, then committed by leaving the field (a click elsewhere).
  await page.fill(DATE_FIELD, '2024-03-23');
  await page.click('.published .muted');
  await page.waitForSelector(`${DATE_FIELD}[aria-invalid="false"]`);
  [file] = await exportOpen(page);
  assert.deepEqual([file.documents[0].url, file.documents[0].date], [AP, '2024-03-23']);
  assert.equal(await page.$('.published a'), null, 'shown as text, never as a link');

  // One undo step each: undo takes back the date, redo brings it back.
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('Control+z');
  await valueIs(page, DATE_FIELD, '');
  assert.equal(await page.inputValue(URL_FIELD), AP);
  await page.keyboard.press('Control+Shift+Z');
  await valueIs(page, DATE_FIELD, '2024-03-23');

  // ClaimReview: a claim with a verdict names the article as where and when it appeared.
  const doc = file.documents[0];
  const claim = doc.spans.find((s) => s.label === 'claim' && s.status === 'suggested' && s.attrs?.source);
  const text = [...doc.text].slice(claim.start, claim.end).join('');
  await page.click(`.span-row:has-text(${JSON.stringify(text.slice(0, 40))})`);
  await page.selectOption('select[aria-label="Attribute verdict"]', 'mostly true');
  await page.evaluate(() => { document.querySelector('details.menu').open = true; });
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[aria-label="Export this document as claimreview (.json)"]')]);
  const reviews = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  assert.equal(reviews.length, 1);
  assert.deepEqual(reviews[0].itemReviewed.appearance, { '@type': 'CreativeWork', url: AP, datePublished: '2024-03-23' });

  // A reload keeps both; another document has neither.
  await page.reload();
  await page.waitForSelector('#text-view .block');
  await valueIs(page, URL_FIELD, AP);
  assert.equal(await page.inputValue(DATE_FIELD), '2024-03-23');
  [file] = await exportOpen(page);
  assert.deepEqual([file.documents[0].url, file.documents[0].date], [AP, '2024-03-23']);
  await page.keyboard.press('Escape');
  await paste(page, 'Officials said 12 people were hurt in Lyon on Friday.');
  await valueIs(page, URL_FIELD, '');
  assert.equal(await page.inputValue(DATE_FIELD), '');
  assert.deepEqual(errors, []);
  await ctx.close();
});
