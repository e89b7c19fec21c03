//! Counts for people: what the bars of the document list say when hovered or read aloud.

use crate::annotation::{BOILERPLATE, CLAIM, NUMBER};

/// One label's count in words: "1 claim", "12 claims", "3 boilerplate", "2 spans labelled person".
pub fn count_words(label: &str, n: usize) -> String {
    let one = n == 1;
    match label {
        CLAIM => format!("{n} {}", if one { "claim" } else { "claims" }),
        NUMBER => format!("{n} {}", if one { "number" } else { "numbers" }),
        BOILERPLATE => format!("{n} boilerplate"),
        other => format!("{n} {} labelled {other}", if one { "span" } else { "spans" }),
    }
}

/// Every count of a document in words, in the order given: "12 claims, 40 numbers, 3 boilerplate", or "no spans".
pub fn counts_summary(counts: &[(String, usize)]) -> String {
    if counts.is_empty() {
        return "no spans".into();
    }
    counts.iter().map(|(l, n)| count_words(l, *n)).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_layers_read_as_words_and_custom_labels_are_named() {
        let c = vec![(CLAIM.to_string(), 12), (NUMBER.to_string(), 1), (BOILERPLATE.to_string(), 3)];
        assert_eq!(counts_summary(&c), "12 claims, 1 number, 3 boilerplate");
        assert_eq!(count_words("person", 1), "1 span labelled person");
        assert_eq!(count_words("person", 2), "2 spans labelled person");
        assert_eq!(count_words(CLAIM, 1), "1 claim");
        assert_eq!(counts_summary(&[]), "no spans");
    }
}
