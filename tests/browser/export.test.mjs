// Export choices in the real page: accepted only (the default) against everything with review status, the
// notice saying what was left out, CoNLL's layer picker, and an accepted-only file opened again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusText, exportOpen, openApp, paste, useBrowser } from './harness.mjs';

const ARTICLE = corpusText('002_601354975c3094f5.txt');
const env = useBrowser();

async function download(page, title) {
  await page.evaluate(() => { document.querySelector('details.menu').open = true; });
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`button[aria-label="Export this document as ${title}"]`)]);
  return [readFileSync(await dl.path(), 'utf8'), dl.suggestedFilename()];
}

test('accepted only by default, everything on request; the CoNLL layer; the reviewed file opens again', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  await page.keyboard.press('n');
  await page.waitForSelector('.inspect .excerpt');
  const first = await page.textContent('.inspect .excerpt');
  await page.keyboard.press('a');
  await page.waitForFunction((t) => document.querySelector('.inspect .excerpt')?.textContent !== t, first);
  await page.keyboard.press('r');
  const [sift] = await exportOpen(page);
  const spans = sift.documents[0].spans;
  const open = spans.filter((s) => s.status === 'suggested').length;
  assert.ok(open > 20, 'most suggestions are not reviewed');

  // The default: only the accepted span goes into the training data, and the notice says what stayed behind.
  const [doccano, name] = await download(page, 'doccano (.jsonl)');
  const line = JSON.parse(doccano);
  assert.equal(line.label.length, 1, 'one accepted span');
  const accepted = spans.find((s) => s.status === 'accepted');
  assert.deepEqual(line.label[0].slice(2), [accepted.label]);
  // doccano's layout with relations (the claim layer's said-by suggestions) lists spans as entities.
  const count = (l) => (l.entities || l.label).length;
  assert.match(await page.textContent('.notice'), new RegExp(`Accepted only: ${open} unreviewed suggestions and 1 rejected span left out`));
  // The app's own file keeps everything whatever the choice: it is the backup.
  assert.equal(spans.length, open + 2);

  // Everything, with review status.
  await page.evaluate(() => { document.querySelector('details.menu').open = true; });
  await page.check('input[name="export-keep"] >> nth=1');
  const [all] = await download(page, 'doccano (.jsonl)');
  assert.equal(count(JSON.parse(all)), open + 1, 'every span but the rejected one');

  // CoNLL: one layer, chosen in the menu; numbers inside claims are there when the layer is numbers.
  await page.evaluate(() => { document.querySelector('details.menu').open = true; });
  await page.selectOption('select[aria-label="CoNLL layer"]', 'number');
  const [conll] = await download(page, 'conll (.conll)');
  assert.match(conll, /\tB-number/);
  assert.doesNotMatch(conll, /-claim|-boilerplate/);
  const numbers = spans.filter((s) => s.label === 'number' && s.status !== 'rejected').length;
  assert.equal((conll.match(/\tB-number/g) || []).length, numbers, 'every number, nested in a claim or not');

  // The accepted-only file opens as a document with just that span.
  await page.evaluate(() => { document.querySelector('details.menu').open = true; });
  await page.check('input[name="export-keep"] >> nth=0');
  const [again] = await download(page, 'doccano (.jsonl)');
  const dir = mkdtempSync(join(tmpdir(), 'sift-'));
  writeFileSync(join(dir, name), again);
  await page.setInputFiles('#file-input', join(dir, name));
  await page.waitForFunction(() => document.querySelectorAll('.doc').length === 2);
  assert.equal(await page.$$eval('#text-view .seg[data-labels]', (e) => new Set(e.map((x) => x.dataset.labels)).size), 1);
  assert.deepEqual(errors, []);
  await ctx.close();
});
