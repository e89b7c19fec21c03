// The wasm module's JavaScript API (src/web/api.rs), loaded the way a script would: dist/pkg/sift.js + its wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROOT, CORPUS } from './harness.mjs';
import { join } from 'node:path';

const glue = await import(join(ROOT, 'dist/pkg/sift.js'));
glue.initSync({ module: readFileSync(join(ROOT, 'dist/pkg/sift_bg.wasm')) });

test('annotate gives spans whose UTF-16 offsets index JavaScript strings', () => {
  const text = '👨‍👩‍👧 🇺🇦 Kyiv said at least 133 people were killed on 22 March 2024.';
  const doc = glue.annotate(text, 'number,claim');
  const numbers = doc.spans.filter((s) => s.label === 'number');
  assert.ok(numbers.some((s) => s.text === 'at least 133'), JSON.stringify(numbers));
  for (const s of doc.spans) {
    assert.equal(text.slice(s.start_utf16, s.end_utf16), s.text);
    assert.equal([...text].slice(s.start, s.end).join(''), s.text);
    assert.ok(s.rule && s.why, 'every automatic span is explained');
  }
  assert.throws(() => glue.annotate(text, 'nums'), /unknown layer/);
});

test('annotate on a corpus article finds all three layers', () => {
  const text = readFileSync(join(CORPUS, '004_88583a0961250598.txt'), 'utf8');
  const labels = new Set(glue.annotate(text).spans.map((s) => s.label));
  // The claim layer also marks where each source is named.
  assert.deepEqual([...labels].sort(), ['boilerplate', 'claim', 'number', 'source']);
});

test('count_spans runs the same detectors without building JavaScript objects', () => {
  const text = readFileSync(join(CORPUS, '004_88583a0961250598.txt'), 'utf8');
  for (const layers of ['number', 'claim', 'boilerplate', undefined]) {
    const n = glue.annotate(text, layers).spans.length;
    assert.ok(n > 0, `${layers}: some spans`);
    assert.equal(glue.count_spans(text, layers), n, String(layers));
  }
  assert.throws(() => glue.count_spans(text, 'nums'), /unknown layer/);
});

test('annotate reads a page as HTML only where a DOMParser is: in Node it says so (html_parity.test.mjs runs it in a page)', () => {
  const html = '<nav><p>World news, analysis and opinion from our reporters across the globe, updated every hour.</p></nav>'
    + '<p>The Islamic State group claimed the attack that killed at least 133 people, officials said.</p>';
  assert.throws(() => glue.annotate(html, 'boilerplate', 'text/html'), /needs a browser's DOMParser/);
  // Without the media type the same string is plain text: annotated as written, tags and all.
  assert.ok(glue.annotate(html, 'boilerplate').text.startsWith('<nav>'));
});

test('convert reports what a lossy format drops and rejects junk with a message', () => {
  const text = 'Officials said 11 people were detained.';
  const sift = JSON.stringify({ format: 'sift-annotations', version: 1, documents: [{ id: 'a', name: 'a', text,
    spans: [{ start: 15, end: 17, label: 'number', attrs: { kind: 'cardinal', value: 11 } }] }] });
  const out = glue.convert('sift', 'doccano', sift);
  assert.equal(out.files.length, 1);
  assert.deepEqual(JSON.parse(out.files[0][1].trim()).label, [[15, 17, 'number']]);
  assert.ok(out.losses.length > 0, 'doccano cannot carry attrs: said so');
  assert.throws(() => glue.convert('sift', 'doccano', '\u0000\u0001 binary'), /sift/);
});
