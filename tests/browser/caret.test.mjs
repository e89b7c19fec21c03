// The keyboard caret (issue #13, defect 4): a click puts a visible caret in the text; arrows move it by character
// (a grapheme cluster: a flag or an accented letter is one step), Ctrl/Alt+arrows by word, Home/End to the line's
// edges, Ctrl+Home/End to the text's, PageUp/PageDown by a screenful; Shift+any of these selects from the caret.
// Click mid-paragraph and Shift+→ selects from there, not from the top; after PageDown the selection never starts
// with "\n". The other keys keep working, and the `?` overlay lists the caret's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, openApp, paste, useBrowser } from './harness.mjs';

const ARTICLE = corpusText('002_601354975c3094f5.txt');
const CPS = [...ARTICLE];
const env = useBrowser();

const selected = (page) => page.evaluate(() => getSelection().toString());
const cps = (a, b) => CPS.slice(a, b).join('');

/** The caret bar as drawn: shown, and where. */
const caretBox = (page) => page.evaluate(() => {
  const el = document.getElementById('caret');
  const r = el.getBoundingClientRect();
  return { shown: getComputedStyle(el).display !== 'none' && r.height > 0, x: r.left + r.width / 2, top: r.top, bottom: r.bottom };
});

/** Clicks the middle of the `k`th word of the third paragraph; returns the code point the page's caret is at
 * and the client x of that point. */
async function clickMidParagraph(page, k = 6) {
  const at = await page.evaluate((k) => {
    const block = document.querySelectorAll('#text-view .block')[2];
    const seg = [...block.querySelectorAll('.seg')].find((s) => s.textContent.split(/\s+/).length > k + 2);
    const t = seg.firstChild;
    const words = [...t.data.matchAll(/\S+/g)];
    const w = words[k];
    const r = document.createRange();
    r.setStart(t, w.index + 2);
    r.setEnd(t, w.index + 3);
    const box = r.getBoundingClientRect();
    return { x: box.left + 1, y: box.top + box.height / 2 };
  }, k);
  await page.mouse.click(at.x, at.y);
  const c = await page.evaluate(() => {
    const s = getSelection();
    const seg = s.anchorNode.parentElement;
    return +seg.dataset.s + [...s.anchorNode.data.slice(0, s.anchorOffset)].length;
  });
  return { c, x: at.x };
}

