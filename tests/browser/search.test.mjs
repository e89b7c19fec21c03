// Search as annotators expect it: typographic quotes and odd spaces match their plain forms, every open
// document is searched (Enter crosses into the next one), every hit is highlighted and the current one stands out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, paste, useBrowser } from './harness.mjs';

const env = useBrowser();

const FIRST = 'The minister didn\u2019t say \u201cno\u201d.\nThe a\u00a0b team won 3\u20131, the minister said.\nThe end.\n';
const SECOND = 'Elsewhere the minister didn\'t answer.\n';

/** The search status once it reads `want` (a string or a RegExp). */
async function status(page, want) {
  await page.waitForFunction((w) => {
    const t = document.querySelector('#search-status')?.textContent || '';
    return w.re ? new RegExp(w.re).test(t) : t === w.s;
  }, want instanceof RegExp ? { re: want.source } : { s: want });
  return page.textContent('#search-status');
}

/** Sizes of the two highlights and the text of every range in them. */
const painted = (page) => page.evaluate(() => {
  const get = (n) => [...(CSS.highlights.get(n) || [])].map((r) => r.toString());
  return { all: get('sift-hit'), now: get('sift-hit-now') };
});

async function search(page, q) {
  await page.fill('#search', q);
}

test('quotes, apostrophes and a non-breaking space match their plain forms; every hit is painted', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, FIRST);
  assert.ok(await page.evaluate(() => typeof CSS.highlights?.get === 'function'), 'the Custom Highlight API is there');

  await search(page, "didn't");
  assert.equal(await status(page, /of/), '1 of 1 in 1 document');
  await page.waitForFunction(() => getSelection().toString() === 'didn\u2019t');
  await page.waitForFunction(() => CSS.highlights.get('sift-hit-now')?.size === 1);
  assert.deepEqual(await painted(page), { all: ['didn\u2019t'], now: ['didn\u2019t'] });

  await search(page, '"NO"');
  await status(page, '1 of 1 in 1 document');
  await page.waitForFunction(() => [...(CSS.highlights.get('sift-hit-now') || [])][0]?.toString() === '\u201cno\u201d');

  // A plain space finds the non-breaking one; a plain hyphen the en dash.
  await search(page, 'a b team won 3-1');
  await status(page, '1 of 1 in 1 document');
  await page.waitForFunction(() => [...(CSS.highlights.get('sift-hit-now') || [])][0]?.toString() === 'a\u00a0b team won 3\u20131');

  // Several hits: all painted, the current one apart, and Enter / Shift+Enter move it.
  await search(page, 'the minister');
  assert.equal(await status(page, /of/), '1 of 2 in 1 document');
  await page.waitForFunction(() => CSS.highlights.get('sift-hit')?.size === 2);
  let p = await painted(page);
  assert.deepEqual(p.all, ['The minister', 'the minister']);
  assert.deepEqual(p.now, ['The minister']);
  await page.keyboard.press('Enter');
  await status(page, '2 of 2 in 1 document');
  await page.waitForFunction(() => [...CSS.highlights.get('sift-hit-now')][0]?.toString() === 'the minister');
  await page.waitForFunction(() => getSelection().toString() === 'the minister');
  await page.keyboard.press('Shift+Enter');
  await status(page, '1 of 2 in 1 document');
  await page.keyboard.press('Shift+Enter');
  await status(page, '2 of 2 in 1 document');
  // The current hit is drawn in its own colour.
  const rules = await page.evaluate(() => {
    const out = {};
    for (const sheet of document.styleSheets) {
      for (const r of sheet.cssRules) {
        const m = r.selectorText?.match(/^::highlight\((sift-hit(?:-now)?)\)$/);
        if (m) out[m[1]] = r.style.backgroundColor;
      }
    }
    return out;
  });
  assert.ok(rules['sift-hit'] && rules['sift-hit-now'], `both highlights are styled: ${JSON.stringify(rules)}`);
  assert.notEqual(rules['sift-hit'], rules['sift-hit-now']);
  await page.screenshot({ path: '/tmp/sift-search-one.png' });

  // Painting survives a re-render of the text: tag the current hit, the segments are redrawn.
  await page.keyboard.press('Escape');
  await page.keyboard.press('2');
  await page.waitForSelector('#text-view .seg[data-labels]');
  await page.waitForFunction(() => CSS.highlights.get('sift-hit')?.size === 2
    && [...CSS.highlights.get('sift-hit')].every((r) => r.toString().toLowerCase() === 'the minister'));

  // No match, then an empty box: nothing painted.
  await search(page, 'zebra');
  await status(page, 'no match');
  await page.waitForFunction(() => !CSS.highlights.has('sift-hit'));
  await search(page, '');
  await status(page, '');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('every open document is searched; Enter crosses into the next document and wraps', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, FIRST);
  await paste(page, SECOND);
  const openText = () => page.evaluate(() => document.querySelector('#text-view').textContent);
  await page.waitForFunction((t) => document.querySelector('#text-view')?.textContent === t, SECOND);

  await search(page, "DIDN'T");
  // The open document's hit is current at once; the status counts both documents.
  const first = await status(page, /^\d of 2 in 2 documents$/);
  await page.waitForFunction(() => getSelection().toString() === 'didn\'t');
  // Hits per document, with counts.
  const perDoc = await page.$$eval('.search-docs .search-doc .count', (e) => e.map((x) => +x.textContent));
  assert.deepEqual(perDoc, [1, 1]);

  // Enter goes to the other document, then wraps back.
  const seen = [[first, await openText()]];
  for (let k = 0; k < 2; k++) {
    const before = seen[seen.length - 1][0];
    await page.keyboard.press('Enter');
    await page.waitForFunction((b) => document.querySelector('#search-status').textContent !== b, before);
    const st = await page.textContent('#search-status');
    await page.waitForFunction(() => /^didn.t$/.test(getSelection().toString()));
    seen.push([st, await openText()]);
  }
  assert.notEqual(seen[1][1], seen[0][1], 'Enter opened the other document');
  assert.equal(seen[1][1], FIRST);
  assert.equal(seen[1][0], first === '1 of 2 in 2 documents' ? '2 of 2 in 2 documents' : '1 of 2 in 2 documents');
  assert.deepEqual(seen[2], seen[0], 'and wrapped back');
  // The document crossed into has its hit painted as current.
  await page.keyboard.press('Shift+Enter');
  await page.waitForFunction((t) => document.querySelector('#text-view').textContent === t, FIRST);
  await page.waitForFunction(() => [...(CSS.highlights.get('sift-hit-now') || [])][0]?.toString() === 'didn\u2019t');
  assert.deepEqual(await painted(page), { all: ['didn\u2019t'], now: ['didn\u2019t'] });
  await status(page, seen[1][0]);

  // The per-document list jumps too.
  await page.focus('#search');
  await page.click('.search-docs .search-doc:not(.current)');
  await page.waitForFunction((t) => document.querySelector('#text-view').textContent === t, SECOND);
  await page.focus('#search');
  await page.screenshot({ path: '/tmp/sift-search-two.png' });
  assert.deepEqual(errors, []);
  await ctx.close();
});
