// An axe-core audit (the engine behind Lighthouse's accessibility score) of every state of the page a person
// meets: the empty page, an annotated article, a selected span, each dialog and menu, a notice, a detector switched
// off, the Compare and Agreement views, the relations panel (its connector drawn over the text), the claim
// attributes, document labels, renaming, a full store, a panic, the dark theme and the keyboard shortcut overlay.
// No serious or critical violation is allowed, and keyboard focus is always visible (3:1 against its ground).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { corpusText, paste, useBrowser } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTICLE = corpusText('002_601354975c3094f5.txt');
const env = useBrowser();

/** Serious and critical violations on the page as it is now. */
async function audit(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 8).map((n) => n.target.join(' ')) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// A fresh page ready to audit, and `check(name)`, which records the state's violations in `states`. The page's
// CSP admits only its own script; the audit engine is let in for these tests alone.
async function auditedPage() {
  const ctx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const page = await ctx.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  const states = [];
  const check = async (name) => states.push([name, await audit(page)]);
  return { ctx, page, states, check };
}

test('no serious or critical accessibility violation in any state of the page', async () => {
  const { ctx, page, states, check } = await auditedPage();
  await check('empty page');
  await paste(page, ARTICLE);
  await check('annotated article');
  await page.keyboard.press('n');
  await page.waitForSelector('.inspect .insp-head');
  await check('a selected suggestion in the inspector');
  await page.keyboard.press('Escape');
  await page.keyboard.press('w');
  await page.waitForSelector('.inspect .worth-box');
  await page.selectOption('select[aria-label="Order of the spans"]', 'worth');
  await page.waitForSelector('.span-row .row-worth');
  await check("a claim's check-worthiness in the inspector, the span list by score");
  await page.click('summary[aria-label="Export"]');
  await check('export menu open');
  await page.keyboard.press('Escape');
  await page.click('summary[aria-label="Export"]');
  await page.click('button[aria-label="Edit label claim"]');
  await page.waitForSelector('form.label-edit');
  await check('label edit form');
  await page.click('form.label-edit button[type=button]');
  await page.click('button[aria-label="Delete label number"]');
  await page.waitForSelector('form.label-delete');
  await check('label delete dialog');
  await page.click('form.label-delete button[type=button]');
  await page.click('button[aria-label="New document: paste or type text"]');
  await page.waitForSelector('#intake-text');
  await check('new-document panel');
  await page.click('button[aria-label="Cancel: back to the open document"]');
  await paste(page, corpusText('001_864a9569695b4111.txt'));
  await page.click('#compare-toggle');
  await page.waitForSelector('.figure-row');
  await check('compare view');
  await page.click('#agree-toggle');
  await page.waitForSelector('section.agree');
  await check('agreement view');
  await page.click('#agree-toggle');
  // Renaming a label to a name already taken is refused with a notice.
  await page.click('button[aria-label="Edit label claim"]');
  await page.fill('form.label-edit input[name=name]', 'number');
  await page.click('form.label-edit button[type=submit]');
  await page.waitForSelector('.notice[role=alert]');
  await check('a notice');
  // A built-in label deleted: its row stays, its detector off, with a button to switch it on.
  if (!(await page.$('.label-delete'))) await page.click('button[aria-label="Delete label number"]');
  await page.click('.label-delete button[type=submit]');
  await page.waitForSelector('.label-row.off button:has-text("Switch on")');
  await check("a built-in label deleted, its detector off");
  const bad = states.filter(([, v]) => v.length > 0);
  assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
  await ctx.close();
});

