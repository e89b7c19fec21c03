// Relations and document labels in the real page: link by keyboard (select a span, L, pick the target, Link), see
// the relation from both ends, review it, undo it, and find it in the export and after a reload; add a document
// label to the set and set it by keyboard (D, space), for one document only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, exportOpen, openApp, paste, useBrowser } from './harness.mjs';

const ARTICLE = corpusText('002_601354975c3094f5.txt');
const env = useBrowser();

test('link two spans by keyboard; the relation shows on both, is reviewed, undone, exported and kept', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  await page.keyboard.press('n');
  await page.waitForSelector('.inspect .links');
  const fromText = await page.textContent('.inspect blockquote.excerpt');
  await page.keyboard.press('l');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'link-target', 'L focuses the target list');
  await page.keyboard.press('ArrowDown');
  const to = await page.$eval('#link-target', (s) => s.value);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'LinkL', 'Tab reaches the Link button');
  await page.keyboard.press('Enter');
  // A hand-made relation is accepted at once (the claim layer's own said-by links are suggested).
  await page.waitForSelector('.link-row.accepted');
  assert.match(await page.textContent('.link-row.accepted .link-type'), /→ said-by/);
  // From the other end it reads as incoming.
  await page.click('.link-row.accepted button.link-end');
  await page.waitForFunction((t) => document.querySelector('.inspect blockquote.excerpt').textContent !== t, fromText);
  assert.match(await page.textContent('.link-row.accepted .link-type'), /← said-by/);
  await page.click('.link-row.accepted button[aria-label="Reject relation"]');
  await page.waitForSelector('.link-row.rejected');
  const manual = (f) => f.documents[0].relations.filter((r) => r.origin === 'manual');
  let [file] = await exportOpen(page);
  let rel = manual(file);
  assert.equal(rel.length, 1);
  assert.deepEqual([rel[0].to, rel[0].label, rel[0].origin, rel[0].status], [to, 'said-by', 'manual', 'rejected']);
  // Undo takes the rejection back; the relation stays through a reload.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !document.querySelector('.link-row.rejected'));
  await page.reload();
  await page.waitForSelector('.doc');
  [file] = await exportOpen(page);
  rel = manual(file);
  assert.deepEqual([rel.length, rel[0].status], [1, 'accepted']);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the claim layer suggests who said it: a said-by link from a claim to the source span, reviewed like any relation', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  // Walk the suggestions to the first claim with a suggested link (a source span has it incoming: ←).
  const row = page.locator('.inspect .link-row.suggested', { hasText: '→ said-by' }).first();
  for (let i = 0; i < 40 && !(await row.count()); i++) await page.keyboard.press('n');
  assert.equal(await row.locator('.link-end .badge').textContent(), 'source');
  // The source span is the name the claim's source attribute gives.
  const source = await page.$eval('.inspect input[aria-label="Attribute source"]', (i) => i.value);
  assert.ok((await row.locator('.link-end').textContent()).includes(source), source);
  await row.locator('button[aria-label="Accept relation"]').click();
  await page.waitForSelector('.inspect .link-row.accepted');
  const [file] = await exportOpen(page);
  const doc = file.documents[0];
  const accepted = doc.relations.filter((r) => r.status === 'accepted');
  assert.equal(accepted.length, 1);
  const [r] = accepted;
  const to = doc.spans.find((x) => x.id === r.to);
  const from = doc.spans.find((x) => x.id === r.from);
  assert.deepEqual([r.label, r.origin, from.label, to.label], ['said-by', 'auto', 'claim', 'source']);
  assert.equal([...doc.text].slice(to.start, to.end).join(''), from.attrs.source);
  assert.equal(from.attrs.source_start, to.start);
  assert.ok(doc.relations.filter((x) => x.status === 'suggested').length > 0, 'the other claims keep theirs, suggested');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('document labels: add one to the set, set it by keyboard on one document; export, reload and the other document', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  await page.keyboard.press('d');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'New document label', 'D with no set: the field');
  await page.keyboard.type('security');
  await page.keyboard.press('Enter');
  await page.waitForSelector('input[aria-label="Document label security"]');
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('d');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Document label security');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('input[aria-label="Document label security"]').checked);
  let [file] = await exportOpen(page);
  assert.deepEqual(file.documents[0].categories, [{ label: 'security', origin: 'manual', status: 'accepted' }]);
  assert.ok(file.labels.some((l) => l.name === 'security' && l.scope === 'document'), 'the set is exported with its scope');
  // Another document offers the label, unset; the first keeps it through a reload.
  await paste(page, 'Officials said 12 people were hurt in Lyon on Friday.');
  await page.waitForSelector('input[aria-label="Document label security"]');
  assert.equal(await page.$eval('input[aria-label="Document label security"]', (i) => i.checked), false);
  await page.reload();
  await page.waitForSelector('.doc');
  await page.click('.doc >> nth=0');
  await page.waitForFunction(() => document.querySelector('input[aria-label="Document label security"]')?.checked);
  [file] = await exportOpen(page, 'all');
  assert.deepEqual(file.documents.map((d) => (d.categories || []).map((c) => c.label)), [['security'], []]);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a single-choice document label set: one only, and the choice is saved and exported', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  for (const name of ['news', 'opinion']) {
    await page.fill('input[aria-label="New document label"]', name);
    await page.click('button[aria-label="Add document label"]');
    await page.waitForSelector(`input[aria-label="Document label ${name}"]`);
  }
  const checked = () => page.$$eval('.doc-label input[type=checkbox]', (xs) => xs.filter((x) => x.checked).map((x) => x.getAttribute('aria-label')));
  // Multiple choice first: both can be set.
  await page.check('input[aria-label="Document label news"]');
  await page.check('input[aria-label="Document label opinion"]');
  assert.deepEqual(await checked(), ['Document label news', 'Document label opinion']);
  // One only: setting one clears the other.
  await page.check('.doc-labels-single');
  await page.uncheck('input[aria-label="Document label opinion"]');
  await page.uncheck('input[aria-label="Document label news"]');
  await page.check('input[aria-label="Document label news"]');
  await page.check('input[aria-label="Document label opinion"]');
  await page.waitForFunction(() => !document.querySelector('input[aria-label="Document label news"]').checked);
  assert.deepEqual(await checked(), ['Document label opinion']);
  // Saved with the set, and exported as a property of each label.
  await page.reload();
  await page.waitForSelector('.doc-labels-single');
  assert.equal(await page.isChecked('.doc-labels-single'), true);
  const [file] = await exportOpen(page);
  const set = file.labels.filter((l) => l.scope === 'document');
  assert.deepEqual(set.map((l) => [l.name, l.single]), [['news', true], ['opinion', true]]);
  assert.deepEqual(file.documents[0].categories.map((c) => c.label), ['opinion']);
  assert.deepEqual(errors, []);
  await ctx.close();
});

