//! A small polarity lexicon of evaluative words, written for Parallax.
//!
//! It lists words that judge an actor — "reckless", "dictator", "brave", "statesman" — and
//! deliberately leaves out the vocabulary of the events themselves ("killed", "war", "shelling",
//! "wounded"), which every report of a conflict uses whatever its stance toward the actors.
//! The lists are commented data files in `crates/voice/lexicon/` (`polar-negative.txt`,
//! `polar-positive.txt`, `negators.txt`); inflections are listed explicitly so that lookups
//! are exact. Each word is −1 or +1; the tone annotator ([`crate::tone`]) sums them over the
//! author's words.

/// Words that cast an actor in a bad light (a commented word list).
pub(crate) const NEGATIVE: &str = include_str!("../lexicon/polar-negative.txt");

/// Words that cast an actor in a good light (a commented word list).
pub(crate) const POSITIVE: &str = include_str!("../lexicon/polar-positive.txt");

/// Words that reverse the polarity of the words after them, besides any ending in "n't"
/// (a commented word list).
pub(crate) const NEGATORS: &str = include_str!("../lexicon/negators.txt");

/// The polarity of a lowercased word: −1, 0 or +1.
pub fn polarity(lower: &str) -> i8 {
    crate::vocab::lookup(lower).polarity()
}

/// Whether a lowercased word reverses the polarity of the words after it.
pub fn is_negator(lower: &str) -> bool {
    crate::vocab::lookup(lower).is_negator() || lower.ends_with("n't")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wordlist::words;

    #[test]
    fn lists_are_sorted_and_disjoint() {
        let negative: Vec<&str> = words(NEGATIVE).collect();
        let positive: Vec<&str> = words(POSITIVE).collect();
        assert!(negative.len() > 100 && positive.len() > 50);
        assert!(negative.windows(2).all(|w| w[0] < w[1]));
        assert!(positive.windows(2).all(|w| w[0] < w[1]));
        assert!(negative.iter().all(|w| positive.binary_search(w).is_err()));
        assert!(words(NEGATORS).any(|w| w == "never"));
    }

    #[test]
    fn lookups() {
        assert_eq!(polarity("reckless"), -1);
        assert_eq!(polarity("statesman"), 1);
        assert_eq!(polarity("killed"), 0);
        assert!(is_negator("isn't"));
        assert!(is_negator("never"));
        assert!(!is_negator("note"));
    }
}
