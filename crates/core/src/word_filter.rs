//! A quick, exact-on-rejection test of whether a word can be in a small vocabulary, for the
//! per-token tests of the annotators (number and time starts, quotation word classes): most
//! words of running text are in none of those vocabularies, and telling them so should cost
//! a few instructions, not a lowercase copy and a hash lookup.
//!
//! The key of a word is its length (capped), first and last byte with ASCII case folded. A
//! word whose key no vocabulary word has is certainly not in the vocabulary; a word whose key
//! one has still needs the exact lookup.

/// The set of keys of a vocabulary's words.
#[derive(Debug, Clone)]
pub struct WordFilter {
    bits: Box<[u64; WORDS]>,
}

/// 4 bits of length, 5 of first byte, 5 of last byte.
const KEY_BITS: u32 = 14;
const WORDS: usize = (1 << KEY_BITS) / 64;

impl WordFilter {
    /// The filter of a vocabulary of lowercase words.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> WordFilter {
        let mut bits = Box::new([0u64; WORDS]);
        for w in words {
            if let Some(k) = key(w.as_bytes()) {
                bits[k / 64] |= 1 << (k % 64);
            }
        }
        WordFilter { bits }
    }

    /// Whether `word` (in any ASCII case) may be in the vocabulary; `false` is certain.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        key(word.as_bytes()).is_some_and(|k| self.bits[k / 64] & (1 << (k % 64)) != 0)
    }
}

/// The key of a word: `None` for the empty word.
#[inline]
fn key(w: &[u8]) -> Option<usize> {
    let (&first, &last) = (w.first()?, w.last()?);
    // Folding with `| 0x20` maps ASCII capitals onto lowercase letters; other bytes fold
    // somewhere too, which only costs an exact lookup.
    let fold = |b: u8| usize::from((b | 0x20) & 31);
    Some((w.len().min(15) << 10) | (fold(first) << 5) | fold(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_rejects_a_vocabulary_word_in_any_case() {
        let filter = WordFilter::new(["march", "a", "twenty", "thousands"]);
        for w in ["march", "March", "MARCH", "a", "A", "Twenty", "THOUSANDS"] {
            assert!(filter.may_contain(w), "{w}");
        }
    }

    #[test]
    fn rejects_most_other_words() {
        let filter = WordFilter::new(["march", "a", "twenty"]);
        for w in ["said", "the", "of", "", "marcher"] {
            assert!(!filter.may_contain(w), "{w}");
        }
    }
}