test('click mid-paragraph: a caret there, and Shift+→ selects from it; arrows, words, Home and End', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  const { c, x } = await clickMidParagraph(page);
  assert.ok(c > 200, `the click is well into the text (${c})`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text-view');
  // Shift+→ selects from the click point, one character at a time.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await selected(page), cps(c, c + 3), 'selected from the click, not from the top');
  // ← collapses to the selection's start: the caret is drawn at the click.
  await page.keyboard.press('ArrowLeft');
  assert.equal(await selected(page), '');
  const bar = await caretBox(page);
  assert.ok(bar.shown, 'the caret is drawn');
  assert.ok(Math.abs(bar.x - x) < 4, `at the click: ${bar.x} vs ${x}`);
  // → moves by one; Shift+← selects backwards from there.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowLeft');
  assert.equal(await selected(page), cps(c + 3, c + 4));
  await page.keyboard.press('ArrowLeft');
  assert.equal(await selected(page), '');
  const moved = await caretBox(page);
  assert.ok(moved.shown && moved.x > bar.x, 'the caret moved right');
  // Ctrl+Shift+→ and Alt+Shift+→ select to the end of the word; Ctrl+← goes back to its start.
  await page.keyboard.press('Control+ArrowLeft');
  await page.keyboard.press('Control+Shift+ArrowRight');
  const word = await selected(page);
  assert.match(word, /^[\p{L}\p{N}’'%-]+$/u, `one word: ${word}`);
  await page.keyboard.press('Alt+Shift+ArrowRight');
  const two = await selected(page);
  assert.ok(two.startsWith(word) && two.length > word.length + 1 && /[\p{L}\p{N}]$/u.test(two), `the next word too: ${two}`);
  // End, then Shift+Home: the whole line, as the text has it.
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  const lineStart = CPS.lastIndexOf('\n', c) + 1;
  const line = cps(lineStart, CPS.indexOf('\n', c));
  assert.equal(await selected(page), line);
  // Ctrl+Home: the start of the text.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await selected(page), CPS[0]);
  // The other keys still work: a selection made with the caret is tagged with a label key.
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('2');
  await page.waitForSelector('.span-row.current');
  assert.equal(await page.$eval('.span-row.current .span-text', (e) => e.textContent), ARTICLE.match(/^\S+/)[0]);
  await page.keyboard.press('n');
  await page.waitForFunction(() => document.querySelector('.inspect .status')?.textContent === 'suggested');
  const accepted = await page.$$eval('.span-row.accepted', (e) => e.length);
  await page.keyboard.press('a');
  await page.waitForFunction((n) => document.querySelectorAll('.span-row.accepted').length === n + 1, accepted);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the caret never splits a grapheme cluster: a flag, an accented letter, a family emoji, CRLF', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  const text = 'Flag 🇺🇦 e\u0301te 👨‍👩‍👧 ok\r\nnext line';
  await paste(page, text);
  await page.focus('#text-view');
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  const steps = [];
  for (let i = 0; i < 9; i++) {
    await page.keyboard.press('Shift+ArrowRight');
    steps.push(await selected(page));
    await page.keyboard.press('ArrowRight');
  }
  assert.deepEqual(steps, ['🇺🇦', ' ', 'e\u0301', 't', 'e', ' ', '👨‍👩‍👧', ' ', 'o']);
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+ArrowRight');
  assert.ok(['\r\n', '\n'].includes(await selected(page)), 'CRLF is one step');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('PageDown and PageUp move the caret a screenful; the selection never starts with a line break', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1200, height: 560 } });
  const { page, errors } = await openApp(env.browser, env.server.url, { context: ctx });
  await paste(page, ARTICLE);
  await page.focus('#text-view');
  await page.keyboard.press('Control+Home');
  const scrolled = () => page.$eval('#text-scroll', (e) => e.scrollTop);
  const tops = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('PageDown');
    await page.keyboard.press('Shift+ArrowRight');
    const s = await selected(page);
    assert.equal([...s].length, 1, `one character after PageDown ${i + 1}: ${JSON.stringify(s)}`);
    assert.ok(!/[\r\n]/.test(s), `not a line break: ${JSON.stringify(s)}`);
    const bar = await caretBox(page);
    const view = await page.$eval('#text-scroll', (e) => e.getBoundingClientRect().toJSON());
    assert.ok(bar.shown && bar.top >= view.top - 1 && bar.bottom <= view.bottom + 1, 'the caret is on screen');
    tops.push(await scrolled());
    await page.keyboard.press('ArrowLeft');
  }
  assert.ok(tops[0] > 0 && tops[1] > tops[0], `the text scrolled by screenfuls: ${tops}`);
  // Shift+PageDown selects from the caret; the selection starts with text.
  await page.keyboard.press('Shift+PageDown');
  const big = await selected(page);
  assert.ok(big.length > 20 && !/^\s/.test(big), `a screenful selected from the caret: ${JSON.stringify(big.slice(0, 20))}`);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('Shift+ArrowRight');
  const up = await selected(page);
  assert.ok(up.length === 1 && !/[\r\n]/.test(up), JSON.stringify(up));
  assert.ok((await scrolled()) < tops[2], 'PageUp scrolled back');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the caret is visible in both themes, and the overlay lists its keys', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const { page, errors } = await openApp(env.browser, env.server.url, { context: ctx });
  await paste(page, ARTICLE);
  await clickMidParagraph(page, 3);
  const contrast = () => page.evaluate(() => {
    const rgb = (s) => s.match(/\(([^)]*)\)/)[1].split(/[\s,/]+/).filter(Boolean).map(Number).slice(0, 3);
    const lum = (c) => c.map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; })
      .reduce((n, v, i) => n + v * [0.2126, 0.7152, 0.0722][i], 0);
    const a = lum(rgb(getComputedStyle(document.getElementById('caret')).backgroundColor));
    const b = lum(rgb(getComputedStyle(document.getElementById('text-view')).backgroundColor));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
  assert.ok((await caretBox(page)).shown);
  const light = await contrast();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await contrast();
  assert.ok(light >= 3 && dark >= 3, `the caret stands out (3:1, WCAG 1.4.11): light ${light.toFixed(2)}, dark ${dark.toFixed(2)}`);
  await page.keyboard.press('?');
  await page.waitForSelector('[role=dialog] .key-row');
  const rows = await page.$$eval('[role=dialog] .key-row', (els) => els.map((r) => [...r.querySelectorAll('kbd')].map((k) => k.textContent).join(' ') + ' = ' + r.querySelector('dd').textContent));
  for (const want of ['→ = Move the caret one character right', 'Shift+→ = Extend the selection one character right',
    'Ctrl+→ Alt+→ = Move the caret to the end of the word', 'Ctrl+Shift+→ Alt+Shift+→ = Extend the selection one word right',
    'Home = Move the caret to the start of the line', 'Shift+End = Extend the selection to the end of the line',
    'PageDown = Move the caret a screenful down', 'Shift+PageUp = Extend the selection a screenful up']) {
    assert.ok(rows.includes(want), `${want} in ${rows.join(' | ')}`);
  }
  assert.deepEqual(errors, []);
  await ctx.close();
});
