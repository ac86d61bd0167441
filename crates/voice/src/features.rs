//! Hashed sparse features of a sentence: word uni- and bigrams, character n-grams inside
//! words and the lexicon's cue classes.
//!
//! Feature names are hashed into `2^bits` slots so the model needs no vocabulary. Hashes are
//! computed on the fly over the tokens' bytes — no n-gram is ever built as a string — and a
//! word bigram's hash combines its two words' hashes. The word and character groups count
//! each occurrence and are scaled by `weight / sqrt(occurrences)`, so a long sentence does not
//! outvote a short one and the groups' scales are set by [`FeatureConfig`]; cue classes count
//! `ln(1 + count)` times the lexicon weight.
//!
//! Prediction ([`score`]) sums weights as it hashes, with no buffer at all; training
//! ([`extract`]) gets the same numbers as a sparse vector.

use crate::lexicon::{self, Cue};
use crate::tokens::{Tokens, QUOTE_TOKEN};

/// How sentences become feature vectors; stored in the model so prediction matches training.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FeatureConfig {
    /// The model has `2^bits` weights.
    pub bits: u8,
    pub word_weight: f32,
    pub char_weight: f32,
    pub lexicon_weight: f32,
    /// Character n-gram lengths, in bytes, counting the word-boundary marks.
    pub char_min: u8,
    pub char_max: u8,
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            bits: 18,
            word_weight: 1.0,
            char_weight: 1.0,
            lexicon_weight: 0.5,
            char_min: 2,
            char_max: 5,
        }
    }
}

/// A sparse feature vector: (slot, value) pairs sorted by slot, each slot once.
pub type Sparse = Vec<(u32, f32)>;

/// The feature groups; words and characters are normalized by their occurrence counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Word = 0,
    Char = 1,
    Lexicon = 2,
}

/// The logit contribution of a sentence's features under `weights` (`2^bits` of them).
pub fn score(tokens: &Tokens, config: &FeatureConfig, weights: &[f32]) -> f32 {
    let mut sums = [0f32; 3];
    let mut counts = [0u32; 3];
    visit(tokens, config, |group, slot, value| {
        let weight = weights.get(slot as usize).copied().unwrap_or(0.0);
        sums[group as usize] += weight * value;
        counts[group as usize] += 1;
    });
    let scales = scales(config, counts);
    sums.iter()
        .zip(scales)
        .map(|(sum, scale)| sum * scale)
        .sum()
}

/// The feature vector of a tokenized sentence.
pub fn extract(tokens: &Tokens, config: &FeatureConfig) -> Sparse {
    let mut raw: Vec<(u32, Group, f32)> = Vec::with_capacity(tokens.len() * 8);
    let mut counts = [0u32; 3];
    visit(tokens, config, |group, slot, value| {
        raw.push((slot, group, value));
        counts[group as usize] += 1;
    });
    let scales = scales(config, counts);
    let mut out: Sparse = raw
        .into_iter()
        .map(|(slot, group, value)| (slot, value * scales[group as usize]))
        .collect();
    out.sort_unstable_by_key(|(slot, _)| *slot);
    let mut merged: Sparse = Vec::with_capacity(out.len());
    for (slot, value) in out {
        match merged.last_mut() {
            Some((last, sum)) if *last == slot => *sum += value,
            _ => merged.push((slot, value)),
        }
    }
    merged
}

/// Each group's multiplier: `weight / sqrt(occurrences)` for words and characters, 1 for cues.
fn scales(config: &FeatureConfig, counts: [u32; 3]) -> [f32; 3] {
    let normalized = |weight: f32, count: u32| {
        if count == 0 {
            0.0
        } else {
            weight / (count as f32).sqrt()
        }
    };
    [
        normalized(config.word_weight, counts[Group::Word as usize]),
        normalized(config.char_weight, counts[Group::Char as usize]),
        1.0,
    ]
}

