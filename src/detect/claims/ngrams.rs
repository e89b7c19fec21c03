//! Hashed n-grams of a sentence for the check-worthiness model: lowercase word unigrams and bigrams, and character
//! 2- to 5-grams inside each word padded with spaces (what scikit-learn calls `char_wb`), each hashed into
//! [`BUCKETS`] buckets. Digits all read as `0`, so "$4.5 billion" and "$7.2 billion" share their n-grams: the
//! model learns "a figure in billions", not the figure.
//!
//! Each block is a set of distinct buckets, weighted `1/√n` (a binary bag of n-grams, L2-normalised), so a long
//! sentence does not score higher for its length alone. `scripts/train_claims.py` fits one weight per bucket on
//! exactly these sets (the `ct24` example writes them), so training and inference cannot drift apart.

use super::attribution::Parsed;
use super::words::at;
use std::cell::RefCell;

/// Bits of the hash space: 2^17 buckets, one `i8` weight each (128 KiB compiled in).
pub(crate) const BITS: u32 = 17;
/// Number of buckets.
pub(crate) const BUCKETS: usize = 1 << BITS;

/// The distinct word and character n-gram buckets of a sentence, each in the order first seen.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Grams {
    pub words: Vec<u32>,
    pub chars: Vec<u32>,
}

/// The n-gram buckets of the sentence's words.
pub(crate) fn grams(p: &Parsed) -> Grams {
    let words: Vec<String> = p.toks.iter().filter(|t| t.word).map(|t| normalize(at(p.s, &t.r))).collect();
    let mut g = Grams::default();
    // One padded word and its character offsets at a time, in buffers reused across the words.
    let (mut padded, mut bounds) = (String::new(), Vec::new());
    for (i, w) in words.iter().enumerate() {
        g.words.push(bucket(b'w', w.as_bytes(), b""));
        if let Some(next) = words.get(i + 1) {
            g.words.push(bucket(b'b', w.as_bytes(), next.as_bytes()));
        }
        char_grams(w, &mut padded, &mut bounds, &mut g.chars);
    }
    SEEN.with_borrow_mut(|seen| {
        for v in [&mut g.words, &mut g.chars] {
            distinct(v, seen);
        }
    });
    g
}

thread_local! {
    /// One bit per bucket, all clear between calls: deduplicating with it is linear, where sorting the few
    /// hundred buckets of a sentence was a fifth of the claim layer's time.
    static SEEN: RefCell<Vec<u64>> = RefCell::new(vec![0; BUCKETS / 64]);
}

/// Keeps the first occurrence of each bucket, in order; `seen` is all clear before and after.
fn distinct(v: &mut Vec<u32>, seen: &mut [u64]) {
    v.retain(|&b| {
        let (word, bit) = (b as usize / 64, 1u64 << (b % 64));
        let new = seen[word] & bit == 0;
        seen[word] |= bit;
        new
    });
    for &b in v.iter() {
        seen[b as usize / 64] = 0;
    }
}

/// The unigram bucket of one word as written.
pub(crate) fn word_bucket(w: &str) -> u32 {
    bucket(b'w', normalize(w).as_bytes(), b"")
}

/// Lowercase, digits as `0`, the typographic apostrophe as `'`.
fn normalize(w: &str) -> String {
    w.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' => '\'',
            c if c.is_ascii_digit() => '0',
            c => c,
        })
        .collect()
}

/// Character 2- to 5-grams of ` word ` (no n-gram longer than the padded word); `padded` and `bounds` are
/// scratch buffers.
fn char_grams(w: &str, padded: &mut String, bounds: &mut Vec<usize>, out: &mut Vec<u32>) {
    padded.clear();
    padded.push(' ');
    padded.push_str(w);
    padded.push(' ');
    // Byte offsets of the characters, and the end.
    bounds.clear();
    bounds.extend(padded.char_indices().map(|(i, _)| i).chain([padded.len()]));
    let chars = bounds.len() - 1;
    let bytes = padded.as_bytes();
    for n in 2..=5 {
        if chars < n {
            break;
        }
        for k in 0..=chars - n {
            out.push(bucket(b'c', bytes.get(bounds[k]..bounds[k + n]).unwrap_or_default(), b""));
        }
    }
}

/// FNV-1a over a block tag and the bytes (a bigram's two words with a space between), folded to [`BITS`].
fn bucket(tag: u8, a: &[u8], b: &[u8]) -> u32 {
    let gap: &[u8] = if b.is_empty() { b"" } else { b" " };
    let h = crate::text::fnv1a(
        [tag].into_iter().chain(a.iter().copied()).chain(gap.iter().copied()).chain(b.iter().copied()),
    );
    ((h ^ (h >> 32)) as u32) & (BUCKETS as u32 - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_share_their_grams_and_case_does_not_matter() {
        let a = grams(&Parsed::new("The deficit rose to $4.5 billion."));
        let b = grams(&Parsed::new("THE DEFICIT ROSE TO $7.2 BILLION."));
        assert_eq!(a, b);
        let c = grams(&Parsed::new("The deficit fell to $4.5 billion."));
        assert_ne!(a.words, c.words);
    }

    #[test]
    fn every_word_and_adjacent_pair_and_padded_char_gram_is_counted_once() {
        // "ab ab": unigram "ab", bigram "ab ab"; chars of " ab ": " a","ab","b " / " ab","ab " / " ab ".
        let g = grams(&Parsed::new("ab ab"));
        assert_eq!(g.words.len(), 2);
        assert_eq!(g.chars.len(), 6);
        assert!(g.words.iter().chain(&g.chars).all(|&b| (b as usize) < BUCKETS));
        // A naive count over the same definition: distinct strings, before hashing.
        let s = "Kremlin’s 2 ministers said ünïcödé";
        let words: Vec<String> =
            Parsed::new(s).toks.iter().filter(|t| t.word).map(|t| normalize(at(s, &t.r))).collect();
        let mut naive = std::collections::BTreeSet::new();
        for w in &words {
            let cs: Vec<char> = format!(" {w} ").chars().collect();
            for n in 2..=5 {
                for win in cs.windows(n) {
                    naive.insert(win.iter().collect::<String>());
                }
            }
        }
        let got = grams(&Parsed::new(s)).chars.len();
        // Hash collisions can only merge buckets, and 2^17 buckets make one unlikely among a few dozen.
        assert_eq!(got, naive.len());
    }
}
