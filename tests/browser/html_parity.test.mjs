// The two HTML parsers give the same result: a page read natively (html5ever, `sift annotate --jsonl` with an
// `html` field) and in the browser (the wasm `annotate(html, 'boilerplate', 'text/html')`, which parses with
// DOMParser) must give the same visible text and the same boilerplate spans, rule and why included (they carry the
// line facts). Pages: the hand-written tests/data/html/*.html, and every ../shared/bench/aeb-html/*.html.gz when
// that folder exists. The wasm runs in a Chromium page served from 127.0.0.1, which also shows that parsing fetches
// nothing. Needs dist/pkg (scripts/build.sh) and target/{release,debug}/sift (the newer is used).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { launch, ROOT } from './harness.mjs';

const FIXTURES = join(ROOT, 'tests/data/html');
const AEB = join(ROOT, '../shared/bench/aeb-html');

function siftBinary() {
  const found = ['release', 'debug'].map((p) => join(ROOT, 'target', p, 'sift')).filter((p) => existsSync(p));
  if (!found.length) throw new Error('target/release/sift or target/debug/sift is missing: run cargo build first');
  return found.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

function pages() {
  const out = readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).sort()
    .map((f) => [`html/${f}`, readFileSync(join(FIXTURES, f), 'utf8')]);
  if (existsSync(AEB)) {
    for (const f of readdirSync(AEB).filter((f) => f.endsWith('.html.gz')).sort()) {
      out.push([`aeb-html/${f}`, gunzipSync(readFileSync(join(AEB, f))).toString('utf8')]);
    }
  }
  return out;
}

const pick = (doc) => ({
  text: doc.text,
  spans: doc.spans.map(({ start, end, label, rule, why }) => ({ start, end, label, rule, why })),
});

/** Every page through the native CLI, as one JSONL stream. A leading byte-order mark is dropped first, as the wasm
 * API (like any file read) drops it; JSONL records take their `html` as given. */
