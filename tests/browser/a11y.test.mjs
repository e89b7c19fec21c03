// An axe-core audit (the engine behind Lighthouse's accessibility score) of every state of the page a person
// meets: the empty page, an annotated article, a selected span, each dialog and menu, a notice, the Compare and
// Agreement views. No serious or critical violation is allowed.
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

test('no serious or critical accessibility violation in any state of the page', async () => {
  // The page's CSP admits only its own script; the audit engine is let in for this test alone.
  const ctx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const page = await ctx.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  const states = [];
  const check = async (name) => states.push([name, await audit(page)]);
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
  const bad = states.filter(([, v]) => v.length > 0);
  assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
  await ctx.close();
});