/// Calls `f(group, slot, value)` for every feature occurrence of the sentence.
fn visit(tokens: &Tokens, config: &FeatureConfig, mut f: impl FnMut(Group, u32, f32)) {
    let mask = (1u64 << config.bits.min(31)) - 1;
    let slot = |h: u64| (finish(h) & mask) as u32;

    // Word unigrams and bigrams, with sentence-boundary words.
    let start = seed(b'<');
    let mut previous = start;
    for token in tokens.iter() {
        let h = bytes_hash(seed(b'w'), token.as_bytes());
        f(Group::Word, slot(h), 1.0);
        f(Group::Word, slot(pair(previous, h)), 1.0);
        previous = h;
    }
    f(Group::Word, slot(pair(previous, seed(b'>'))), 1.0);

    // Character n-grams of each word, with a boundary mark at either end.
    let (low, high) = (
        usize::from(config.char_min.max(1)),
        usize::from(config.char_max),
    );
    if config.char_weight != 0.0 && low <= high {
        for token in tokens.iter() {
            if !token.chars().next().is_some_and(char::is_alphanumeric) {
                continue;
            }
            let bytes = token.as_bytes();
            let len = bytes.len() + 2;
            let at = |i: usize| match i {
                0 => BOUNDARY,
                i if i == len - 1 => BOUNDARY,
                i => bytes.get(i - 1).copied().unwrap_or(BOUNDARY),
            };
            for begin in 0..len {
                let mut h = seed(b'c');
                for (n, i) in (begin..len.min(begin + high)).enumerate() {
                    h = step(h, at(i));
                    if n + 1 >= low {
                        f(Group::Char, slot(h), 1.0);
                    }
                }
            }
        }
    }

    // Cue classes of the lexicon, marks of the author's voice, and the sentence's length.
    let weight = config.lexicon_weight;
    if weight != 0.0 {
        let counts = lexicon::count(tokens);
        let mut cue = |name: &[u8], count: u32| {
            if count > 0 {
                let value = (1.0 + count as f32).ln() * weight;
                f(Group::Lexicon, slot(bytes_hash(seed(b'l'), name)), value);
            }
        };
        for (class, count) in Cue::ALL.iter().zip(counts) {
            cue(class.name().as_bytes(), count);
        }
        let (mut exclamations, mut questions, mut quotes) = (0, 0, 0);
        for token in tokens.iter() {
            match token {
                "!" => exclamations += 1,
                "?" => questions += 1,
                "\"" | QUOTE_TOKEN => quotes += 1,
                _ => {}
            }
        }
        cue(b"exclamation", exclamations);
        cue(b"question", questions);
        cue(b"quotation", quotes);
        let length_bucket: &[u8] = match tokens.len() {
            0..=7 => b"short",
            8..=19 => b"medium",
            20..=39 => b"long",
            _ => b"very long",
        };
        f(
            Group::Lexicon,
            slot(bytes_hash(seed(b'n'), length_bucket)),
            weight,
        );
    }
}

/// The byte written at either end of a word for its character n-grams.
const BOUNDARY: u8 = 0x02;
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The hash state of a feature family, from its one-byte tag.
pub(crate) fn seed(tag: u8) -> u64 {
    step(FNV_OFFSET, tag)
}

/// One FNV-1a step.
pub(crate) fn step(h: u64, byte: u8) -> u64 {
    (h ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
}

pub(crate) fn bytes_hash(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, b| step(h, *b))
}

/// The hash of an ordered pair of hashes.
pub(crate) fn pair(first: u64, second: u64) -> u64 {
    (first.rotate_left(23) ^ second).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// A final mix (MurmurHash3's), so every bit of the slot depends on every input byte.
pub(crate) fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
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
        let features = extract(&Tokens::default(), &FeatureConfig::default());
        assert!(!features.is_empty() && features.len() <= 3);
    }

    #[test]
    fn score_equals_the_dot_product_of_the_extracted_vector() {
        let config = FeatureConfig {
            bits: 12,
            ..FeatureConfig::default()
        };
        let weights: Vec<f32> = (0..1u32 << 12)
            .map(|i| ((i * 7919) % 201) as f32 / 100.0 - 1.0)
            .collect();
        for text in [
            "",
            "Clearly, we must act now!",
            "Police said 40 people died.",
        ] {
            let tokens = tokenize(text);
            let dot: f32 = extract(&tokens, &config)
                .iter()
                .map(|(slot, value)| weights[*slot as usize] * value)
                .sum();
            let direct = score(&tokens, &config, &weights);
            assert!((dot - direct).abs() < 1e-4, "{text}: {dot} vs {direct}");
        }
    }

    #[test]
    fn character_ngrams_stay_inside_words() {
        let config = FeatureConfig {
            bits: 20,
            word_weight: 0.0,
            lexicon_weight: 0.0,
            ..FeatureConfig::default()
        };
        // "ab cd" and "abcd" share no n-gram that crosses the space.
        let grams = |text: &str| -> Vec<u32> {
            let features = extract(&tokenize(text), &config);
            features
                .iter()
                .filter(|(_, v)| *v != 0.0)
                .map(|(s, _)| *s)
                .collect()
        };
        let (split, joined) = (grams("ab cd"), grams("abcd"));
        let shared = split.iter().filter(|slot| joined.contains(slot)).count();
        // Common: "<a", "<ab", "ab", "cd", "cd>", "d>"; none spans the space.
        assert_eq!(shared, 6);
    }
}
