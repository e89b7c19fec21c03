// Check-worthiness in the app (#10): claim highlights as strong as their score, the score and its reasons in the
// inspector, W from the most check-worthy unreviewed claim down, and the span list by score.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, openApp, paste, useBrowser } from './harness.mjs';

const env = useBrowser();
const ARTICLE = corpusText('002_601354975c3094f5.txt');

/** The alpha of a computed colour (`rgb(...)`, `rgba(...)` or `color(srgb r g b / a)`). */
const alpha = (c) => {
  const slash = c.match(/\/\s*([\d.]+)\s*\)$/);
  if (slash) return parseFloat(slash[1]);
  const nums = c.match(/[\d.]+/g) || [];
  return c.startsWith('rgba') ? parseFloat(nums[3]) : c === 'transparent' ? 0 : 1;
};

/** Every claim segment drawn that carries no other layer: its score and how it is drawn. */
const claimSegs = (page) => page.$$eval('#text-view .seg.cl', (els) => els
  .filter((e) => e.dataset.labels === 'claim')
  .map((e, i) => {
    const cs = getComputedStyle(e);
    return {
      i,
      worth: parseFloat(e.style.getPropertyValue('--cw')),
      thickness: parseFloat(cs.textDecorationThickness),
      line: cs.textDecorationColor,
      ground: cs.backgroundColor,
    };
  }));

/** The inspector's check-worthiness line and reasons. */
const told = (page) => page.$eval('.inspect', (el) => ({
  pct: el.querySelector('.worth-pct')?.textContent ?? null,
  boxes: el.querySelectorAll('.worth-box').length,
  reasons: [...el.querySelectorAll('.worth-why li')].map((li) => li.textContent),
  markup: [...el.querySelectorAll('.worth-why .reason')].some((r) => r.children.length > 0),
  excerpt: el.querySelector('.excerpt').textContent,
}));

const pctOf = (w) => `Check-worthiness ${Math.round(w * 100)}%`;
const selectedWorth = (page) => page.$eval('#text-view .seg.sel', (e) => parseFloat(e.style.getPropertyValue('--cw')));