test('no serious or critical violation in the relations panel, the claim attributes, document labels, rename, a full store and a panic', async () => {
  const { ctx, page, states, check } = await auditedPage();
  await paste(page, ARTICLE);
  // A relation made by keyboard, listed in the inspector.
  await page.keyboard.press('n');
  await page.waitForSelector('.inspect .links');
  await page.keyboard.press('l');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.inspect .link-row.accepted');
  await check('the relations panel with a relation listed');
  // The most check-worthy claim: its attribute editor.
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('w');
  await page.waitForSelector('.inspect .attr-edit input[aria-label="Attribute source"]');
  await check('the claim attribute editor');
  // A document label in the set, set on this document.
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('d');
  await page.keyboard.type('security');
  await page.keyboard.press('Enter');
  await page.click('input[aria-label="Document label security"]');
  await page.waitForFunction(() => document.querySelector('input[aria-label="Document label security"]').checked);
  await check('the document labels row with a label set');
  await page.click('.doc.current button[title="Rename"]');
  await page.waitForSelector('input.rename');
  await check('the document rename field');
  await page.keyboard.press('Escape');
  await page.waitForSelector('input.rename', { state: 'detached' });
  // Every write fails as on a full disk: the warning notice.
  await page.waitForFunction(() => !document.body.hasAttribute('data-saving'));
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await paste(page, 'Officials said 12 people were hurt in Lyon on Friday.');
  await page.waitForSelector('.notice[role=alert]:has-text("Storage is full")');
  await check('the storage-full warning');
  await page.evaluate(() => document.dispatchEvent(new Event('sift:test-panic')));
  await page.waitForSelector('#fatal[role=alert]');
  await check('the panic banner');
  const bad = states.filter(([, v]) => v.length > 0);
  assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
  assert.equal(states.length, 6);
  await ctx.close();
});

test('no serious or critical violation in the dark theme (colour contrast included) and in the shortcut overlay', async () => {
  const { ctx, page, states, check } = await auditedPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await paste(page, ARTICLE);
  await page.keyboard.press('n');
  await page.waitForSelector('.inspect .insp-head');
  await check('dark: an annotated article with a selected suggestion');
  await page.click('summary[aria-label="Export"]');
  await check('dark: the export menu');
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('?');
  await page.waitForSelector('[role=dialog][aria-modal=true]');
  await check('dark: the keyboard shortcut overlay');
  await page.keyboard.press('Escape');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('?');
  await page.waitForSelector('[role=dialog][aria-modal=true]');
  await check('light: the keyboard shortcut overlay');
  await page.keyboard.press('Escape');
  await page.selectOption('#theme', 'dark');
  await check('dark, chosen in the toolbar');
  const bad = states.filter(([, v]) => v.length > 0);
  assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
  assert.equal(states.length, 5);
  await ctx.close();
});

/** The focus indicator of `el` as computed now: its outline and box-shadow, the colour of each, and the ground
 * around the element (the nearest opaque background of its parents), to tell whether the indicator is visible. */
const INDICATOR = `(el) => {
  const rgb = (s) => (s.match(/rgba?\\(([^)]*)\\)/) || [, '0,0,0,0'])[1].split(',').map(Number);
  let ground = el.parentElement;
  while (ground && rgb(getComputedStyle(ground).backgroundColor)[3] === 0) ground = ground.parentElement;
  const cs = getComputedStyle(el);
  return {
    outline: cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) === 0 ? 'none' : [cs.outlineStyle, cs.outlineWidth, cs.outlineColor].join(' '),
    outlineColor: rgb(cs.outlineColor),
    shadow: cs.boxShadow,
    shadowColor: rgb(cs.boxShadow),
    ground: ground ? rgb(getComputedStyle(ground).backgroundColor) : [255, 255, 255],
  };
}`;

/** WCAG contrast ratio of two sRGB colours given as [r, g, b(, a)]. */
function contrast(a, b) {
  const lum = ([r, g, bl]) => [r, g, bl].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }).reduce((n, c, i) => n + c * [0.2126, 0.7152, 0.0722][i], 0);
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** Why `focused` (compared with `rest`, the same element unfocused) is not a visible focus indicator, or null. */
function invisible(focused, rest) {
  const ring = [];
  if (focused.outline !== 'none' && focused.outline !== rest.outline) ring.push(focused.outlineColor);
  if (focused.shadow !== 'none' && focused.shadow !== rest.shadow) ring.push(focused.shadowColor);
  if (ring.length === 0) return `no outline or box-shadow on focus (outline ${focused.outline}, shadow ${focused.shadow})`;
  // WCAG 1.4.11: a focus indicator needs 3:1 against what is around it.
  const best = Math.max(...ring.map((c) => (c[3] === 0 ? 1 : contrast(c, focused.ground))));
  return best >= 3 ? null : `the focus ring has contrast ${best.toFixed(2)}:1 with rgb(${focused.ground.slice(0, 3)}), below 3:1`;
}

