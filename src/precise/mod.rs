//! The precise check-worthiness tier (opt-in): a fine-tuned sentence encoder in place of the claim layer's
//! linear scorer, for users who want the better ranking and can spend the time (over 200 sentences a second on
//! one core instead of tens of thousands).
//!
//! The model is all-MiniLM-L6-v2 cut to three layers, fine-tuned on CT24 by `scripts/train_precise.py` and written
//! as one file (weights, tokenizer, calibration; `file` reads it); it is never downloaded and never compiled in.
//! `encoder` runs it on candle's tensors. Its scores are calibrated probabilities, so `checkworthiness` keeps its
//! meaning, and its threshold decides which unattributed sentences are claims; everything else in the claim layer
//! (exclusions, hedges, attribution) is unchanged.
//!
//! ```no_run
//! use sift::detect::{analyze_with, claims::SharedScorer, Options};
//! use std::sync::Arc;
//!
//! let model = sift::precise::Model::from_bytes(&std::fs::read("claims.sift-model")?)?;
//! let opts = Options { claims_scorer: Some(SharedScorer(Arc::new(model))), ..Default::default() };
//! let spans = analyze_with("Unemployment fell to 4.1 percent in March.", &opts);
//! assert!(spans.iter().any(|s| s.rule.as_deref().is_some_and(|r| r.ends_with("+minilm"))));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod encoder;
mod file;

use crate::detect::claims::Scorer;
use crate::{Error, ErrorKind};
use candle_core::{DType, Device, Tensor};
use encoder::Encoder;
use serde::Deserialize;
use std::collections::HashMap;
use tokenizers::Tokenizer;

/// Sentences per forward pass: long enough for the matrix products to run at speed, short enough that padding
/// to the longest (sentences are sorted by length first) wastes little.
const BATCH: usize = 32;

/// A loaded precise model. Scoring is thread-safe.
pub struct Model {
    encoder: Encoder,
    /// The logistic unit on the mean-pooled encoding: weight (1 × hidden) and bias.
    head: (Tensor, Tensor),
    tokenizer: Tokenizer,
    calibration: Calibration,
    info: Info,
}

/// What a model file says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Info {
    /// What the model is ("all-MiniLM-L6-v2 layers 1-3, fine-tuned on CT24 folds 1-4, int8").
    pub name: String,
    /// How it was measured, as the training script printed it.
    pub figures: String,
    /// The claim threshold on its calibrated score.
    pub threshold: f64,
    /// SHA-256 of its weights, hex: the same file gives the same hash.
    pub sha256: String,
}

#[derive(Deserialize)]
struct Calibration {
    a: f64,
    b: f64,
    threshold: f64,
}

/// The model file's `sift.config`: transformers' `BertConfig` and what sift adds to it.
#[derive(Deserialize)]
struct FileConfig {
    #[serde(flatten)]
    encoder: encoder::Config,
    max_tokens: usize,
    pooling: String,
}

/// A model file or run that fails, with what is wrong.
fn bad(msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::Model, msg)
}

fn candle(e: candle_core::Error) -> Error {
    bad(format!("the model does not run: {}", crate::formats::common::clip(&e.to_string())))
}

