//! `annotate --claims-model FILE`: the precise check-worthiness tier (`sift::precise`). Without the flag, a
//! `claims.sift-model` beside the binary is used when there is one, so a deployment ships the two files together.

use sift::detect::claims::SharedScorer;
use std::path::{Path, PathBuf};

/// The file name looked for beside the binary.
const BESIDE: &str = "claims.sift-model";

/// The model to score claims with, if any. A file given with the flag must load (a clear error otherwise, and
/// nothing is annotated); one found beside the binary that does not load is skipped with a warning, and the
/// built-in scorer is used.
pub fn find(flag: Option<&Path>, warn: impl Fn(std::fmt::Arguments)) -> Result<Option<SharedScorer>, String> {
    let (path, explicit) = match flag {
        Some(p) => (p.to_path_buf(), true),
        None => match beside() {
            Some(p) => (p, false),
            None => return Ok(None),
        },
    };
    match load(&path) {
        Ok((scorer, about)) => {
            warn(format_args!("claims scored by {about}"));
            Ok(Some(scorer))
        }
        Err(e) if explicit => Err(format!("--claims-model {}: {e}", path.display())),
        Err(e) => {
            warn(format_args!("{}: {e}; claims are scored by the built-in model", path.display()));
            Ok(None)
        }
    }
}

fn beside() -> Option<PathBuf> {
    let p = std::env::current_exe().ok()?.parent()?.join(BESIDE);
    p.is_file().then_some(p)
}

#[cfg(feature = "precise")]
fn load(path: &Path) -> Result<(SharedScorer, String), String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let model = sift::precise::Model::from_bytes(&bytes).map_err(|e| e.to_string())?;
    sift::precise::keep_freed_memory();
    let i = model.info();
    let about = format!("{} (sha256 {}…, threshold {})", i.name, i.sha256.get(..12).unwrap_or(""), i.threshold);
    Ok((SharedScorer(std::sync::Arc::new(model)), about))
}

#[cfg(not(feature = "precise"))]
fn load(_: &Path) -> Result<(SharedScorer, String), String> {
    Err("this sift was built without the precise tier (cargo feature \"precise\")".into())
}
