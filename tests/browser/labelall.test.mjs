// "Label every occurrence" (#13): after tagging a span, one command labels every other whole-word occurrence of
// its text the same way, as suggestions to review, in this document or in all of them, undone in one step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, exportOpen, openApp, paste, selectChars, useBrowser } from './harness.mjs';

const env = useBrowser();
const FIRST = corpusText('002_601354975c3094f5.txt');
const SECOND = corpusText('003_a7fab11564c02453.txt');
const NAME = 'Russia';

/** Code-point starts of the whole-word occurrences of `word` in `text` ("Russian" is another word). */
function wholeWords(text, word) {
  const re = new RegExp(`(?<![\\p{L}\\p{N}_'’%])${word}(?![\\p{L}\\p{N}_'’%])`, 'gu');
  return [...text.matchAll(re)].map((m) => [...text.slice(0, m.index)].length);
}

/** The place spans of the open document, as drawn: start of each highlight piece that begins a span, by status. */
const drawnPlaces = (page) => page.$$eval('#text-view .seg.cu-s[data-labels~="place"]', (els) => els.map((e) => ({
  s: +e.dataset.s, text: e.textContent, suggested: e.classList.contains('cu-sug'),
})));

const placesExported = async (page) => {
  const [json] = await exportOpen(page);
  return json.documents[0].spans.filter((s) => s.label === 'place').map((s) => [s.start, s.origin, s.status]);
};

const notice = (page) => page.$eval('.notice', (e) => e.textContent);

test('label every occurrence: suggestions at each whole-word occurrence, undone in one step, in all documents too', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, FIRST);
  const firstName = await page.textContent('.doc.current .doc-name');
  const starts = wholeWords(FIRST, NAME);
  assert.ok(starts.length >= 4, `${NAME} is written ${starts.length} times as a word`);
  assert.ok(FIRST.includes(`${NAME}n`), 'the text has the longer word too, which must not match');

  // Tag the first occurrence with a new label, from its key.
  await page.fill('input[aria-label="New label name"]', 'place');
  await page.click('button[aria-label="Add label"]');
  await page.waitForSelector('.label-row:has-text("place") kbd');
  const key = await page.textContent('.label-row:has-text("place") kbd');
  assert.equal(await selectChars(page, starts[0], starts[0] + NAME.length), NAME);
  await page.keyboard.press(key);
  await page.waitForSelector('.seg[data-labels~="place"]');
  assert.equal(await page.$eval('.inspect .excerpt', (e) => e.textContent), NAME);

  // The inspector's control, this document: every other whole-word occurrence, suggested.
  // The buttons are named by their visible text, inside the "Label every occurrence" group.
  await page.click('.label-all button:has-text("This document")');
  await page.waitForFunction((n) => document.querySelectorAll('#text-view .seg.cu-s[data-labels~="place"]').length === n, starts.length);
  const drawn = await drawnPlaces(page);
  assert.deepEqual(drawn.map((d) => d.s), starts);
  assert.ok(drawn.every((d) => d.text.startsWith(NAME.slice(0, d.text.length))));
  assert.deepEqual(drawn.map((d) => d.suggested), starts.map((_, i) => i > 0), 'the new ones are suggestions to review');
  assert.match(await notice(page), new RegExp(`Labelled ${starts.length - 1} more occurrences of “${NAME}” as place \\(1 document\\)`));
  assert.deepEqual(await placesExported(page), starts.map((s, i) => [s, 'manual', i ? 'suggested' : 'accepted']));
  await page.screenshot({ path: '/tmp/labelall-this.png' });

  // Undo takes all of them back in one step; the tag stays.
  await page.click('button[aria-label="Undo (Ctrl+Z)"]');
  await page.waitForFunction(() => document.querySelectorAll('#text-view .seg.cu-s[data-labels~="place"]').length === 1);
  assert.deepEqual((await drawnPlaces(page)).map((d) => [d.s, d.suggested]), [[starts[0], false]]);

  // All documents, by key: a second document gets them too.
  await paste(page, SECOND);
  const secondStarts = wholeWords(SECOND, NAME);
  assert.ok(secondStarts.length >= 2);
  await page.click(`button[title="Open ${firstName}"]`);
  await page.waitForSelector('.seg[data-labels~="place"]');
  await page.click('#text-view .seg.cu-s[data-labels~="place"]');
  await page.waitForFunction((n) => document.querySelector('.inspect .excerpt')?.textContent === n, NAME);
  await page.keyboard.press('Shift+E');
  await page.waitForFunction((n) => document.querySelectorAll('#text-view .seg.cu-s[data-labels~="place"]').length === n, starts.length);
  assert.match(await notice(page), new RegExp(`Labelled ${starts.length - 1 + secondStarts.length} more occurrences of “${NAME}” as place \\(2 documents\\)`));
  await page.click('.doc:not(.current) .doc-open');
  await page.waitForFunction((n) => document.querySelectorAll('#text-view .seg.cu-s[data-labels~="place"]').length === n, secondStarts.length);
  const second = await drawnPlaces(page);
  assert.deepEqual(second.map((d) => [d.s, d.suggested]), secondStarts.map((s) => [s, true]));
  await page.screenshot({ path: '/tmp/labelall-all.png' });

  // One undo takes them back in both documents (and goes back to the document it was done in).
  await page.keyboard.press('Control+z');
  await page.waitForFunction((n) => document.querySelector('.doc.current .doc-name')?.textContent === n, firstName);
  await page.waitForFunction(() => document.querySelectorAll('#text-view .seg.cu-s[data-labels~="place"]').length === 1);
  assert.deepEqual(await placesExported(page), [[starts[0], 'manual', 'accepted']]);
  await page.click('.doc:not(.current) .doc-open');
  await page.waitForFunction((n) => document.querySelector('.doc.current .doc-name')?.textContent !== n, firstName);
  assert.equal(await page.$$eval('#text-view .seg[data-labels~="place"]', (e) => e.length), 0);

  // With nothing selected, the key says what to do.
  await page.keyboard.press('Escape');
  await page.keyboard.press('e');
  assert.match(await notice(page), /Select a span first, then press E/);
  assert.deepEqual(errors, []);
  await ctx.close();
});
