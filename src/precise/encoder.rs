//! The encoder: BERT as transformers' `BertModel` computes it (absolute positions, token type 0, post-norm
//! layers, exact GELU), on candle's tensors. Written out rather than taken from candle-transformers for speed:
//! the query, key and value projections are one matrix product, and GELU's erf is a rational approximation
//! (Eigen's and XLA's fast erf, within 1e-6 of `erff`; a test checks it against libm) instead of libm's `erff`,
//! which took 15 % of the time (perf, 2026-12-08).

use candle_core::{CpuStorage, CustomOp1, DType, Layout, Module, Result, Shape, Tensor};
use candle_nn::{Embedding, LayerNorm, Linear};
use serde::Deserialize;
use std::collections::HashMap;

/// What the encoder needs of transformers' `BertConfig` (the model file's `sift.config`).
#[derive(Debug, Deserialize)]
pub(super) struct Config {
    hidden_size: usize,
    num_hidden_layers: usize,
    num_attention_heads: usize,
    layer_norm_eps: f64,
    hidden_act: String,
}

/// One layer: self-attention, then the feed-forward block, each followed by a residual and a layer norm.
struct Layer {
    qkv: Linear,
    out: Linear,
    ln1: LayerNorm,
    up: Linear,
    down: Linear,
    ln2: LayerNorm,
}

pub(super) struct Encoder {
    words: Embedding,
    positions: Embedding,
    /// Token type 0's embedding (sentences are single segments).
    segment: Tensor,
    ln: LayerNorm,
    layers: Vec<Layer>,
    heads: usize,
    hidden: usize,
}

/// Takes the weight `name` out of `t`.
fn take(t: &mut HashMap<String, Tensor>, name: &str) -> std::result::Result<Tensor, String> {
    t.remove(name).ok_or_else(|| format!("the model file has no {name}"))
}

fn linear(t: &mut HashMap<String, Tensor>, name: &str) -> std::result::Result<Linear, String> {
    Ok(Linear::new(take(t, &format!("{name}.weight"))?, Some(take(t, &format!("{name}.bias"))?)))
}

fn norm(t: &mut HashMap<String, Tensor>, name: &str, eps: f64) -> std::result::Result<LayerNorm, String> {
    Ok(LayerNorm::new(take(t, &format!("{name}.weight"))?, take(t, &format!("{name}.bias"))?, eps))
}

impl Encoder {
    /// The encoder from the weights under `bert.` (transformers' names), taken out of `t`.
    pub(super) fn load(t: &mut HashMap<String, Tensor>, c: &Config) -> std::result::Result<Encoder, String> {
        if c.hidden_act != "gelu" {
            return Err(format!("the model uses {:?}; this sift runs \"gelu\"", c.hidden_act));
        }
        if c.num_attention_heads == 0 || c.hidden_size % c.num_attention_heads != 0 {
            return Err("the model's heads do not divide its hidden size".into());
        }
        let eps = c.layer_norm_eps;
        let e = "bert.embeddings";
        let words = take(t, &format!("{e}.word_embeddings.weight"))?;
        let positions = take(t, &format!("{e}.position_embeddings.weight"))?;
        let segment = take(t, &format!("{e}.token_type_embeddings.weight"))?.get(0).map_err(|e| e.to_string())?;
        let mut layers = Vec::new();
        for i in 0..c.num_hidden_layers {
            let l = format!("bert.encoder.layer.{i}");
            let part =
                |t: &mut HashMap<String, Tensor>, p: &str, w: &str| take(t, &format!("{l}.attention.self.{p}.{w}"));
            let (mut ws, mut bs) = (Vec::new(), Vec::new());
            for p in ["query", "key", "value"] {
                ws.push(part(t, p, "weight")?);
                bs.push(part(t, p, "bias")?);
            }
            let cat = |v: &[Tensor]| Tensor::cat(v, 0).map_err(|e| e.to_string());
            layers.push(Layer {
                qkv: Linear::new(cat(&ws)?, Some(cat(&bs)?)),
                out: linear(t, &format!("{l}.attention.output.dense"))?,
                ln1: norm(t, &format!("{l}.attention.output.LayerNorm"), eps)?,
                up: linear(t, &format!("{l}.intermediate.dense"))?,
                down: linear(t, &format!("{l}.output.dense"))?,
                ln2: norm(t, &format!("{l}.output.LayerNorm"), eps)?,
            });
        }
        Ok(Encoder {
            words: Embedding::new(words, c.hidden_size),
            positions: Embedding::new(positions, c.hidden_size),
            segment,
            ln: norm(t, &format!("{e}.LayerNorm"), eps)?,
            layers,
            heads: c.num_attention_heads,
            hidden: c.hidden_size,
        })
    }