test('every control reached by Tab, the text view and the selected highlight show a visible focus indicator', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  await paste(page, ARTICLE);
  await page.keyboard.press('n');
  await page.waitForSelector('.inspect .insp-head');
  await page.evaluate(() => document.activeElement.blur());
  // Tab through the whole page once, noting each element's look while it has the focus.
  const seen = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(([ind, k]) => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      if (el.dataset.tabbed) return { again: true };
      el.dataset.tabbed = String(k);
      const name = el.getAttribute('aria-label') || el.title || el.id || el.textContent.trim().slice(0, 30);
      return { k, tag: el.tagName, cls: String(el.className), id: el.id, type: el.type || '', name, look: (0, eval)(ind)(el) };
    }, [INDICATOR, i]);
    if (here?.again) break;
    if (here) seen.push(here);
  }
  await page.evaluate(() => document.activeElement.blur());
  const failures = [];
  for (const s of seen) {
    const rest = await page.evaluate(([ind, k]) => (0, eval)(ind)(document.querySelector(`[data-tabbed="${k}"]`)), [INDICATOR, s.k]);
    const why = invisible(s.look, rest);
    if (why) failures.push(`${s.tag}.${s.cls} "${s.name}": ${why}`);
  }
  assert.deepEqual(failures, [], failures.join('\n'));
  // What Tab reached: buttons, text fields, the text view and the list of highlights.
  assert.ok(seen.filter((s) => s.tag === 'BUTTON').length > 10, `buttons: ${seen.map((s) => s.name).join(' | ')}`);
  assert.ok(seen.some((s) => s.tag === 'INPUT' && s.type === 'text') || seen.some((s) => s.tag === 'INPUT' && s.type === 'search'), 'a text field');
  assert.ok(seen.some((s) => s.tag === 'TEXTAREA'), 'the note field');
  assert.ok(seen.some((s) => s.id === 'text-view'), 'the text view');
  assert.ok(seen.some((s) => /\bspan-row\b/.test(s.cls)), 'a highlight in the span list');
  // Inside the export menu (white, in the dark top bar) the ring is visible too.
  await page.focus('summary[aria-label="Export"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('details.menu[open]');
  for (let i = 1; i <= 3; i++) {
    await page.focus('summary[aria-label="Export"]');
    for (let j = 0; j < i; j++) await page.keyboard.press('Tab');
    const [name, inMenu, focused] = await page.evaluate((ind) => [document.activeElement.getAttribute('aria-label') || document.activeElement.labels?.[0]?.textContent || document.activeElement.textContent,
      !!document.activeElement.closest('.menu-body'), (0, eval)(ind)(document.activeElement)], INDICATOR);
    assert.ok(inMenu, `Tab goes into the open menu: ${name}`);
    const rest = await page.evaluate((ind) => { const el = document.activeElement; el.blur(); return (0, eval)(ind)(el); }, INDICATOR);
    assert.equal(invisible(focused, rest), null, `${name} in the export menu`);
  }
  await page.keyboard.press('Escape');
  // A highlight reached from the keyboard (N in the text view) is marked, not only coloured.
  await page.focus('#text-view');
  await page.keyboard.press('Escape');
  const seg = await page.$eval('#text-view .seg.sp', (e) => e.dataset.s);
  const look = (s) => page.evaluate(([ind, at]) => (0, eval)(ind)(document.querySelector(`#text-view .seg[data-s="${at}"]`)), [INDICATOR, s]);
  const before = await look(seg);
  await page.keyboard.press('n');
  await page.waitForSelector('#text-view .seg.sel');
  const at = await page.$eval('#text-view .seg.sel', (e) => e.dataset.s);
  assert.equal(at, seg, 'N selects the first highlight');
  const after = await look(seg);
  assert.notEqual(after.outline, 'none', 'the selected highlight is outlined');
  assert.notEqual(after.outline, before.outline, 'the outline comes with the selection');
  await ctx.close();
});
