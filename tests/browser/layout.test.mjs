// Layout (issue #13, defect 8, and the unlabelled count bars): a 5,000-character label name widens nothing (it
// is cut or broken only where it is shown, with the full name in a title); at 800 px the text and the panels wrap
// whole words; each document's counts say what they count, on hover and to screen readers, with a legend.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, openApp, paste, useBrowser } from './harness.mjs';

const ARTICLE = corpusText('002_601354975c3094f5.txt');
const LONG = 'x'.repeat(5000);
const env = useBrowser();

async function fresh(width) {
  const ctx = await env.browser.newContext({ viewport: { width, height: 900 } });
  return openApp(env.browser, env.server.url, { context: ctx });
}

/** What is wider than it should be: the page itself, or a panel that scrolls sideways. */
const overflow = (page) => page.evaluate(() => {
  const out = [];
  if (document.documentElement.scrollWidth > innerWidth) out.push(`the page is ${document.documentElement.scrollWidth} px wide in ${innerWidth}`);
  for (const sel of ['.topbar', '.sidebar', '.main', '.inspector', '.review-bar', '.menu-body']) {
    for (const el of document.querySelectorAll(sel)) {
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${sel} scrolls sideways: ${el.scrollWidth} px in ${el.clientWidth}`);
    }
  }
  return out;
});

test('a 5,000-character label name does not widen the page or any panel; the full name is in a title', async () => {
  for (const width of [1440, 800]) {
    const { page, errors, ctx } = await fresh(width);
    await paste(page, ARTICLE);
    await page.fill('input[aria-label="New label name"]', LONG);
    await page.click('button[aria-label="Add label"]');
    const name = page.locator(`.label-name[for="show-${LONG}"]`);
    await name.waitFor();
    assert.equal(await name.getAttribute('title'), LONG, 'the full name is in the title');
    assert.deepEqual(await overflow(page), [], `${width} px: the label list`);
    // A span given the label: its badge in the review bar, the inspector and the span list.
    await page.keyboard.press('n');
    await page.waitForSelector('.inspect .insp-head');
    await page.selectOption('select[aria-label="Relabel span"]', LONG);
    await page.waitForSelector(`.review-bar .badge[title="${LONG}"]`);
    assert.deepEqual(await overflow(page), [], `${width} px: a span with the label`);
    // The edit form and the delete dialog, which quotes the name.
    await page.click(`button[aria-label="Edit label ${LONG}"]`);
    await page.waitForSelector('form.label-edit');
    assert.deepEqual(await overflow(page), [], `${width} px: the label edit form`);
    await page.click('form.label-edit button[type=button]');
    await page.click(`button[aria-label="Delete label ${LONG}"]`);
    await page.waitForSelector('form.label-delete');
    assert.deepEqual(await overflow(page), [], `${width} px: the delete dialog`);
    // Deleting another label offers "relabel as" the long one.
    await page.click('form.label-delete button[type=button]');
    await page.click('button[aria-label="Delete label number"]');
    await page.waitForSelector('form.label-delete');
    assert.deepEqual(await overflow(page), [], `${width} px: a delete dialog offering the long name`);
    await page.click('form.label-delete button[type=button]');
    await page.click('summary[aria-label="Export"]');
    assert.deepEqual(await overflow(page), [], `${width} px: the export menu`);
    assert.deepEqual(errors, []);
    await ctx.close();
  }
});

/** Words (runs of letters, within one text node) of the element matching `sel` whose letters lie on more than
 * one line. */
function brokenWords(sel) {
  const root = document.querySelector(sel);
  if (!root) return [`${sel}: not on the page`];
  const out = [];
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    for (const m of n.data.matchAll(/\p{L}{2,}/gu)) {
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      const bottoms = [...r.getClientRects()].filter((b) => b.width > 0).map((b) => b.bottom);
      // Boxes of one line differ by a border or padding at most; a new line is a line height further down.
      if (bottoms.length && Math.max(...bottoms) - Math.min(...bottoms) > 10) out.push(m[0]);
    }
  }
  return out;
}

test('at 800 px the page fits and ordinary words wrap whole in the text and the panels', async () => {
  const { page, errors, ctx } = await fresh(800);
  await paste(page, ARTICLE);
  await page.keyboard.press('n');
  await page.waitForSelector('.inspect .why');
  assert.deepEqual(await overflow(page), [], 'nothing is wider than the window');
  const style = await page.$eval('#text-view', (e) => [getComputedStyle(e).overflowWrap, getComputedStyle(e).wordBreak]);
  assert.notEqual(style[0], 'anywhere', 'the text may break a word only when it cannot fit a line');
  assert.notEqual(style[1], 'break-all');
  for (const sel of ['#text-view', '.review-bar', '.inspect .why', '.inspect .excerpt', '.sidebar']) {
    assert.deepEqual(await page.evaluate(brokenWords, sel), [], `no word of ${sel} is broken across lines`);
  }
  // The text keeps a readable measure: at least 40 characters a line.
  const measure = await page.$eval('#text-view', (e) => e.clientWidth);
  assert.ok(measure >= 360, `the text is ${measure} px wide`);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("each document's count bars say what they count, on hover and to screen readers, with a legend", async () => {
  const { page, errors, ctx } = await fresh(1440);
  await paste(page, ARTICLE);
  const counts = page.locator('.doc.current .counts');
  const label = await counts.getAttribute('aria-label');
  assert.equal(await counts.getAttribute('role'), 'img');
  assert.equal(await counts.getAttribute('title'), label, 'the same words on hover');
  const parts = label.split(', ');
  for (const words of [/^\d+ boilerplate$/, /^\d+ claims$/, /^\d+ numbers$/, /^\d+ spans labelled source$/]) {
    assert.ok(parts.some((p) => words.test(p)), `${words} in "${label}"`);
  }
  // The words match the numbers drawn, each bar titled with its own.
  const drawn = await page.$$eval('.doc.current .count', (e) => e.map((x) => [x.textContent, x.title]));
  assert.deepEqual(label.match(/\d+/g), drawn.map(([n]) => n));
  assert.deepEqual(drawn.map(([, t]) => t), parts);
  // The document's button is named by its visible text: its name, then the counts in words.
  const name = await page.textContent('.doc.current .doc-name');
  assert.equal(await page.getByRole('button', { name: `${name} ${label}`, exact: true }).count(), 1);
  // The legend under the list names each bar's colour.
  const legend = await page.$$eval('.counts-legend .count', (e) => e.map((x) => [x.className, x.textContent]));
  assert.deepEqual(legend, [['count bp', 'boilerplate'], ['count cl', 'claims'], ['count nu', 'numbers'], ['count cu', 'other labels']]);
  assert.ok(await page.isVisible('.counts-legend'));
  assert.deepEqual(errors, []);
  await ctx.close();
});
