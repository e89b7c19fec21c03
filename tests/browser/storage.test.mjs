// Saving in the browser, driven in headless Chromium: a reload keeps everything, two tabs never overwrite each
// other, a full store warns and loses nothing, older localStorage data moves into IndexedDB, the localStorage
// fallback, and the single file opened from file://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, exportOpen, fileUrl, openApp, paste, useBrowser } from './harness.mjs';

const ARTICLE = corpusText('002_601354975c3094f5.txt');
const env = useBrowser();

async function freshPage(url = env.server.url) {
  return openApp(env.browser, url);
}

test('two tabs on the same data see each other\'s work and do not overwrite it', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const a = await openApp(env.browser, env.server.url, { context: ctx });
  await paste(a.page, ARTICLE);
  const b = await openApp(env.browser, env.server.url, { context: ctx });
  await b.page.waitForSelector('#text-view .block');
  // Tab A accepts a suggestion; tab B shows it without reloading.
  await a.page.keyboard.press('n');
  await a.page.keyboard.press('a');
  await b.page.waitForFunction(() => document.querySelectorAll('.span-row.accepted').length === 1);
  // Tab B deletes a label's worth of work? No: B rejects another; A sees it.
  await b.page.click('.span-row.suggested >> nth=0');
  await b.page.keyboard.press('r');
  await a.page.waitForFunction(() => document.querySelectorAll('.span-row.rejected').length === 1);
  assert.equal(await a.page.$$eval('.span-row.accepted', (e) => e.length), 1);
  await ctx.close();
});

test('two tabs: an edit made on a stale copy does not overwrite the other tab\'s saved work', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const a = await openApp(env.browser, env.server.url, { context: ctx });
  await paste(a.page, ARTICLE);
  await a.page.waitForFunction(() => !document.body.hasAttribute('data-saving'));
  // Tab B never hears from A (as if the news were late), so it edits an old revision.
  const bPage = await ctx.newPage();
  await bPage.addInitScript(() => { BroadcastChannel.prototype.addEventListener = () => {}; });
  await bPage.goto(env.server.url);
  await bPage.waitForSelector('#text-view .block');
  await a.page.keyboard.press('n');
  await a.page.keyboard.press('a');
  await a.page.waitForFunction(() => !document.body.hasAttribute('data-saving'));
  await bPage.click('.span-row.suggested >> nth=3');
  await bPage.keyboard.press('r');
  // B is told, and shows A's version instead of its own edit.
  await bPage.waitForSelector('.notice:has-text("changed in another tab")');
  await bPage.waitForFunction(() => document.querySelectorAll('.span-row.accepted').length === 1);
  assert.equal(await bPage.$$eval('.span-row.rejected', (e) => e.length), 0);
  // What is saved is A's work.
  await a.page.reload();
  await a.page.waitForSelector('#text-view .block');
  assert.equal(await a.page.$$eval('.span-row.accepted', (e) => e.length), 1);
  assert.equal(await a.page.$$eval('.span-row.rejected', (e) => e.length), 0);
  assert.deepEqual(a.errors, []);
  await ctx.close();
});