impl Model {
    /// Reads a model file (`scripts/train_precise.py` writes one). A file that is not one, is damaged (its data
    /// does not match the hash it carries) or does not fit the encoder gets an [`ErrorKind::Model`] error.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        let f = file::read(bytes)?;
        let config: FileConfig =
            serde_json::from_str(&f.config).map_err(|e| bad(format!("the model file's config does not read: {e}")))?;
        if config.pooling != "mean" {
            return Err(bad(format!("the model pools by {:?}; this sift pools by mean", config.pooling)));
        }
        let calibration: Calibration = serde_json::from_str(&f.calibration)
            .map_err(|e| bad(format!("the model file's calibration does not read: {e}")))?;
        let mut tokenizer: Tokenizer =
            f.tokenizer.parse().map_err(|e| bad(format!("the model file's tokenizer does not read: {e}")))?;
        tokenizer
            .with_truncation(Some(tokenizers::TruncationParams { max_length: config.max_tokens, ..Default::default() }))
            .map_err(|e| bad(format!("the model file's tokenizer: {e}")))?;
        tokenizer.with_padding(None);
        let device = Device::Cpu;
        let mut tensors = HashMap::new();
        for (name, (shape, data)) in f.tensors {
            tensors.insert(name, Tensor::from_vec(data, shape, &device).map_err(candle)?);
        }
        let head = (
            tensors.remove("head.weight").ok_or_else(|| bad("the model file has no head.weight"))?,
            tensors.remove("head.bias").ok_or_else(|| bad("the model file has no head.bias"))?,
        );
        let encoder = Encoder::load(&mut tensors, &config.encoder).map_err(bad)?;
        let info = Info { name: f.name, figures: f.figures, threshold: calibration.threshold, sha256: f.sha256 };
        let model = Model { encoder, head, tokenizer, calibration, info };
        // One sentence through the whole model: a head or a vocabulary that does not fit shows here, not later.
        model.logits(&["A test sentence."])?;
        Ok(model)
    }

    /// What the file says about the model.
    pub fn info(&self) -> &Info {
        &self.info
    }

    /// The model's logits (before calibration), one per sentence.
    pub fn logits(&self, sentences: &[&str]) -> Result<Vec<f64>, Error> {
        let mut ids = Vec::with_capacity(sentences.len());
        for s in sentences {
            let enc = self.tokenizer.encode(*s, true).map_err(|e| bad(format!("the tokenizer fails: {e}")))?;
            ids.push(enc.get_ids().to_vec());
        }
        // Similar lengths together: less padding.
        let mut order: Vec<usize> = (0..ids.len()).collect();
        order.sort_by_key(|&i| ids[i].len());
        let mut out = vec![0.0; ids.len()];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&[u32]> = chunk.iter().map(|&i| ids[i].as_slice()).collect();
            let z = self.forward(&batch)?;
            for (&i, z) in chunk.iter().zip(z) {
                out[i] = z;
            }
        }
        Ok(out)
    }

    /// One padded batch through the encoder, mean pooling over the real tokens, the head.
    fn forward(&self, batch: &[&[u32]]) -> Result<Vec<f64>, Error> {
        let rows = batch.len();
        let width = batch.iter().map(|s| s.len()).max().unwrap_or(0).max(1);
        let (mut ids, mut mask) = (vec![0u32; rows * width], vec![0u32; rows * width]);
        for (r, seq) in batch.iter().enumerate() {
            ids[r * width..r * width + seq.len()].copy_from_slice(seq);
            mask[r * width..r * width + seq.len()].fill(1);
        }
        let dev = &Device::Cpu;
        let ids = Tensor::from_vec(ids, (rows, width), dev).map_err(candle)?;
        let mask = Tensor::from_vec(mask, (rows, width), dev).map_err(candle)?;
        let run = || -> candle_core::Result<Vec<f64>> {
            let mask = mask.to_dtype(DType::F32)?;
            let pooled = encoder::mean_pool(&self.encoder.forward(&ids, &mask)?, &mask)?;
            let z = pooled.matmul(&self.head.0.t()?)?.broadcast_add(&self.head.1)?;
            Ok(z.flatten_all()?.to_vec1::<f32>()?.into_iter().map(f64::from).collect())
        };
        run().map_err(candle)
    }
}

/// Makes glibc's allocator keep freed memory for reuse (trim and mmap thresholds raised) instead of handing it
/// back to the kernel and faulting it in again: the model's large, short-lived tensors otherwise spent a fifth of
/// its time in page faults (one core: 182 sentences/s before, 227 after). Process-wide and it keeps the peak
/// resident, so it is the caller's choice: the CLI makes it when it loads a model. Nothing elsewhere than glibc.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator parameters; both are valid parameters with valid values.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 512 << 20);
    }
}

impl Scorer for Model {
    fn score(&self, sentences: &[&str]) -> Result<Vec<f64>, Error> {
        let Calibration { a, b, .. } = self.calibration;
        Ok(self.logits(sentences)?.into_iter().map(|z| 1.0 / (1.0 + (-(a * z + b)).exp())).collect())
    }

    fn threshold(&self) -> f64 {
        self.calibration.threshold
    }

    fn id(&self) -> &str {
        crate::detect::claims::PRECISE_ID
    }
}