    /// The last layer's states (batch × tokens × hidden) for token `ids` (batch × tokens) and `mask` (1 for a
    /// real token, 0 for padding; f32).
    pub(super) fn forward(&self, ids: &Tensor, mask: &Tensor) -> Result<Tensor> {
        let (b, t) = ids.dims2()?;
        let (h, nh) = (self.hidden, self.heads);
        let hd = h / nh;
        let at = Tensor::arange(0u32, t as u32, ids.device())?;
        let x = self.words.forward(ids)?.broadcast_add(&self.positions.forward(&at)?)?;
        let mut x = self.ln.forward(&x.broadcast_add(&self.segment)?)?;
        // Padding gets the smallest f32 added to its scores, as transformers does.
        let blocked = ((mask.ones_like()? - mask)? * f64::from(f32::MIN))?.reshape((b, 1, 1, t))?;
        let scale = 1.0 / (hd as f64).sqrt();
        for l in &self.layers {
            let qkv = l.qkv.forward(&x)?;
            let head = |k: usize| qkv.narrow(2, k * h, h)?.reshape((b, t, nh, hd))?.transpose(1, 2)?.contiguous();
            let (q, k, v) = (head(0)?, head(1)?, head(2)?);
            let scores = (q.matmul(&k.t()?)? * scale)?.broadcast_add(&blocked)?;
            let p = candle_nn::ops::softmax_last_dim(&scores)?;
            let ctx = p.matmul(&v)?.transpose(1, 2)?.reshape((b, t, h))?;
            x = l.ln1.forward(&(l.out.forward(&ctx)? + &x)?)?;
            let up = l.up.forward(&x)?.contiguous()?.apply_op1_no_bwd(&Gelu)?;
            x = l.ln2.forward(&(l.down.forward(&up)? + &x)?)?;
        }
        Ok(x)
    }
}

/// Mean of the states over the real tokens (`mask` as for [`Encoder::forward`]): batch × hidden.
pub(super) fn mean_pool(x: &Tensor, mask: &Tensor) -> Result<Tensor> {
    let m = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
    x.broadcast_mul(&m)?.sum(1)?.broadcast_div(&m.sum(1)?)
}

/// The exact GELU, x·Φ(x) = x·(1 + erf(x/√2))/2, with [`erf`].
struct Gelu;

impl CustomOp1 for Gelu {
    fn name(&self) -> &'static str {
        "gelu-erf"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> Result<(CpuStorage, Shape)> {
        let (CpuStorage::F32(v), Some((a, b))) = (s, l.contiguous_offsets()) else {
            candle_core::bail!("gelu: contiguous f32 only")
        };
        let out = v[a..b].iter().map(|&x| 0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))).collect();
        Ok((CpuStorage::F32(out), l.shape().clone()))
    }
}

/// erf in f32 by a rational function of odd degree 13 over even degree 8 on [-4, 4] (beyond, erf is ±1 to 1e-7):
/// Eigen's `generic_fast_erf_float`, also XLA's. No branches, no `exp`: the loop vectorizes (plain products:
/// `mul_add` is a library call on a target without FMA).
fn erf(x: f32) -> f32 {
    let x = x.clamp(-4.0, 4.0);
    let x2 = x * x;
    let mut p = -2.726_142_3e-10_f32;
    for c in [2.770_681_4e-8, -2.101_024e-6, -5.692_506_4e-5, -7.349_906_3e-4, -2.954_6e-3, -1.609_603_3e-2] {
        p = p * x2 + c;
    }
    let mut q = -1.456_607_2e-5_f32;
    for c in [-2.133_740_6e-4, -1.682_827e-3, -7.373_329e-3, -1.426_474e-2] {
        q = q * x2 + c;
    }
    x * p / q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_erf_is_libms_to_1e6() {
        let mut worst = 0.0f64;
        for i in -80_000..=80_000 {
            let x = i as f32 / 10_000.0;
            worst = worst.max((f64::from(erf(x)) - libm::erf(f64::from(x))).abs());
        }
        assert!(worst < 1e-6, "largest difference {worst:e}");
        assert_eq!(erf(0.0), 0.0);
        assert!((erf(9.0) - 1.0).abs() < 1e-6 && (erf(-9.0) + 1.0).abs() < 1e-6 && erf(f32::MAX) == erf(9.0));
    }
}
