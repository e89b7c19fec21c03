//! What the benchmarks share: the seed articles (tests/data/corpus), read in name order.

/// The text of every seed article, in file-name order.
pub fn seed_articles() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir("tests/data/corpus")
        .expect("tests/data/corpus beside the project")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}
