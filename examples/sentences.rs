//! Prints the sentences of a text file (or stdin), one per line, as `start..end<TAB>sentence` in code points.
//! Usage: `cargo run --example sentences -- FILE`.

use std::io::Read;

fn main() {
    let mut text = String::new();
    let res = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).map(|t| text = t),
        None => std::io::stdin().read_to_string(&mut text).map(|_| ()),
    };
    if let Err(e) = res {
        eprintln!("sentences: cannot read input: {e}");
        std::process::exit(1);
    }
    let model = sift::TextModel::new(&text);
    for r in &model.sentences {
        let c = model.to_chars(r.clone());
        println!("{}..{}\t{}", c.start, c.end, text[r.clone()].replace('\n', "⏎"));
    }
}
