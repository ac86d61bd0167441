//! Hashed sparse features of a sentence: word uni- and bigrams, character 3–5-grams and the
//! lexicon's cue classes.
//!
//! Feature names are hashed into `2^bits` slots so the model needs no vocabulary. Each group
//! is L2-normalized on its own and scaled by its weight in [`FeatureConfig`], so a long
//! sentence does not outvote a short one and the groups' scales are set by the config rather
//! than by how many features each group happens to produce.

use crate::lexicon::{self, Cue};

/// How sentences become feature vectors; stored in the model so prediction matches training.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FeatureConfig {
    /// The model has `2^bits` weights.
    pub bits: u8,
    pub word_weight: f32,
    pub char_weight: f32,
    pub lexicon_weight: f32,
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            bits: 18,
            word_weight: 1.0,
            char_weight: 1.0,
            lexicon_weight: 0.5,
        }
    }
}

/// Character n-gram lengths.
const CHAR_NGRAMS: std::ops::RangeInclusive<usize> = 3..=5;

/// A sparse feature vector: (slot, value) pairs sorted by slot, each slot once.
pub type Sparse = Vec<(u32, f32)>;

/// The feature vector of a tokenized sentence.
pub fn extract(tokens: &[String], config: &FeatureConfig) -> Sparse {
    let mask = (1u64 << config.bits.min(31)) - 1;
    let slot = |group: u8, parts: &[&str]| (hash(group, parts) & mask) as u32;

    let mut words: Vec<u32> = Vec::with_capacity(tokens.len() * 2 + 1);
    let mut previous = "<s>";
    for token in tokens {
        words.push(slot(b'w', &[token]));
        words.push(slot(b'b', &[previous, token]));
        previous = token;
    }
    words.push(slot(b'b', &[previous, "</s>"]));

    let mut chars: Vec<u32> = Vec::new();
    let joined: Vec<char> = std::iter::once(' ')
        .chain(
            tokens
                .iter()
                .flat_map(|t| t.chars().chain(std::iter::once(' '))),
        )
        .collect();
    let mut gram = String::new();
    for n in CHAR_NGRAMS {
        for window in joined.windows(n) {
            gram.clear();
            gram.extend(window);
            chars.push(slot(b'c', &[&gram]));
        }
    }

    let mut out = Sparse::new();
    push_binary_group(&mut out, words, config.word_weight);
    push_binary_group(&mut out, chars, config.char_weight);
    for (cue, count) in Cue::ALL.iter().zip(lexicon::count(tokens)) {
        if count > 0 {
            let value = (1.0 + count as f32).ln() * config.lexicon_weight;
            out.push((slot(b'l', &[cue.name()]), value));
        }
    }
    let length_bucket = match tokens.len() {
        0..=7 => "short",
        8..=19 => "medium",
        20..=39 => "long",
        _ => "very long",
    };
    out.push((slot(b'n', &[length_bucket]), config.lexicon_weight));
    merge(out)
}

/// Appends a group of binary features (duplicates counted once), L2-normalized and scaled.
fn push_binary_group(out: &mut Sparse, mut slots: Vec<u32>, weight: f32) {
    slots.sort_unstable();
    slots.dedup();
    if slots.is_empty() {
        return;
    }
    let value = weight / (slots.len() as f32).sqrt();
    out.extend(slots.into_iter().map(|s| (s, value)));
}

/// Sorts by slot and sums the values of colliding slots.
fn merge(mut features: Sparse) -> Sparse {
    features.sort_unstable_by_key(|(slot, _)| *slot);
    let mut merged: Sparse = Vec::with_capacity(features.len());
    for (slot, value) in features {
        match merged.last_mut() {
            Some((last, sum)) if *last == slot => *sum += value,
            _ => merged.push((slot, value)),
        }
    }
    merged
}

/// FNV-1a over a group tag and the parts, with a separator so ("ab","c") ≠ ("a","bc").
fn hash(group: u8, parts: &[&str]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |byte: u8| {
        h ^= u64::from(byte);
        h = h.wrapping_mul(PRIME);
    };
    eat(group);
    for part in parts {
        eat(0xff);
        part.bytes().for_each(&mut eat);
    }
    // Fold the high bits in: FNV's low bits alone are weak for short keys.
    h ^ (h >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn features_are_sorted_unique_and_in_range() {
        let config = FeatureConfig {
            bits: 10,
            ..FeatureConfig::default()
        };
        let features = extract(&tokenize("This is an utterly absurd idea!"), &config);
        assert!(features.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(features.iter().all(|(slot, _)| *slot < 1024));
    }

    #[test]
    fn empty_sentence_has_few_features() {
        let features = extract(&[], &FeatureConfig::default());
        assert!(!features.is_empty() && features.len() <= 3);
    }
}
