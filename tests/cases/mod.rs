//! Table-driven cases from `.tsv` files: one case a line, columns split by tabs, blank lines and `#` comments
//! skipped, files read in name order. Shared by the number and attribution case tests.

/// One line of a case file: where it is (`path:line`) and its columns, `\n` in them read as a line break.
pub struct Case {
    pub at: String,
    pub cols: Vec<String>,
}

/// Every case in the `.tsv` files of `dir`.
pub fn read(dir: &str) -> Vec<Case> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let body = std::fs::read_to_string(&p).unwrap();
        for (n, line) in body.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols = line.split('\t').map(|c| c.replace("\\n", "\n")).collect();
            out.push(Case { at: format!("{}:{}", p.display(), n + 1), cols });
        }
    }
    out
}