/** The drawn relations: for each, its id and the curve's two ends in client coordinates. */
const connectors = (page) => page.evaluate(() => [...document.querySelectorAll('#connectors g.connector')].map((g) => {
  const path = g.querySelector('path.connector-line');
  const m = path.getScreenCTM();
  const at = (l) => {
    const p = path.getPointAtLength(l);
    return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
  };
  return { id: g.dataset.relation, start: at(0), end: at(path.getTotalLength()), label: g.querySelector('text').textContent };
}));

/** The client boxes of the segments drawn inside code points [s, e). */
const boxes = (page, s, e) => page.evaluate(([s, e]) => [...document.querySelectorAll('#text-view .seg')]
  .filter((el) => +el.dataset.s >= s && +el.dataset.e <= e)
  .flatMap((el) => [...el.getClientRects()].map((r) => r.toJSON())), [s, e]);

const inside = (p, rects) => rects.some((r) => p.x >= r.left - 0.5 && p.x <= r.right + 0.5 && p.y >= r.top - 0.5 && p.y <= r.bottom + 0.5);

test("the selected span's relations are drawn: a curve from the claim's box to its source's, kept on scroll and resize", async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  const row = page.locator('.inspect .link-row', { hasText: '→ said-by' }).first();
  for (let i = 0; i < 40 && !(await row.count()); i++) await page.keyboard.press('n');
  await page.waitForSelector('#connectors g.connector path.connector-line');
  assert.equal(await page.getAttribute('#connectors', 'aria-hidden'), 'true', 'the inspector list is the accessible form');
  const [file] = await exportOpen(page);
  const doc = file.documents[0];
  const check = async (when) => {
    const drawn = await connectors(page);
    assert.ok(drawn.length >= 1, `${when}: a connector`);
    for (const d of drawn) {
      const r = doc.relations.find((x) => x.id === d.id);
      assert.ok(r, `${when}: ${d.id} is a relation of the document`);
      const [from, to] = [r.from, r.to].map((id) => doc.spans.find((x) => x.id === id));
      assert.equal(d.label, r.label);
      assert.ok(inside(d.start, await boxes(page, from.start, from.end)), `${when}: starts in the ${from.label} span`);
      assert.ok(inside(d.end, await boxes(page, to.start, to.end)), `${when}: ends in the ${to.label} span`);
    }
    return drawn;
  };
  const drawn = await check('at first');
  assert.ok(drawn.some((d) => d.label === 'said-by'));
  // Scrolled: the curve moves with the text.
  await page.$eval('#text-scroll', (e) => { e.scrollTop += 60; });
  await check('scrolled');
  // A narrower window wraps the text anew: the curve is drawn again over it.
  const before = drawn[0].start;
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.waitForFunction((b) => {
    const p = document.querySelector('#connectors path.connector-line');
    if (!p) return false;
    const m = p.getScreenCTM();
    const q = p.getPointAtLength(0);
    return Math.abs(m.a * q.x + m.e - b.x) > 1 || Math.abs(m.d * q.y + m.f - b.y) > 1;
  }, before);
  await check('resized');
  // Nothing selected: nothing drawn.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#connectors g.connector'));
  assert.deepEqual(errors, []);
  await ctx.close();
});
