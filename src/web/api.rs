//! The JavaScript API of the wasm module, for pages and scripts that want the core without the app:
//! `import init, { annotate, convert } from './sift.js'`. Values cross the boundary through serde-wasm-bindgen;
//! offsets come out in both code points (`start`, `end`) and UTF-16 (`start_utf16`, `end_utf16`), the unit
//! JavaScript strings index by.

use crate::formats::{self, Format};
use crate::Layers;
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// Annotates `text` with the comma-separated `layers` (all when absent) and returns
/// `{id, text, spans: [{start, end, start_utf16, end_utf16, label, text, rule, why, attrs, …}]}`. `media` is
/// the input's media type: `text/plain` when absent; with `text/html` the input is a page, annotated as its
/// visible text with its markup informing the boilerplate layer (the returned `text` is that visible text), which
/// needs a browser page: the browser's `DOMParser` parses it, and a host without one (Node) gets an error.
#[wasm_bindgen]
pub fn annotate(text: &str, layers: Option<String>, media: Option<String>) -> Result<JsValue, JsError> {
    let layers = match layers {
        Some(l) => Layers::parse(&l).map_err(|e| JsError::new(&e.to_string()))?,
        None => Layers::ALL,
    };
    let media = media.as_deref().unwrap_or("text/plain");
    // HTML is parsed by the browser's DOMParser: a host without one (Node, a worker) is told so rather than given
    // an empty page.
    if crate::input::kind_of("", Some(media), text) == crate::input::Kind::Html
        && !crate::input::html_parser_available()
    {
        return Err(JsError::new("reading HTML needs a browser's DOMParser, which this host lacks (Node, a worker)"));
    }
    let source = crate::input::read("", Some(media), text);
    let doc = source.annotate("doc", "doc", layers);
    to_js(&formats::sift::document_json(&doc))
}

/// Runs the detectors of the comma-separated `layers` (all when absent) over plain `text` and returns how many
/// spans they found, building no JavaScript objects: the core's own speed in the browser, for benchmarks.
#[wasm_bindgen]
pub fn count_spans(text: &str, layers: Option<String>) -> Result<usize, JsError> {
    let layers = match layers {
        Some(l) => Layers::parse(&l).map_err(|e| JsError::new(&e.to_string()))?,
        None => Layers::ALL,
    };
    Ok(crate::analyze(text, layers).len())
}

/// Converts annotations from one format to another (names as in `sift convert`); returns
/// `{files: [[name, content]…], losses: […], repairs: […]}` or throws with a message saying what and where.
#[wasm_bindgen]
pub fn convert(from: &str, to: &str, input: &str) -> Result<JsValue, JsError> {
    let err = |e: crate::Error| JsError::new(&e.to_string());
    let import = formats::read(Format::from_name(from).map_err(err)?, input).map_err(err)?;
    let export = formats::write(Format::from_name(to).map_err(err)?, &import.documents, &import.labels);
    #[derive(Serialize)]
    struct Out<'a> {
        files: &'a [(String, String)],
        losses: Vec<String>,
        repairs: &'a [String],
    }
    let losses: Vec<String> = import.losses.iter().chain(&export.losses).cloned().collect();
    to_js(&Out { files: &export.files, losses, repairs: &import.repairs })
}

/// The precise check-worthiness model (the second bundle's, built with the `precise` feature): load a model file
/// once, then score sentences with it, in a worker so the page stays responsive.
#[cfg(feature = "precise")]
#[wasm_bindgen]
pub struct PreciseModel(crate::precise::Model);

#[cfg(feature = "precise")]
#[wasm_bindgen]
impl PreciseModel {
    /// Reads a model file's bytes (`scripts/train_precise.sh` writes one); a file that is not one, or is
    /// damaged, is refused with a message.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8]) -> Result<PreciseModel, JsError> {
        crate::precise::Model::from_bytes(bytes).map(PreciseModel).map_err(|e| JsError::new(&e.to_string()))
    }

    /// `{name, figures, threshold, sha256}` of the model.
    pub fn info(&self) -> Result<JsValue, JsError> {
        let i = self.0.info();
        to_js(&serde_json::json!({"name": i.name, "figures": i.figures, "threshold": i.threshold, "sha256": i.sha256}))
    }

    /// One calibrated check-worthiness probability per sentence.
    pub fn score(&self, sentences: Vec<String>) -> Result<Vec<f64>, JsError> {
        use crate::detect::claims::Scorer;
        let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
        self.0.score(&refs).map_err(|e| JsError::new(&e.to_string()))
    }
}
