// The real page in headless Chromium, driven as a person would: paste a seed article, review suggestions,
// tag with keyboard and mouse, undo/redo, reload, export, import into an empty page (saving: storage.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS, corpusText, drawnSpans, exportOpen, fileUrl, openApp, paste, selectChars, useBrowser } from './harness.mjs';

const ARTICLE = corpusText('002_601354975c3094f5.txt');
const env = useBrowser();

/** Status shown in the inspector for the selected span. */
const inspectorStatus = (page) => page.textContent('.inspect .insp-head .status');

async function freshPage(url = env.server.url) {
  return openApp(env.browser, url);
}

test('a pasted article is annotated at once; each highlight says why on hover', async () => {
  const { page, errors, ctx } = await freshPage();
  await paste(page, ARTICLE);
  const segs = await drawnSpans(page);
  assert.ok(segs.length > 10, `highlights drawn (${segs.length})`);
  // The text on the page is the article, exactly (as text, nothing lost).
  const shown = await page.evaluate(() => document.querySelector('#text-view').textContent);
  assert.equal(shown, ARTICLE);
  // Hover a claim: its title carries the detector's reason.
  const claim = page.locator('#text-view .seg.cl').first();
  await claim.hover();
  const title = await claim.getAttribute('title');
  assert.match(title, /^claim \(suggested\): \S.{10,}/m);
  // Each layer can be hidden and shown again.
  const claims = await page.$$eval('#text-view .seg.cl', (e) => e.length);
  await page.uncheck('input[aria-label="Show claim"]');
  assert.equal(await page.$$eval('#text-view .seg.cl', (e) => e.length), 0);
  assert.ok(await page.$$eval('#text-view .seg.sp', (e) => e.length) > 0, 'the other layers stay');
  await page.check('input[aria-label="Show claim"]');
  assert.equal(await page.$$eval('#text-view .seg.cl', (e) => e.length), claims);
  // The sidebar counts match the span list.
  const listed = await page.textContent('#spans-h');
  const n = Number(listed.match(/\((\d+)\)/)[1]);
  const counts = await page.$$eval('.doc.current .count', (els) => els.map((e) => parseInt(e.textContent, 10)));
  assert.equal(counts.reduce((a, b) => a + b, 0), n);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('review with the keyboard and the buttons; rejected suggestions stay rejected on re-annotation', async () => {
  const { page, errors, ctx } = await freshPage();
  await paste(page, ARTICLE);
  const before = (await drawnSpans(page)).length;
  await page.keyboard.press('n');
  assert.equal(await inspectorStatus(page), 'suggested');
  const first = await page.textContent('.inspect .excerpt');
  await page.keyboard.press('a');
  // Accepting moves on to the next suggestion.
  await page.waitForFunction((t) => document.querySelector('.inspect .excerpt')?.textContent !== t, first);
  await page.click('.span-row >> nth=0');
  assert.equal(await inspectorStatus(page), 'accepted');
  // Reject the second one with R: it disappears from the text.
  await page.click('.span-row >> nth=1');
  const rejected = await page.textContent('.inspect .excerpt');
  await page.keyboard.press('r');
  await page.waitForFunction((t) => ![...document.querySelectorAll('#text-view .seg.cl')].some((e) => e.textContent === t), rejected.slice(0, 20));
  const after = await page.$$eval('.span-row.rejected', (els) => els.length);
  assert.equal(after, 1);
  // Re-annotate: the rejected one is still rejected, the accepted one still accepted.
  await page.click('button[aria-label="Re-annotate this document"]');
  assert.equal(await page.$$eval('.span-row.rejected', (els) => els.length), 1);
  assert.equal(await page.$$eval('.span-row.accepted', (els) => els.length), 1);
  // The span list filters by status, origin and label.
  await page.selectOption('select[aria-label="Filter by status"]', 'rejected');
  assert.equal(await page.$$eval('.span-row', (e) => e.length), 1);
  await page.selectOption('select[aria-label="Filter by status"]', '');
  await page.selectOption('select[aria-label="Filter by origin"]', 'manual');
  assert.equal(await page.$$eval('.span-row', (e) => e.length), 0);
  await page.selectOption('select[aria-label="Filter by origin"]', '');
  await page.selectOption('select[aria-label="Filter by label"]', 'claim');
  assert.ok((await page.$$eval('.span-row', (e) => e.map((x) => x.textContent))).every((t) => t.startsWith('claim')));
  await page.selectOption('select[aria-label="Filter by label"]', '');
  // Accept all claims: nothing left to review in that layer.
  await page.click('button[aria-label="Accept all claim suggestions"]');
  assert.equal(await page.$$eval('.span-row.suggested', (els) => els.filter((e) => e.textContent.startsWith('claim')).length), 0);
  assert.match(await page.textContent('[aria-label="Review claim"] .progress'), /^(\d+) \/ \1 reviewed$/);
  assert.ok(before > 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('tag with the keyboard (snapped to words) and with the mouse (palette); undo and redo', async () => {
  const { page, errors, ctx } = await freshPage();
  await paste(page, ARTICLE);
  const current = () => page.$eval('.span-row.current', (e) => e.textContent);
  // Keyboard: select part of "Kyiv from pointing" by searching it, then press the number key.
  await page.fill('#search', 'Kyiv from poin');
  await page.waitForFunction(() => getSelection().toString() === 'Kyiv from poin');
  await page.keyboard.press('Escape'); // back to the text
  await page.keyboard.press('3');
  await page.waitForFunction(() => document.querySelector('.span-row.current')?.textContent === 'numberKyiv from pointing');
  assert.equal(await current(), 'numberKyiv from pointing', 'the partial word was widened to the whole word');
  assert.equal(await inspectorStatus(page), 'accepted');
  assert.match(await page.textContent('.insp-head .muted'), /tagged by hand/);
  // Shift + label key keeps the exact characters.
  await page.fill('#search', 'uspect');
  await page.waitForFunction(() => getSelection().toString() === 'uspect');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Digit2');
  await page.waitForFunction(() => document.querySelector('.span-row.current .span-text')?.textContent === 'uspect');

  // Keyboard only: focus the text, Ctrl+Home, Ctrl+Shift+Right twice selects the first two words.
  await page.focus('#text-view');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  assert.equal(await page.evaluate(() => getSelection().toString()), 'What is');

  // Mouse: drag over "Moscow concert hall" in the first line, pick "number" from the palette.
  const box = await page.evaluate(() => {
    const seg = document.querySelector('#text-view .seg');
    const t = seg.firstChild;
    const i = t.data.indexOf('Moscow concert hall');
    const r = document.createRange();
    r.setStart(t, i + 1); // sloppy start, inside the word
    r.setEnd(t, i + 'Moscow concert hall'.length - 1);
    const rects = r.getClientRects();
    const a = rects[0], b = rects[rects.length - 1];
    return { x0: a.left + 1, y0: a.top + a.height / 2, x1: b.right - 1, y1: b.top + b.height / 2 };
  });
  await page.mouse.move(box.x0, box.y0);
  await page.mouse.down();
  await page.mouse.move(box.x1, box.y1, { steps: 5 });
  await page.mouse.up();
  await page.waitForSelector('.palette');
  await page.click('.palette button[aria-label="Tag as number"]');
  await page.waitForFunction(() => document.querySelector('.span-row.current')?.textContent.startsWith('numberMoscow'));
  assert.equal(await current(), 'numberMoscow concert hall', 'mouse tag snapped to words');
  const tagged = () => page.$$eval('.span-row', (els) => els.some((e) => e.textContent === 'numberMoscow concert hall'));

  // A selection may cross a paragraph break: it is tagged whole, snapped to words at both ends.
  const text = await page.evaluate(() => document.querySelector('#text-view').textContent);
  const a = text.indexOf('killed at least') + 2, b = text.indexOf('security alert') + 4;
  assert.ok(a > 2 && b > a);
  await selectChars(page, a, b);
  await page.keyboard.press('2');
  await page.waitForFunction(() => document.querySelector('.span-row.current')?.textContent.startsWith('claimkilled at least'));
  const crossing = await page.$eval('.inspect .excerpt', (e) => e.textContent);
  assert.equal(crossing, text.slice(a - 2, text.indexOf('security alert') + 8));
  assert.ok(crossing.includes('\n\n'));
  await page.keyboard.press('Control+z');
  // Undo removes the mouse tag, redo brings it back; Ctrl+Y works too.
  await page.click('#text-view', { position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => ![...document.querySelectorAll('.span-row')].some((e) => e.textContent === 'numberMoscow concert hall'));
  await page.keyboard.press('Control+Shift+z');
  await page.waitForFunction(() => [...document.querySelectorAll('.span-row')].some((e) => e.textContent === 'numberMoscow concert hall'));
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await page.waitForFunction(() => [...document.querySelectorAll('.span-row')].some((e) => e.textContent === 'numberMoscow concert hall'));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('everything survives a reload; the export matches the page; importing it into an empty page gives the same state', async () => {
  const { page, errors, ctx } = await freshPage();
  await paste(page, ARTICLE);
  await page.keyboard.press('n');
  await page.keyboard.press('a');
  await page.keyboard.press('r');
  await page.fill('#search', 'Kabul airport');
  await page.waitForFunction(() => getSelection().toString() === 'Kabul airport');
  await page.keyboard.press('Escape');
  await page.keyboard.press('3');
  await page.waitForFunction(() => document.querySelector('.span-row.current')?.textContent === 'numberKabul airport');
  // A second document, renamed.
  await paste(page, corpusText('003_a7fab11564c02453.txt'));
  await page.click('.doc.current button[title="Rename"]');
  await page.fill('input.rename', 'Second article');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.doc.current .doc-name:text("Second article")');

  const [all1, raw1] = await exportOpen(page, 'all');
  assert.equal(all1.documents.length, 2);
  await page.reload();
  await page.waitForSelector('#text-view .block');
  const [all2, raw2] = await exportOpen(page, 'all');
  assert.equal(raw2, raw1, 'reload gives back exactly the same state');
  assert.equal(await page.textContent('.doc.current .doc-name'), 'Second article');

  // Export of the first document matches what the page shows.
  await page.click('.doc >> nth=0 >> .doc-open');
  const [one, , fname] = await exportOpen(page);
  assert.match(fname, /\.json$/);
  const doc = one.documents[0];
  assert.equal(doc.text, ARTICLE);
  const shown = await page.evaluate(() => document.querySelector('#text-view').textContent);
  assert.equal(shown, doc.text);
  const statuses = Object.fromEntries(['accepted', 'rejected', 'suggested'].map((s) => [s, doc.spans.filter((x) => x.status === s).length]));
  assert.equal(statuses.accepted, 2);
  assert.equal(statuses.rejected, 1);
  const segs = await drawnSpans(page);
  for (const s of doc.spans) {
    const covered = segs.filter((g) => g.s >= s.start && g.e <= s.end && g.labels.includes(s.label)).map((g) => g.text).join('');
    if (s.status === 'rejected') assert.notEqual(covered, s.text, `rejected ${s.id} is not drawn`);
    else assert.equal(covered, s.text, `span ${s.id} is drawn over exactly its text`);
  }
  const listed = Number((await page.textContent('#spans-h')).match(/\((\d+)\)/)[1]);
  assert.equal(listed, doc.spans.length);
  // The clean text leaves out every boilerplate line and keeps the rest.
  await page.click('summary[aria-label="Export"]');
  const [cdl] = await Promise.all([page.waitForEvent('download'), page.click('button[aria-label="Export this document as Clean text (boilerplate removed)"]')]);
  const clean = readFileSync(await cdl.path(), 'utf8');
  const bp = doc.spans.filter((s) => s.label === 'boilerplate' && s.status !== 'rejected');
  assert.ok(bp.length > 0);
  for (const s of bp) assert.ok(!clean.includes(s.text), `boilerplate left out: ${s.text}`);
  for (const s of doc.spans.filter((x) => x.label === 'claim')) assert.ok(clean.includes(s.text), `claim kept: ${s.text.slice(0, 40)}`);

  // Import the all-documents export into an empty page (fresh storage): same state, byte for byte.
  const dir = mkdtempSync(join(tmpdir(), 'sift-'));
  const file = join(dir, 'all.json');
  writeFileSync(file, raw1);
  const other = await freshPage();
  await other.page.setInputFiles('#file-input', file);
  await other.page.waitForSelector('#text-view .block');
  await other.page.click('.doc >> nth=1 >> .doc-open');
  const [, raw3] = await exportOpen(other.page, 'all');
  assert.equal(raw3, raw1);
  assert.equal(await other.page.textContent('.doc.current .doc-name'), 'Second article');
  assert.deepEqual(errors, []);
  assert.deepEqual(other.errors, []);
  await other.ctx.close();
  await ctx.close();
});

test('no network request at all, and a CSP that forbids them', async () => {
  env.server.requests.length = 0;
  const { page, errors, ctx, requests } = await freshPage();
  await paste(page, ARTICLE);
  await page.keyboard.press('n');
  await page.keyboard.press('a');
  await exportOpen(page);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'none'/);
  assert.deepEqual(env.server.requests, ['/'], 'the server saw only the page itself');
  assert.deepEqual(requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:')), [env.server.url], 'the page asked for nothing else');
  // Even a script that tries is stopped by the policy.
  const blocked = await page.evaluate(() => fetch(location.href + 'x').then(() => false, () => true));
  assert.ok(blocked);
  assert.deepEqual(env.server.requests, ['/']);
  assert.ok(errors.every((e) => /Content Security Policy|Failed to fetch/.test(e)), errors.join('\n'));
  await ctx.close();
});

test('hostile strings are shown as text and never run', async () => {
  const { page, errors, ctx } = await freshPage();
  const hostile = 'Breaking: <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> said 5 people.\n\n<b onmouseover="window.__pwned=3">bold</b> &lt;not an entity';
  await paste(page, hostile);
  assert.equal(await page.evaluate(() => document.querySelector('#text-view').textContent), hostile);
  assert.equal(await page.$$eval('#text-view script, #text-view img, #text-view b', (e) => e.length), 0);
  // Open an HTML file with scripts: only its visible text arrives.
  const dir = mkdtempSync(join(tmpdir(), 'sift-'));
  const file = join(dir, 'page.html');
  writeFileSync(file, '<html><head><title>t</title><script>window.__pwned=4</script><style>p{}</style></head><body><p>Visible <b>words</b> &amp; more.</p><img src=x onerror="window.__pwned=5"><p>Second paragraph.</p></body></html>');
  await page.setInputFiles('#file-input', file);
  await page.waitForSelector('.doc.current .doc-name:text("page.html")');
  assert.equal(await page.evaluate(() => document.querySelector('#text-view').textContent), 'Visible words & more.\n\nSecond paragraph.');
  // A document name can be hostile too.
  await page.click('.doc.current button[title="Rename"]');
  await page.fill('input.rename', '<img src=y onerror="window.__pwned=6">');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.$$eval('.sidebar img', (e) => e.length), 0);
  assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(e)), []);
  await ctx.close();
});

test('custom labels: add, set key, tag, rename, delete with a choice for their spans', async () => {
  const { page, errors, ctx } = await freshPage();
  await paste(page, ARTICLE);
  await page.fill('input[aria-label="New label name"]', 'place');
  await page.click('button[aria-label="Add label"]');
  await page.waitForSelector('.label-row:has-text("place") kbd');
  const key = await page.textContent('.label-row:has-text("place") kbd');
  await page.fill('#search', 'Moscow');
  await page.waitForFunction(() => getSelection().toString() === 'Moscow');
  await page.keyboard.press('Escape');
  await page.keyboard.press(key);
  await page.waitForSelector('.seg[data-labels~="place"]');
  // Rename follows into the spans.
  await page.click('button[aria-label="Edit label place"]');
  await page.fill('.label-edit input[name=name]', 'location');
  await page.click('.label-edit button[type=submit]');
  await page.waitForSelector('.seg[data-labels~="location"]');
  // Delete, relabelling its spans as claim.
  await page.click('button[aria-label="Delete label location"]');
  await page.selectOption('.label-delete select', 'claim');
  await page.click('.label-delete button[type=submit]');
  await page.waitForFunction(() => !document.querySelector('.seg[data-labels~="location"]'));
  const spans = await page.$$eval('.span-row', (els) => els.map((e) => e.textContent));
  assert.ok(spans.some((t) => t.startsWith('claimMoscow')), 'the span was relabelled');
  // And undo brings the label back.
  await page.click('button[aria-label="Undo (Ctrl+Z)"]');
  await page.waitForSelector('.seg[data-labels~="location"]');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('documents: delete with undo, reorder with the keyboard-reachable buttons', async () => {
  const { page, errors, ctx } = await freshPage();
  await paste(page, corpusText('000_266354f2ac06ead1.txt'));
  await paste(page, corpusText('001_864a9569695b4111.txt'));
  const names = () => page.$$eval('.doc-name', (e) => e.map((x) => x.textContent));
  const [n0, n1] = await names();
  await page.click(`button[aria-label="Move ${n1} up"]`);
  assert.deepEqual(await names(), [n1, n0]);
  await page.click(`button[aria-label="Delete ${n1}"]`);
  assert.deepEqual(await names(), [n0]);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelectorAll('.doc-name').length === 2);
  await page.reload();
  await page.waitForSelector('.doc-name');
  assert.deepEqual(await names(), [n1, n0]);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('keyboard only: new document, review, select, tag, undo, export — and every control has an accessible name', async () => {
  const { page, errors, ctx } = await freshPage();
  // The empty page offers the text box; type an article and press Ctrl+Enter.
  await page.focus('#intake-text');
  const article = corpusText('004_88583a0961250598.txt');
  await page.keyboard.insertText(article);
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('#text-view .block');
  const unnamed = await page.evaluate(() => [...document.querySelectorAll('button, input, select, textarea, summary, [tabindex]')]
    .filter((e) => !(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || e.textContent.trim() || e.labels?.length))
    .map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(unnamed, []);
  // Tab reaches the text; Ctrl+Shift+arrows select words from the caret; a label key tags them.
  await page.focus('#search');
  for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.id === 'text-view')); i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text-view', 'Tab reaches the text');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  const words = await page.evaluate(() => getSelection().toString());
  assert.equal(words.match(/[\p{L}\p{N}]+/gu).length, 3, `three words: ${words}`);
  assert.ok(article.startsWith(words) && /[^\p{L}\p{N}]/u.test(article[words.length]), 'ends on a word edge');
  await page.keyboard.press('2');
  await page.waitForSelector('.seg[data-labels~="claim"]');
  assert.equal(await page.$eval('.span-row.current .span-text', (e) => e.textContent), words);
  // N / A / R review from the keyboard.
  await page.keyboard.press('n');
  const st = await inspectorStatus(page);
  assert.equal(st, 'suggested');
  await page.keyboard.press('a');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !document.querySelector('.span-row.accepted'));
  // The export menu opens from the keyboard.
  await page.focus('summary[aria-label="Export"]');
  await page.keyboard.press('Enter');
  await page.focus('button[aria-label="Export this document as sift-annotations JSON"]');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const out = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  assert.equal(out.documents[0].spans.filter((s) => s.origin === 'manual').length, 0, 'both edits undone');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('offsets are code points whatever the script: emoji, flags, CJK, combining marks, CRLF', async () => {
  const { page, errors, ctx } = await freshPage();
  const text = 'The 👨‍👩‍👧 family 🇺🇦 paid €1,200 in 東京 on Friday.\r\nCafe\u0301 owners said 30% more.\rEnd.';
  await paste(page, text);
  assert.equal(await page.evaluate(() => document.querySelector('#text-view').textContent), text);
  for (const [needle, key] of [['東京', '3'], ['Cafe\u0301 owners', '2'], ['€1,200', '3']]) {
    await page.fill('#search', needle);
    await page.waitForFunction((n) => getSelection().toString() === n, needle);
    await page.keyboard.press('Escape');
    await page.keyboard.press(key);
    await page.waitForFunction((n) => document.querySelector('.span-row.current .span-text')?.textContent === n, needle);
  }
  await page.click('summary[aria-label="Export"]');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[aria-label="Export this document as sift-annotations JSON"]')]);
  const doc = JSON.parse(readFileSync(await dl.path(), 'utf8')).documents[0];
  const cps = Array.from(text);
  for (const needle of ['東京', 'Cafe\u0301 owners', '€1,200']) {
    // A tag over a suggestion with the same edges accepts it; otherwise it makes a manual span.
    const s = doc.spans.find((x) => x.status === 'accepted' && x.text === needle);
    assert.ok(s, `accepted span over ${needle}`);
    assert.equal(cps.slice(s.start, s.end).join(''), needle, 'start/end count code points');
    assert.equal(text.slice(s.start_utf16, s.end_utf16), needle, 'UTF-16 offsets agree');
  }
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('drop files: text, markdown and a bad JSON file get a clear message', async () => {
  const { page, errors, ctx } = await freshPage();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['# Notes\n\nThe council approved 12 new homes, the mayor said.'], 'notes.md', { type: 'text/markdown' }));
    dt.items.add(new File(['{"format": "sift-annotations", "version": 1, "documents": [{"id": "a", "text": "abc", "spans": [{"start": 2, "end": 9, "label": "number"}]}]}'], 'bad.json', { type: 'application/json' }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForSelector('.doc-name:text("notes.md")');
  await page.waitForSelector('.notice[role=alert]');
  const msg = await page.textContent('.notice');
  assert.match(msg, /bad\.json: [\s\S]*2\.\.9/, msg);
  assert.equal(await page.$$eval('.doc', (e) => e.length), 1, 'the bad file added nothing');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a 1 MB paste keeps a small DOM; text far down can be found, tagged and exported with exact offsets', async () => {
  const { page, errors, ctx } = await freshPage();
  const text = ARTICLE.repeat(175) + '\n\nThe final tally was 987654 votes, officials said.\n';
  assert.ok(text.length > 1e6);
  await paste(page, text);
  const blocks = Number(await page.getAttribute('#text-view', 'data-blocks'));
  const live = await page.$$eval('#text-view .block.live', (e) => e.length);
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  assert.ok(blocks > 2000, `${blocks} blocks`);
  assert.ok(live < 100, `only blocks near the viewport are rendered (${live})`);
  assert.ok(elements < 8000, `small DOM (${elements} elements)`);
  // Search jumps to the end; the hit is selected and can be tagged.
  await page.fill('#search', '987654 votes');
  await page.waitForFunction(() => getSelection().toString() === '987654 votes', null, { timeout: 10000 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('3');
  await page.waitForFunction(() => [...document.querySelectorAll('.seg[data-labels~="number"]')].some((e) => e.textContent === '987654 votes'));
  // Scrolling back to the top renders the top again.
  await page.evaluate(() => { document.querySelector('#text-scroll').scrollTop = 0; });
  await page.waitForSelector('#text-view .block.live[data-i="0"]');
  await page.click('summary[aria-label="Export"]');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[aria-label="Export this document as sift-annotations JSON"]')]);
  const doc = JSON.parse(readFileSync(await dl.path(), 'utf8')).documents[0];
  const s = doc.spans.find((x) => x.origin === 'manual');
  const at = Array.from(text).length - Array.from('987654 votes, officials said.\n').length;
  assert.deepEqual([s.start, s.end, s.text], [at, at + 12, '987654 votes']);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('open annotations from other tools: doccano JSONL and a brat .txt/.ann pair', async () => {
  const { page, errors, ctx } = await freshPage();
  const interop = join(CORPUS, '../interop');
  await page.setInputFiles('#file-input', [
    join(interop, 'doccano/export_examples/sequence_labeling/example.jsonl'),
    join(interop, 'brat/dkpro-core/document0c.txt'),
    join(interop, 'brat/dkpro-core/document0c.ann'),
  ]);
  await page.waitForFunction(() => document.querySelectorAll('.doc').length >= 4);
  // The doccano spans are drawn with their labels, over exactly the text they name.
  await page.click('.doc >> nth=0 >> .doc-open');
  await page.waitForSelector('.seg[data-labels~="ORG"]');
  assert.match(await page.textContent('#text-view'), /^EU rejects German call/);
  assert.equal(await page.$eval('.seg[data-labels~="ORG"]', (e) => e.textContent), 'EU');
  assert.ok(await page.$('.label-row:has-text("PERSON")'), 'labels from the file are added');
  const brat = await page.$$eval('.doc-name', (e) => e.map((x) => x.textContent));
  assert.ok(brat.some((n) => /document0c/.test(n)), brat.join(', '));
  // What a format could not carry is said, not dropped silently.
  assert.match(await page.textContent('.notice'), /brat: .*dropped/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a long text is annotated in slices, and re-annotated the same way without losing a decision', async () => {
  const { page, errors, ctx } = await freshPage();
  const text = ARTICLE.repeat(35);
  assert.ok(text.length > 150000);
  await paste(page, text);
  await page.waitForFunction(() => !document.querySelector('.annotating'), null, { timeout: 60000 });
  const total = () => page.textContent('#spans-h').then((t) => Number(t.match(/\((\d+)\)/)[1]));
  const n = await total();
  await page.keyboard.press('n');
  await page.keyboard.press('r');
  await page.waitForFunction(() => document.querySelectorAll('.span-row.rejected').length === 1);
  await page.click('button[aria-label="Re-annotate this document"]');
  await page.waitForFunction((k) => !document.querySelector('.annotating') && document.querySelector('#spans-h').textContent.includes(`(${k})`), n, { timeout: 60000 });
  assert.equal(await total(), n);
  assert.equal(await page.$$eval('.span-row.rejected', (e) => e.length), 1);
  assert.ok(n > 1000, `${n} suggestions over 35 copies of the article`);
  assert.deepEqual(errors, []);
  await ctx.close();
});
