// The precise model's worker (dist/sift-precise.html only; src/web/precise.rs says what the messages are).
// scripts/bundle.mjs puts the wasm-bindgen glue (initSync, PreciseModel) before this code, and the page sends
// its own compiled module first, so the worker runs the same wasm without fetching anything.
let model = null;
const STEP = 16; // sentences per progress message

onmessage = (e) => {
  const m = e.data;
  try {
    if (m.type === 'init') {
      initSync({ module: m.module });
    } else if (m.type === 'load') {
      const next = new PreciseModel(m.bytes);
      model?.free();
      model = next;
      postMessage({ type: 'ready', ...model.info() });
    } else if (m.type === 'score') {
      if (!model) throw new Error('no precise model is loaded');
      const scores = [];
      for (let i = 0; i < m.sentences.length; i += STEP) {
        scores.push(...model.score(m.sentences.slice(i, i + STEP)));
        postMessage({ type: 'progress', done: scores.length, total: m.sentences.length });
      }
      postMessage({ type: 'scores', doc: m.doc, sentences: m.sentences, scores });
    }
  } catch (err) {
    postMessage({ type: 'error', message: String((err && err.message) || err) });
  }
};
