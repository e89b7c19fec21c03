// Dark mode (issue #13): the page follows prefers-color-scheme, the toolbar's toggle (system / light / dark)
// overrides it and is remembered, and in both themes text keeps WCAG AA contrast (4.5:1) — the main text, the
// dimmed boilerplate, muted labels and every button — while the label colours stay told apart. A dark-mode
// screenshot goes to /tmp/dark.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, openApp, paste, useBrowser } from './harness.mjs';

const ARTICLE = corpusText('002_601354975c3094f5.txt');
const env = useBrowser();

/** Contrast of every element matching each selector, measured in the page: the text colour over the element's
 * ground (its background and its parents', composited, with the darker stripe of a hatched ground), skipping what
 * is hidden, transparent or disabled. */
function measure(groups) {
  const col = (s) => {
    let m = s.match(/^rgba?\(([^)]*)\)/);
    if (m) {
      const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    m = s.match(/^color\(srgb ([^)]*)\)/);
    if (m) {
      const p = m[1].split(/[\s/]+/).filter(Boolean).map(Number);
      return [p[0] * 255, p[1] * 255, p[2] * 255, p.length > 3 ? p[3] : 1];
    }
    return [0, 0, 0, 0];
  };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const lum = (c) => c.slice(0, 3).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }).reduce((n, v, i) => n + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const ground = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = col(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((bg, l) => over(l, bg), [255, 255, 255, 1]);
  };
  const shown = (el) => {
    if (el.closest(':disabled') || el.getClientRects().length === 0 || !el.textContent.trim()) return false;
    for (let e = el; e; e = e.parentElement) if (+getComputedStyle(e).opacity < 1 || getComputedStyle(e).visibility === 'hidden') return false;
    return true;
  };
  const out = {};
  for (const [name, sel] of Object.entries(groups)) {
    const els = [...document.querySelectorAll(sel)].filter(shown);
    const worst = els.map((el) => {
      let bg = ground(el);
      // A hatched ground (boilerplate): its darker stripe, the worst place for the text.
      const stripe = getComputedStyle(el).backgroundImage.match(/rgba?\([^)]*\)/);
      if (stripe) bg = over(col(stripe[0]), bg);
      return { r: ratio(over(col(getComputedStyle(el).color), bg), bg), what: `${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 30)}"` };
    }).sort((a, b) => a.r - b.r)[0];
    out[name] = { n: els.length, worst };
  }
  out.body = lum(col(getComputedStyle(document.body).backgroundColor));
  return out;
}

const GROUPS = {
  'main text': '#text-view .seg:not(.sp)',
  'boilerplate text': '#text-view .seg.bp',
  'muted text': '.muted, h2, .progress, .label-count, .count, .hint, kbd, .status, .doc-name',
  buttons: '.btn, .icon, .span-row .span-text, .doc-open',
  badges: '.badge',
};

/** Every group's worst contrast is at least 4.5:1; returns the page's ground luminance. */
async function assertContrast(page, theme) {
  const m = await page.evaluate(measure, GROUPS);
  for (const name of Object.keys(GROUPS)) {
    assert.ok(m[name].n > 0, `${theme}: some ${name} to measure`);
    assert.ok(m[name].worst.r >= 4.5, `${theme}: ${name} ${m[name].worst.what} has ${m[name].worst.r.toFixed(2)}:1, below 4.5:1`);
  }
  return m.body;
}

/** Colours of the layers as drawn now: the number box's border, and the grounds of a number, of the selected
 * span and of the text around them. */
const layerColours = (page) => page.evaluate(() => {
  const cs = (sel) => getComputedStyle(document.querySelector(sel));
  return {
    nuBorder: cs('#text-view .seg.nu').borderTopColor,
    nuGround: cs('#text-view .seg.nu:not(.sel)').backgroundColor,
    selGround: cs('#text-view .seg.sel').backgroundColor,
    ground: cs('#text-view').backgroundColor,
  };
});

const rgb = (s) => {
  const p = s.match(/\(([^)]*)\)/)[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  return s.startsWith('color(') ? p.slice(0, 3).map((v) => v * 255).concat(p[3] ?? 1) : p.slice(0, 3).concat(p[3] ?? 1);
};
/** A translucent colour over an opaque ground. */
const onto = (c, g) => [0, 1, 2].map((i) => c[i] * c[3] + g[i] * (1 - c[3]));
const apart = (a, b) => Math.max(...[0, 1, 2].map((i) => Math.abs(a[i] - b[i])));
const lum = (c) => c.slice(0, 3).map((v) => {
  const s = v / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}).reduce((n, v, i) => n + v * [0.2126, 0.7152, 0.0722][i], 0);
const ratio = (a, b) => {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

/** The number box keeps 3:1 against the text's ground (WCAG 1.4.11), and the grounds of a number, of the selected
 * span and of the text stay apart from each other. */
async function assertLayers(page, theme) {
  const c = await layerColours(page);
  const ground = rgb(c.ground);
  const nu = onto(rgb(c.nuGround), ground);
  const sel = onto(rgb(c.selGround), ground);
  assert.ok(ratio(rgb(c.nuBorder), ground) >= 3, `${theme}: the number box ${c.nuBorder} on ${c.ground}`);
  assert.ok(apart(nu, ground) >= 12, `${theme}: a number's ground ${c.nuGround} stands out from ${c.ground}`);
  assert.ok(apart(sel, ground) >= 40, `${theme}: the selected span's ground ${c.selGround} stands out from ${c.ground}`);
  assert.ok(apart(sel, nu) >= 30, `${theme}: the selected span and a number differ`);
  return c;
}

test('dark mode follows the system, the toggle overrides it and is remembered; AA contrast in both themes', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const { page, errors } = await openApp(env.browser, env.server.url, { context: ctx });
  await paste(page, ARTICLE);
  // The first suggestion is boilerplate: selected, its text is drawn over the selection's ground.
  await page.keyboard.press('n');
  await page.waitForSelector('#text-view .seg.bp.sel');
  assert.equal(await page.$eval('#theme', (e) => e.value), 'system', 'the toggle starts on the system theme');
  assert.ok((await assertContrast(page, 'light')) > 0.8, 'a light page');
  const light = await assertLayers(page, 'light');

  // The system turns dark: so does the page, with no choice made.
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.ok((await assertContrast(page, 'dark (system)')) < 0.05, 'a dark page');
  const dark = await assertLayers(page, 'dark (system)');
  assert.notEqual(dark.nuBorder, light.nuBorder, 'numbers take the sky blue on a dark ground');
  await page.screenshot({ path: '/tmp/dark.png' });

  // The toggle: light while the system is dark, kept across a reload.
  await page.selectOption('#theme', 'light');
  assert.ok((await assertContrast(page, 'light (chosen)')) > 0.8, 'light, as chosen');
  await page.reload();
  await page.waitForSelector('#text-view .block');
  assert.equal(await page.$eval('#theme', (e) => e.value), 'light', 'the choice is remembered');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  // Dark while the system is light.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.selectOption('#theme', 'dark');
  await page.keyboard.press('n');
  await page.waitForSelector('#text-view .seg.sel');
  assert.ok((await assertContrast(page, 'dark (chosen)')) < 0.05, 'dark, as chosen');
  // Back to the system's: light again.
  await page.selectOption('#theme', 'system');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
  assert.ok((await assertContrast(page, 'light (system again)')) > 0.8);
  await page.reload();
  await page.waitForSelector('#text-view .block');
  assert.equal(await page.$eval('#theme', (e) => e.value), 'system');
  assert.deepEqual(errors, []);
  await ctx.close();
});
