//! The model file: a safetensors container written by `scripts/train_precise.py`. Matrices are int8 with one f32
//! scale per row (`NAME.q`, `NAME.scale`), everything else f32; the metadata holds the BERT config, the tokenizer,
//! the calibration and the SHA-256 of the tensor data, checked here so that a damaged file is refused rather than
//! scored with.

use super::bad;
use crate::formats::common::clip;
use crate::Error;
use safetensors::tensor::{Dtype, TensorView};
use safetensors::SafeTensors;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The `sift.format` a file must carry.
pub(super) const FORMAT: &str = "sift-claims-model 1";

/// A model file, read and checked, its weights as f32.
pub(super) struct ModelFile {
    /// The encoder's config: transformers' `BertConfig` as JSON, plus `max_tokens`.
    pub config: String,
    /// tokenizers' JSON.
    pub tokenizer: String,
    /// `{"a", "b", "threshold"}`: p = sigmoid(a·logit + b), and the claim threshold on p.
    pub calibration: String,
    /// What the model is and how well it did, for `--claims-model` to print.
    pub name: String,
    pub figures: String,
    /// The data's SHA-256, hex.
    pub sha256: String,
    /// Each weight by its name in the training framework, with its shape.
    pub tensors: HashMap<String, (Vec<usize>, Vec<f32>)>,
}

/// Reads a model file from its bytes.
pub(super) fn read(bytes: &[u8]) -> Result<ModelFile, Error> {
    const NOT: &str = "not a sift model file (expected the safetensors file scripts/train_precise.py writes)";
    let (header, meta) = SafeTensors::read_metadata(bytes).map_err(|_| {
        // A whole header that names our format, with too few bytes after it: a file cut short.
        let n = bytes.get(..8).map_or(usize::MAX, |b| u64::from_le_bytes(b.try_into().unwrap_or_default()) as usize);
        match bytes.get(8..8usize.saturating_add(n)) {
            Some(h) if h.windows(11).any(|w| w == b"sift.format") => bad("the model file is damaged or cut short"),
            _ => bad(NOT),
        }
    })?;
    let info = meta.metadata().as_ref().ok_or_else(|| bad(NOT))?;
    let field = |k: &str| info.get(k).cloned().ok_or_else(|| bad(format!("the model file has no {k:?} entry")));
    let format = field("sift.format").map_err(|_| bad(NOT))?;
    if format != FORMAT {
        return Err(bad(format!("the model file is {:?}; this sift reads {FORMAT:?}", clip(&format))));
    }
    let sha256 = field("sift.data_sha256")?;
    let data = bytes.get(8 + header..).unwrap_or_default();
    let got = hex(&Sha256::digest(data));
    if got != sha256 {
        return Err(bad("the model file is damaged: its data does not match its SHA-256 (copy it again)"));
    }
    let tensors = SafeTensors::deserialize(bytes).map_err(|e| bad(format!("the model file is damaged: {e}")))?;
    let mut views: HashMap<String, TensorView> = tensors.tensors().into_iter().collect();
    let mut out = HashMap::new();
    let names: Vec<String> = views.keys().cloned().collect();
    for name in names {
        let Some(base) = name.strip_suffix(".q") else { continue };
        let (Some(q), Some(scale)) = (views.remove(&name), views.remove(&format!("{base}.scale"))) else {
            return Err(bad(format!("the model file's {base:?} has no scale")));
        };
        out.insert(base.to_string(), dequantize(base, &q, &scale)?);
    }
    for (name, v) in views {
        if name.ends_with(".scale") {
            return Err(bad(format!("the model file's {name:?} scales no matrix")));
        }
        out.insert(name.clone(), (v.shape().to_vec(), floats(&name, &v)?));
    }
    Ok(ModelFile {
        config: field("sift.config")?,
        tokenizer: field("sift.tokenizer")?,
        calibration: field("sift.calibration")?,
        name: field("sift.name")?,
        figures: info.get("sift.figures").cloned().unwrap_or_default(),
        sha256,
        tensors: out,
    })
}

/// An int8 matrix times its per-row scales.
fn dequantize(name: &str, q: &TensorView, scale: &TensorView) -> Result<(Vec<usize>, Vec<f32>), Error> {
    let &[rows, cols] = q.shape() else {
        return Err(bad(format!("the model file's {name:?} is not a matrix")));
    };
    if q.dtype() != Dtype::I8 || scale.shape() != [rows] {
        return Err(bad(format!("the model file's {name:?} is not int8 rows with one scale each")));
    }
    let scales = floats(name, scale)?;
    let w = q
        .data()
        .chunks(cols.max(1))
        .zip(&scales)
        .flat_map(|(row, &s)| row.iter().map(move |&b| f32::from(b as i8) * s));
    Ok((vec![rows, cols], w.collect()))
}

fn floats(name: &str, v: &TensorView) -> Result<Vec<f32>, Error> {
    if v.dtype() != Dtype::F32 {
        return Err(bad(format!("the model file's {name:?} is {:?}, not f32", v.dtype())));
    }
    Ok(v.data().chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
