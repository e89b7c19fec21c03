// Span attributes in the real page: correct a claim's source, give it a verdict and evidence, undo, find them
// in the export and in the ClaimReview file; a typed note is kept without pressing "Save note".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpusText, exportOpen, openApp, paste, useBrowser } from './harness.mjs';

const ARTICLE = corpusText('002_601354975c3094f5.txt');
const env = useBrowser();

async function claimWithSource(page) {
  const [file] = await exportOpen(page);
  const doc = file.documents[0];
  const s = doc.spans.find((x) => x.label === 'claim' && x.attrs?.source && x.status === 'suggested');
  return [s, [...doc.text].slice(s.start, s.end).join('')];
}

test('edit a claim\'s source, verdict and evidence; undo; export them and their ClaimReview', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  const [claim, text] = await claimWithSource(page);
  await page.keyboard.press('Escape');
  await page.click(`.span-row:has-text(${JSON.stringify(text.slice(0, 40))})`);
  await page.waitForSelector('input[aria-label="Attribute source"]');
  assert.equal(await page.inputValue('input[aria-label="Attribute source"]'), claim.attrs.source);
  await page.fill('input[aria-label="Attribute source"]', 'a Kremlin spokesperson');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.inspect .status.accepted');
  await page.selectOption('select[aria-label="Attribute verdict"]', 'mostly false');
  await page.fill('input[aria-label="Attribute evidence"]', 'https://example.org/check');
  await page.keyboard.press('Tab');
  // A note typed, then another span selected: the note is kept.
  await page.fill('textarea[aria-label="Note on this span"]', 'checked with two sources');
  await page.click('.span-row >> nth=0');
  await page.click(`.span-row:has-text(${JSON.stringify(text.slice(0, 40))})`);
  assert.equal(await page.inputValue('textarea[aria-label="Note on this span"]'), 'checked with two sources');
  let [file] = await exportOpen(page);
  let s = file.documents[0].spans.find((x) => x.id === claim.id);
  assert.deepEqual([s.attrs.source, s.attrs.verdict, s.attrs.evidence, s.note, s.status],
    ['a Kremlin spokesperson', 'mostly false', 'https://example.org/check', 'checked with two sources', 'accepted']);
  // Each edit is one undo step: two undos take back the note and the evidence, not the verdict.
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  [file] = await exportOpen(page);
  s = file.documents[0].spans.find((x) => x.id === claim.id);
  assert.deepEqual([s.attrs.verdict, s.attrs.evidence, s.note], ['mostly false', undefined, undefined]);
  // The ClaimReview export has this claim with its rating.
  await page.evaluate(() => { document.querySelector('details.menu').open = true; });
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[aria-label="Export this document as claimreview (.json)"]')]);
  const reviews = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  assert.equal(reviews.length, 1);
  assert.equal(reviews[0].claimReviewed, text);
  assert.deepEqual([reviews[0].reviewRating.ratingValue, reviews[0].reviewRating.alternateName], [2, 'mostly false']);
  assert.equal(reviews[0].itemReviewed.author.name, 'a Kremlin spokesperson');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the inspector resizes a span by whole words and never leaves it on a space', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  const [claim, text] = await claimWithSource(page);
  await page.keyboard.press('Escape');
  await page.click(`.span-row:has-text(${JSON.stringify(text.slice(0, 40))})`);
  const excerpt = async () => (await page.textContent('.inspect blockquote.excerpt')).trim();
  assert.equal(await excerpt(), text);
  await page.click('button[aria-label="Shrink end one word left"]');
  await page.waitForFunction((t) => document.querySelector('.inspect blockquote.excerpt').textContent.trim() !== t, text);
  const shorter = await excerpt();
  assert.ok(text.startsWith(shorter) && shorter.length < text.length, shorter);
  assert.ok(!/\s$/.test(shorter) && /[\p{L}\p{N}]$/u.test(shorter), `ends on a word: ${JSON.stringify(shorter.slice(-12))}`);
  await page.click('button[aria-label="Shrink start one word right"]');
  await page.waitForFunction((t) => document.querySelector('.inspect blockquote.excerpt').textContent.trim() !== t, shorter);
  const inner = await excerpt();
  assert.ok(shorter.endsWith(inner) && !/^\s/.test(inner), `starts on a word: ${JSON.stringify(inner.slice(0, 12))}`);
  const [file] = await exportOpen(page);
  const spans = file.documents[0].spans.filter((x) => x.label === 'claim' && x.start > claim.start && x.end < claim.end);
  assert.ok(spans.some((x) => [...file.documents[0].text].slice(x.start, x.end).join('') === inner));
  assert.deepEqual(errors, []);
  await ctx.close();
});