test('storage full: a visible warning, and nothing already saved is lost', async () => {
  const { page, errors, ctx } = await freshPage();
  await paste(page, ARTICLE);
  // Wait until the first document is saved, then make the database full: every write fails with a quota error.
  await page.waitForFunction(() => new Promise((ok) => {
    const r = indexedDB.open('sift');
    r.onsuccess = () => { const g = r.result.transaction('docs').objectStore('docs').count(); g.onsuccess = () => ok(g.result === 1); };
    r.onerror = () => ok(false);
  }));
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await paste(page, ARTICLE.repeat(3));
  await page.waitForSelector('.notice[role=alert]');
  assert.match(await page.textContent('.notice'), /Storage is full/);
  await page.reload();
  await page.waitForSelector('#text-view .block');
  const names = await page.$$eval('.doc-name', (e) => e.map((x) => x.textContent));
  assert.equal(names.length, 1, 'the first document is still saved');
  assert.equal(await page.evaluate(() => document.querySelector('#text-view').textContent), ARTICLE);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('more than localStorage holds (>5 MB of documents) survives a reload', async () => {
  const { page, errors, ctx } = await freshPage();
  await paste(page, ARTICLE);
  const [one] = await exportOpen(page, 'all');
  // Six documents of about 1 MB of real text each, in the app's own export format.
  const base = one.documents[0];
  const big = (k) => ({ ...base, id: `big${k}`, name: `Big ${k}`, text: `${k}\n` + ARTICLE.repeat(Math.ceil(1_000_000 / ARTICLE.length)), spans: [], relations: [] });
  const docs = [0, 1, 2, 3, 4, 5].map(big);
  assert.ok(docs.reduce((n, d) => n + d.text.length, 0) > 5_500_000);
  await page.setInputFiles('#file-input', { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...one, documents: docs })) });
  await page.waitForFunction(() => document.querySelectorAll('.doc').length === 7);
  // The page says when everything is saved (a write under way is lost if the page goes away).
  await page.waitForFunction(() => !document.body.hasAttribute('data-saving'));
  assert.equal(await page.$$eval('.notice', (e) => e.length), 0, 'no storage warning');
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('.doc').length === 7);
  const [all] = await exportOpen(page, 'all');
  const saved = new Map(all.documents.map((d) => [d.name, d.text]));
  for (const d of docs) assert.equal(saved.get(d.name), d.text, `${d.name} is saved whole`);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('work saved by an older version in localStorage moves into IndexedDB once', async () => {
  const ctx = await env.browser.newContext();
  const page = await ctx.newPage();
  // A page on the same origin that is not the app writes what the old version saved.
  await page.route(env.server.url + 'not-the-app', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>x</title>' }));
  await page.goto(env.server.url + 'not-the-app');
  const doc = { id: 'dold', name: 'Old article', text: ARTICLE, spans: [] };
  await page.evaluate((d) => {
    localStorage.setItem('sift:v1:doc:dold', JSON.stringify(d));
    localStorage.setItem('sift:v1:rev:dold', '3');
    localStorage.setItem('sift:v1:index', JSON.stringify({ order: ['dold'], current: 'dold' }));
  }, doc);
  const app = await openApp(env.browser, env.server.url, { context: ctx });
  await app.page.waitForSelector('.doc.current .doc-name:text("Old article")');
  assert.equal(await app.page.evaluate(() => document.querySelector('#text-view').textContent), ARTICLE);
  assert.deepEqual(await app.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sift:'))), [], 'the old keys are freed');
  await app.page.reload();
  await app.page.waitForSelector('.doc.current .doc-name:text("Old article")');
  assert.deepEqual(app.errors, []);
  await ctx.close();
});

test('without IndexedDB the work is kept in localStorage', async () => {
  const ctx = await env.browser.newContext();
  await ctx.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
  const { page, errors } = await openApp(env.browser, env.server.url, { context: ctx });
  await paste(page, ARTICLE);
  await page.keyboard.press('n');
  await page.keyboard.press('a');
  await page.waitForSelector('.span-row.accepted');
  assert.ok(await page.evaluate(() => localStorage.getItem('sift:v1:index')), 'saved in localStorage');
  await page.reload();
  await page.waitForSelector('.span-row.accepted');
  assert.equal(await page.evaluate(() => document.querySelector('#text-view').textContent), ARTICLE);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('dist/sift.html works from file://: paste, tag, reload, export', async () => {
  const { page, errors, ctx, requests } = await openApp(env.browser, fileUrl());
  await paste(page, ARTICLE);
  await page.fill('#search', 'most deadly attack');
  await page.waitForFunction(() => getSelection().toString() === 'most deadly attack');
  await page.keyboard.press('Escape');
  await page.keyboard.press('2');
  const tagged = () => page.waitForFunction(() => [...document.querySelectorAll('.span-row')].some((e) => e.textContent === 'claimmost deadly attack'));
  await tagged();
  await page.reload();
  await tagged();
  const [one] = await exportOpen(page);
  assert.ok(one.documents[0].spans.some((s) => s.label === 'claim' && s.text === 'most deadly attack' && s.origin === 'manual'));
  // The page itself, loaded twice (reload), and nothing else.
  assert.deepEqual(requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:')), [fileUrl(), fileUrl()]);
  assert.deepEqual(errors, []);
  await ctx.close();
});