test('claims are drawn as strong as their score, the inspector says why, W walks down the scores, the list sorts by them', async () => {
  const { page, ctx, errors } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);

  // 1. Strength follows the score: the most check-worthy claim has a thicker, more opaque underline and a
  // warmer ground than the least.
  const segs = await claimSegs(page);
  assert.ok(segs.length > 20 && segs.every((s) => s.worth >= 0 && s.worth <= 1), 'every claim carries its score');
  assert.ok(new Set(segs.map((s) => s.worth)).size > 3, 'scores differ');
  const top = segs.reduce((a, b) => (b.worth > a.worth ? b : a));
  const low = segs.reduce((a, b) => (b.worth < a.worth ? b : a));
  assert.ok(top.worth - low.worth > 0.3, `${low.worth}..${top.worth}`);
  assert.ok(top.thickness > low.thickness, `thickness ${top.thickness} > ${low.thickness}`);
  assert.ok(alpha(top.line) > alpha(low.line), `underline ${top.line} vs ${low.line}`);
  assert.ok(alpha(top.ground) > alpha(low.ground), `ground ${top.ground} vs ${low.ground}`);
  const sorted = [...segs].sort((a, b) => a.worth - b.worth);
  assert.ok(sorted.every((s, k) => k === 0 || s.thickness >= sorted[k - 1].thickness), 'thickness rises with the score');

  // 2. Select a claim by clicking it: its score as a percentage and up to four reasons, as text.
  const pick = segs.find((s) => s.worth > 0.2 && s.worth < 0.9) ?? top;
  await page.locator('#text-view .seg.cl[data-labels="claim"]').nth(pick.i).click();
  await page.waitForSelector('.inspect .worth-pct');
  const t = await told(page);
  assert.equal(t.pct, pctOf(pick.worth));
  assert.equal(t.boxes, 1, 'one check-worthiness box');
  assert.ok(t.reasons.length >= 1 && t.reasons.length <= 4, JSON.stringify(t.reasons));
  assert.ok(t.reasons.every((r) => /^(▲ raises|▼ lowers) \S/.test(r)), JSON.stringify(t.reasons));
  assert.ok(!t.markup, 'reasons are text');
  // The attribute editor still lists the stored score, read-only, beside the explanation (not a second editor).
  const raw = await page.$eval('output[aria-label="Attribute checkworthiness"]', (o) => parseFloat(o.textContent));
  assert.equal(raw, pick.worth);
  // A number has no score and so no box.
  await page.locator('#text-view .seg.nu').first().click();
  await page.waitForSelector('.inspect .insp-head');
  await page.waitForFunction(() => !document.querySelector('.inspect .worth-box'));

  // 3. W twice from no selection: the most check-worthy unreviewed claim, then the next one down.
  await page.keyboard.press('Escape');
  await page.keyboard.press('w');
  await page.waitForSelector('.inspect .worth-pct');
  const first = { worth: await selectedWorth(page), ...(await told(page)) };
  assert.equal(first.worth, top.worth, 'W goes to the top score first');
  assert.equal(first.pct, pctOf(top.worth));
  await page.keyboard.press('w');
  await page.waitForFunction((ex) => document.querySelector('.inspect .excerpt')?.textContent !== ex, first.excerpt);
  const second = { worth: await selectedWorth(page), ...(await told(page)) };
  assert.ok(second.worth <= first.worth, `${second.worth} after ${first.worth}`);
  assert.equal(second.pct, pctOf(second.worth));
  assert.notEqual(second.excerpt, first.excerpt, 'another claim'); // that it is the next one down: the list below

  // 4. The span list by score: claims first with their percentages, never rising; the W walk's two claims on top.
  const textOrder = await page.$$eval('.span-row .span-text', (e) => e.map((x) => x.textContent));
  assert.equal(await page.$$eval('.span-row .row-worth', (e) => e.length), 0, 'no scores in text order');
  await page.selectOption('select[aria-label="Order of the spans"]', 'worth');
  await page.waitForSelector('.span-row .row-worth');
  const rows = await page.$$eval('.span-row', (els) => els.map((e) => ({
    label: e.querySelector('.badge').textContent,
    pct: e.querySelector('.row-worth') ? parseInt(e.querySelector('.row-worth').textContent, 10) : null,
    text: e.querySelector('.span-text').textContent,
    current: e.classList.contains('current'),
  })));
  assert.equal(rows.length, textOrder.length, 'sorting keeps every row');
  assert.notDeepEqual(rows.map((r) => r.text), textOrder, 'the order changed');
  const scored = rows.filter((r) => r.pct !== null);
  assert.ok(scored.length > 20 && scored.every((r) => r.label === 'claim'));
  assert.ok(rows.slice(0, scored.length).every((r) => r.pct !== null), 'scored rows first');
  assert.ok(scored.every((r, k) => k === 0 || r.pct <= scored[k - 1].pct), JSON.stringify(scored.map((r) => r.pct)));
  assert.equal(scored[0].pct, Math.round(first.worth * 100));
  assert.equal(scored[1].pct, Math.round(second.worth * 100));
  assert.ok(rows[1].current, 'the claim W went to second is second in the list');
  await page.screenshot({ path: '/tmp/worthshots/worth.png' });
  await page.locator('section.spans .span-row.current').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/worthshots/worth-list.png' });
  // Back to text order.
  await page.selectOption('select[aria-label="Order of the spans"]', 'text');
  await page.waitForFunction(() => !document.querySelector('.span-row .row-worth'));
  assert.deepEqual(await page.$$eval('.span-row .span-text', (e) => e.map((x) => x.textContent)), textOrder);
  assert.deepEqual(errors, []);
  await ctx.close();
});
