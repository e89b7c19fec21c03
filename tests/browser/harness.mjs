// Shared helpers for the browser tests and the benchmark: a headless Chromium, a tiny static server on
// 127.0.0.1 (random port) for dist/sift.html, and page helpers that drive the app as a person would.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist/sift.html');
export const CORPUS = join(ROOT, 'tests/data/corpus');

export function requireDist() {
  if (!existsSync(DIST)) throw new Error('dist/sift.html is missing: run scripts/build.sh first');
}

/** Registers one Chromium and one page server for a test file's tests: `env.browser`, `env.server`. */
export function useBrowser() {
  const env = {};
  before(async () => {
    requireDist();
    env.browser = await launch();
    env.server = await serve();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Serves `files` ({path: [content type, body]}) on 127.0.0.1, 404 for anything else: for the benchmark pages. */
export async function serveFiles(files) {
  const server = createServer((req, res) => {
    const f = files[req.url];
    res.writeHead(f ? 200 : 404, f ? { 'content-type': f[0] } : {});
    res.end(f ? f[1] : '');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Serves dist/sift.html at / and counts every request it gets. */
export async function serve() {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(req.url);
    if (req.url === '/' || req.url === '/sift.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(readFileSync(DIST));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, requests, close: () => new Promise((ok) => server.close(ok)) };
}

export const fileUrl = () => pathToFileURL(DIST).href;

/** Opens the app in a fresh context; collects page errors and every request the page makes. */
export async function openApp(browser, url, { context } = {}) {
  const ctx = context || (await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true }));
  const page = await ctx.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('.app');
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  return { ctx, page, errors, requests };
}

/** Pastes `text` into the page the way a clipboard paste does. */
export async function paste(page, text) {
  const n = await page.$$eval('.doc', (e) => e.length);
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction((k) => document.querySelectorAll('.doc').length === k + 1, n);
  await page.waitForSelector('#text-view .block');
}

export const corpusText = (name) => readFileSync(join(CORPUS, name), 'utf8');

/** Selects code points [start, end) of the open document by DOM ranges (as a mouse drag would). */
export async function selectChars(page, start, end) {
  return page.evaluate(([s, e]) => {
    const segs = [...document.querySelectorAll('#text-view .seg')];
    const point = (c) => {
      for (const el of segs) {
        const a = +el.dataset.s, b = +el.dataset.e;
        if (a <= c && c < b) {
          // Code points to UTF-16 within the segment.
          const cps = [...el.firstChild.data];
          return [el.firstChild, cps.slice(0, c - a).join('').length];
        }
      }
      const last = segs[segs.length - 1];
      return [last.firstChild, last.firstChild.data.length];
    };
    const r = document.createRange();
    r.setStart(...point(s));
    r.setEnd(...point(e));
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
    return sel.toString();
  }, [start, end]);
}

/** The spans drawn on the page: for each label, the covered texts (joined segments). */
export async function drawnSpans(page) {
  return page.evaluate(() => [...document.querySelectorAll('#text-view .seg[data-labels]')].map((e) => ({
    s: +e.dataset.s, e: +e.dataset.e, labels: e.dataset.labels.split(' '), text: e.textContent,
  })));
}

/** Exports the open document as sift-annotations JSON through the menu; returns [parsed, raw]. */
export async function exportOpen(page, which = 'this') {
  await page.click('summary[aria-label="Export"]');
  const label = which === 'all' ? 'Export all documents as sift-annotations JSON' : 'Export this document as sift-annotations JSON';
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`button[aria-label="${label}"]`)]);
  const raw = readFileSync(await dl.path(), 'utf8');
  return [JSON.parse(raw), raw, dl.suggestedFilename()];
}
