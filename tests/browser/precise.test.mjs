// The second bundle, dist/sift-precise.html (#16): a precise model file, opened once, scores the claims in a
// worker with a progress bar; it is kept across a reload; a file that is not a model gets a message and the
// built-in scorer goes on. Uses the random test model of tests/data/precise (what matters here is the path, not
// the scores). Skipped when the bundle was not built (scripts/build_precise.sh; scripts/test.sh builds it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, serveFiles, openApp, paste, corpusText, exportOpen, ROOT } from './harness.mjs';

const BUNDLE = join(ROOT, 'dist/sift-precise.html');
const MODEL = join(ROOT, 'tests/data/precise/tiny.sift-model');
const ARTICLE = corpusText('002_601354975c3094f5.txt');
let browser, server, url;

before(async () => {
  if (!existsSync(BUNDLE)) throw new Error('dist/sift-precise.html is missing: run scripts/build_precise.sh first');
  browser = await launch();
  server = await serveFiles({ '/': ['text/html; charset=utf-8', readFileSync(BUNDLE)] });
  url = server.url;
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const claims = async (page) => (await exportOpen(page))[0].documents[0].spans.filter((s) => s.label === 'claim');

test('a precise model scores the claims in a worker, stays across a reload, and a bad file leaves the built-in scorer', async () => {
  const { page, ctx, errors, requests } = await openApp(browser, url);
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  assert.match(csp, /worker-src blob:/);
  assert.match(csp, /script-src 'sha256-[^']+' 'wasm-unsafe-eval'/);
  await paste(page, ARTICLE);
  const builtin = await claims(page);
  assert.ok(builtin.length > 5 && builtin.every((s) => !s.rule.includes('+')), 'built-in scores first');

  // Load the model: the worker scores the open document's sentences; then every claim is the model's.
  await page.setInputFiles('input[aria-label="Precise model file"]', MODEL);
  await page.waitForSelector('.precise-on');
  await page.waitForFunction(() => !document.querySelector('.precise-progress'));
  const precise = await claims(page);
  assert.ok(precise.length > 0 && precise.every((s) => s.rule.endsWith('+minilm')), JSON.stringify(precise.map((s) => s.rule)));
  const worth = (v) => v.map((s) => s.attrs.checkworthiness).join(' ');
  assert.notEqual(worth(precise), worth(builtin), 'the scores are the model\'s');
  assert.match(await page.textContent('.notice'), /scored by the precise model: tiny random test model/);

  // Kept: after a reload the model is loaded again from storage, with no file chosen.
  await page.reload();
  await page.waitForSelector('.app');
  await page.waitForSelector('.precise-on');

  // A file that is not a model: a message, the model is off, the built-in scorer re-annotates as before.
  await page.setInputFiles('input[aria-label="Precise model file"]',
    { name: 'notes.sift-model', mimeType: 'application/octet-stream', buffer: Buffer.from('not a model at all') });
  await page.waitForFunction(() => /precise model is not used: not a sift model file/.test(document.querySelector('.notice')?.textContent || ''));
  assert.equal(await page.$('.precise-on'), null);
  await page.click('button[aria-label="Re-annotate this document"]');
  const again = await claims(page);
  assert.deepEqual(again.map((s) => [s.start, s.end, s.rule, s.attrs.checkworthiness]),
    builtin.map((s) => [s.start, s.end, s.rule, s.attrs.checkworthiness]), 'the built-in scores are back');

  assert.deepEqual(errors, []);
  assert.ok(requests.every((r) => r === url || r.startsWith('blob:') || r.startsWith('data:')), JSON.stringify(requests));
  await ctx.close();
});

test('opened from disk (file://), the bundle loads a model and scores in its worker', async () => {
  const { page, ctx, errors } = await openApp(browser, pathToFileURL(BUNDLE).href);
  await paste(page, ARTICLE);
  await page.setInputFiles('input[aria-label="Precise model file"]', MODEL);
  await page.waitForSelector('.precise-on');
  await page.waitForFunction(() => !document.querySelector('.precise-progress'));
  assert.ok((await claims(page)).every((s) => s.rule.endsWith('+minilm')));
  assert.deepEqual(errors, []);
  await ctx.close();
});