function native(all) {
  const input = all.map(([id, html]) => JSON.stringify({ id, html: html.replace(/^\uFEFF/, '') })).join('\n') + '\n';
  const r = spawnSync(siftBinary(), ['annotate', '--jsonl', '--layers', 'boilerplate'], {
    input, maxBuffer: 1 << 30, encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const docs = new Map();
  for (const line of r.stdout.split('\n').filter(Boolean)) {
    const doc = JSON.parse(line);
    docs.set(doc.id, pick(doc));
  }
  return docs;
}

const env = {};
before(async () => {
  const files = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>sift html parity</title>'],
    '/sift.js': ['text/javascript', readFileSync(join(ROOT, 'dist/pkg/sift.js'))],
    '/sift_bg.wasm': ['application/wasm', readFileSync(join(ROOT, 'dist/pkg/sift_bg.wasm'))],
  };
  env.served = [];
  env.server = createServer((req, res) => {
    env.served.push(req.url);
    const f = files[req.url];
    res.writeHead(f ? 200 : 404, f ? { 'content-type': f[0] } : {});
    res.end(f ? f[1] : '');
  });
  await new Promise((ok) => env.server.listen(0, '127.0.0.1', ok));
  env.browser = await launch();
  env.page = await env.browser.newPage();
  env.requests = [];
  env.errors = [];
  env.page.on('request', (r) => env.requests.push(r.url()));
  env.page.on('pageerror', (e) => env.errors.push(String(e)));
  await env.page.goto(`http://127.0.0.1:${env.server.address().port}/`);
  await env.page.evaluate(async () => {
    const sift = await import('/sift.js');
    await sift.default({ module_or_path: '/sift_bg.wasm' });
    window.sift = sift;
  });
});
after(async () => {
  await env.browser?.close();
  await new Promise((ok) => env.server?.close(ok));
});

/** One page through the wasm module in the browser page. */
async function wasm(html) {
  const doc = await env.page.evaluate((h) => window.sift.annotate(h, 'boilerplate', 'text/html'), html);
  return pick(doc);
}

test('the browser parser gives the native text and boilerplate spans on every page', async () => {
  const all = pages();
  const want = native(all);
  const differ = [];
  for (const [id, html] of all) {
    const got = await wasm(html);
    const exp = want.get(id);
    assert.ok(exp, `${id}: no native output`);
    if (got.text !== exp.text) {
      const at = [...got.text].findIndex((c, i) => c !== [...exp.text][i]);
      differ.push(`${id}: text differs at code point ${at}: wasm ${JSON.stringify([...got.text].slice(at, at + 60).join(''))}, native ${JSON.stringify([...exp.text].slice(at, at + 60).join(''))}`);
    } else {
      try {
        assert.deepEqual(got.spans, exp.spans);
      } catch {
        const gs = new Set(got.spans.map((s) => JSON.stringify(s)));
        const es = new Set(exp.spans.map((s) => JSON.stringify(s)));
        const only = (a, b) => [...a].filter((s) => !b.has(s)).slice(0, 3).join('; ');
        differ.push(`${id}: spans differ: wasm only ${only(gs, es)} | native only ${only(es, gs)}`);
      }
    }
  }
  const aeb = all.filter(([id]) => id.startsWith('aeb-html/')).length;
  console.log(`compared ${all.length} pages (${all.length - aeb} fixtures, ${aeb} aeb-html): ${differ.length} differ`);
  assert.deepEqual(differ, [], differ.join('\n'));
  assert.ok(all.length >= 5);
});

test('the fixtures say what they should: chrome marked, hidden and inert content gone, deep text kept', async () => {
  const read = (f) => readFileSync(join(FIXTURES, f), 'utf8');
  const landmarks = await wasm(read('landmarks.html'));
  const rules = new Set(landmarks.spans.map((s) => s.rule));
  assert.ok(rules.has('boilerplate.chrome'), [...rules].join(', '));
  assert.ok(landmarks.text.includes('Gunmen opened fire') && landmarks.text.includes('The Crocus City Hall after'));
  const hidden = await wasm(read('hidden.html'));
  assert.ok(!/hidden with|inline style|visibility\.|assistive|new window/.test(hidden.text), hidden.text);
  assert.ok(hidden.text.includes('AT&T <3 été — €12 © ¬anentity; & <b>not a tag</b>'), hidden.text); // &not needs no ';'
  assert.ok(hidden.text.includes('  indented   code\n'), 'pre keeps its spaces and lines');
  const inert = await wasm(read('inert.html'));
  assert.ok(!/enable JavaScript|JavaScript enabled|Template|Written by|fallback|not markup|Unclosed noscript/.test(inert.text), inert.text);
  assert.ok(inert.text.includes('Authorities opened shelters'), inert.text);
  const deep = await wasm(read('deep.html'));
  assert.ok(deep.text.includes('level 599 the deepest text') && deep.text.includes('After the deep part'), 'text kept');
});

test('annotate reads a page as HTML when told so: its visible text, the markup marking chrome', async () => {
  const html = '<nav><p>World news, analysis and opinion from our reporters across the globe, updated every hour.</p></nav>'
    + '<p>The Islamic State group claimed the attack that killed at least 133 people, officials said.</p>';
  const page = await env.page.evaluate((h) => window.sift.annotate(h, 'boilerplate', 'text/html'), html);
  assert.ok(page.text.startsWith('World news') && !page.text.includes('<'), page.text);
  const chrome = page.spans.filter((s) => s.label === 'boilerplate');
  assert.deepEqual(chrome.map((s) => s.rule), ['boilerplate.chrome']);
  // Without the media type the same string is plain text: annotated as written, tags and all.
  assert.ok((await env.page.evaluate((h) => window.sift.annotate(h, 'boilerplate').text, html)).startsWith('<nav>'));
});

test('parsing a page runs none of its scripts and fetches nothing', async () => {
  const before = env.requests.length;
  await wasm(readFileSync(join(FIXTURES, 'inert.html'), 'utf8'));
  const title = await env.page.title();
  await new Promise((ok) => setTimeout(ok, 300));
  assert.deepEqual(env.requests.slice(before), []);
  assert.deepEqual(env.served.filter((u) => u.startsWith('/fetched')), []);
  assert.equal(title, 'sift html parity', 'no script of the page ran');
  assert.deepEqual(env.errors, []);
});
