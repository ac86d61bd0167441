//! The learned cue classifier: a linear model over [`crate::cue_features`] that decides, for
//! each candidate token, whether it is the head of an attribution cue.
//!
//! Candidates are the tokens the rule lexicon takes for cues and the words seen as cue heads
//! in the training data (the model's vocabulary), so the classifier both vetoes rule cues in
//! the wrong context ("the plan called for") and adds cues the lexicon lacks ("shows",
//! "wants", "is expected"). Trained by `parallax train quotes` (see docs/models.md).
//!
//! File format (gzip-compressed, little-endian, through `parallax-modelfile`): the magic
//! `PXCUES02`, `bits` as one byte, the threshold, the veto threshold and the scale as f32, the
//! vocabulary (word stems) as a u32 count of newline-terminated words, then `2^bits` weights
//! as i16 multiples of the scale.

use crate::context::Ctx;
use crate::cue::Verdict;
use crate::cue_features;
use crate::lexicon::{self, OwnedWordSet};
use crate::stem;
use parallax_modelfile::{FileError, Reader};
use std::sync::LazyLock;

const MAGIC: &[u8; 8] = b"PXCUES02";
/// The largest hash space a model file may declare; guards the allocation against a bad file.
const MAX_BITS: u8 = 24;

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("cue model does not start with {MAGIC:?}")]
    BadMagic,
    #[error("cue model declares 2^{0} weights, more than 2^{MAX_BITS}")]
    TooLarge(u8),
    #[error("cue model holds a non-finite number or a non-UTF-8 word")]
    Invalid,
}

/// A linear classifier over hashed features: a candidate the rule lexicon does not know is a
/// cue when it scores above `threshold`; a rule cue stays one unless it scores below `veto`.
#[derive(Debug, Clone, PartialEq)]
pub struct CueModel {
    pub bits: u32,
    pub threshold: f32,
    pub veto: f32,
    /// `2^bits` weights.
    pub weights: Vec<f32>,
    /// Lowercase words that are candidates besides the rule lexicon's cues.
    vocabulary: OwnedWordSet,
    /// A bit per [`sketch`] of the vocabulary's words: most tokens miss it and skip the
    /// vocabulary lookup.
    filter: Vec<u64>,
}

/// Bits of the vocabulary filter.
const FILTER_BITS: usize = 1 << 14;

/// A cheap hash of a word's length and first, second and last bytes.
fn sketch(word: &str) -> usize {
    let b = word.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return 0;
    };
    let second = b.get(1).copied().unwrap_or(0);
    let h = (b.len() as u32)
        .wrapping_mul(0x9e37_79b1)
        .wrapping_add(u32::from(first).wrapping_mul(0x85eb_ca6b))
        .wrapping_add(u32::from(second).wrapping_mul(0xc2b2_ae35))
        .wrapping_add(u32::from(last).wrapping_mul(0x27d4_eb2f));
    ((h ^ (h >> 15)) as usize) % FILTER_BITS
}

fn filter_of(vocabulary: &OwnedWordSet) -> Vec<u64> {
    let mut filter = vec![0u64; FILTER_BITS / 64];
    for w in vocabulary {
        let k = sketch(w);
        if let Some(slot) = filter.get_mut(k / 64) {
            *slot |= 1 << (k % 64);
        }
    }
    filter
}

static EMBEDDED: LazyLock<Result<CueModel, ModelError>> =
    LazyLock::new(|| CueModel::decode(include_bytes!("../model/cues.bin.gz")));

/// The model compiled into the crate, or why it cannot be used.
pub fn embedded() -> Result<&'static CueModel, &'static ModelError> {
    EMBEDDED.as_ref()
}

impl CueModel {
    /// A model of zero weights.
    pub fn zeros(bits: u32, vocabulary: OwnedWordSet) -> CueModel {
        CueModel {
            bits,
            threshold: 0.0,
            veto: f32::MIN,
            weights: vec![0.0; 1usize << bits],
            filter: filter_of(&vocabulary),
            vocabulary,
        }
    }

    /// The candidate words besides the rule lexicon's cues.
    pub fn vocabulary(&self) -> &OwnedWordSet {
        &self.vocabulary
    }

    /// The score of a feature vector.
    pub fn score(&self, features: &[u32]) -> f32 {
        features
            .iter()
            .map(|&s| self.weights.get(s as usize).copied().unwrap_or(0.0))
            .sum()
    }

    /// Whether the stem of the lowercase word `word` is in the vocabulary.
    pub fn knows(&self, word: &str) -> bool {
        if !word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
            return false;
        }
        let stem = stem::stem(word);
        let k = sketch(stem);
        self.filter
            .get(k / 64)
            .is_some_and(|s| s & (1 << (k % 64)) != 0)
            && self.vocabulary.contains(stem)
    }

    /// Whether a token is a candidate: a rule cue or a word whose stem is in the vocabulary.
    pub fn is_candidate(&self, word: &str, rule: bool) -> bool {
        rule || self.knows(word)
    }

    /// For every token of `ctx`, whether it heads a cue. `rules` says which tokens the rule
    /// lexicon takes for cue heads.
    pub fn decide(&self, ctx: &Ctx, rules: &[bool]) -> Vec<Verdict> {
        let mut out = vec![Verdict::No; ctx.seg.tokens.len()];
        let mut pair = String::new();
        let mut features = Vec::with_capacity(cue_features::MAX_FEATURES);
        for sentence in &ctx.seg.sentences {
            let range = ctx.tokens_in(sentence.span);
            for i in range.clone() {
                let rule = rules.get(i).copied().unwrap_or(false);
                if !self.is_candidate(ctx.word(i), rule) {
                    continue;
                }
                // Without a veto a rule cue needs no score, unless it is a form that is as
                // often a noun ("shows"), which a confident score frees of the rules' demand
                // for a named speaker ("the poll shows").
                let noun_like = rule && lexicon::is_noun_like(ctx.word(i));
                let mut sure = false;
                if !rule || noun_like || self.veto != f32::MIN {
                    let known = self.knows(ctx.word(i));
                    cue_features::extract(
                        ctx,
                        range.clone(),
                        i,
                        (rule, known),
                        self.bits,
                        &mut features,
                    );
                    let score = self.score(&features);
                    let cut = if rule { self.veto } else { self.threshold };
                    if score <= cut {
                        continue;
                    }
                    sure = noun_like && score > self.threshold;
                }
                pair.clear();
                pair.push_str(stem::stem(ctx.word(i)));
                pair.push(' ');
                pair.extend(ctx.word(i + 1).chars().map(|c| c.to_ascii_lowercase()));
                if let Some(o) = out.get_mut(i) {
                    *o = if sure {
                        Verdict::Sure
                    } else if self.vocabulary.contains(pair.as_str()) {
                        Verdict::WithParticle
                    } else {
                        Verdict::Cue
                    };
                }
            }
        }
        out
    }

    /// The gzip-compressed file bytes.
    pub fn encode(&self) -> Result<Vec<u8>, ModelError> {
        let scale = parallax_modelfile::scale_of(&self.weights);
        let mut raw = Vec::with_capacity(64 + self.weights.len() * 2);
        raw.extend_from_slice(MAGIC);
        raw.push(self.bits as u8);
        raw.extend_from_slice(&self.threshold.to_le_bytes());
        raw.extend_from_slice(&self.veto.to_le_bytes());
        raw.extend_from_slice(&scale.to_le_bytes());
        let mut words: Vec<&String> = self.vocabulary.iter().collect();
        words.sort();
        raw.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for w in words {
            raw.extend_from_slice(w.as_bytes());
            raw.push(b'\n');
        }
        parallax_modelfile::put_quantized(&mut raw, &self.weights, scale);
        Ok(parallax_modelfile::compress(&raw)?)
    }

    /// Reads a model file; any damage is an error, never a panic.
    pub fn decode(bytes: &[u8]) -> Result<CueModel, ModelError> {
        let raw = parallax_modelfile::decompress(bytes)?;
        let mut r = Reader::new(&raw);
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let bits = r.u8()?;
        if bits > MAX_BITS {
            return Err(ModelError::TooLarge(bits));
        }
        let threshold = r.f32()?;
        let veto = r.f32()?;
        let scale = r.f32()?;
        if !threshold.is_finite() || !veto.is_finite() || !scale.is_finite() {
            return Err(ModelError::Invalid);
        }
        let count = r.u32()? as usize;
        let mut vocabulary = OwnedWordSet::default();
        for _ in 0..count {
            let rest = r.rest();
            let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
            let word = std::str::from_utf8(r.take(end)?).map_err(|_| ModelError::Invalid)?;
            vocabulary.insert(word.to_string());
            r.take(1)?;
        }
        let weights = r.quantized(1usize << bits, scale)?;
        Ok(CueModel {
            bits: u32::from(bits),
            threshold,
            veto,
            weights,
            filter: filter_of(&vocabulary),
            vocabulary,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_damage() {
        let mut model = CueModel::zeros(8, [stem::stem("shows").to_string()].into_iter().collect());
        model.weights[3] = 1.5;
        model.weights[7] = -0.25;
        model.threshold = 0.5;
        let bytes = model.encode().unwrap();
        let back = CueModel::decode(&bytes).unwrap();
        assert_eq!(back.vocabulary, model.vocabulary);
        assert!(back.knows("shows"));
        assert!(back.knows("showed"));
        assert!(!back.knows("eats"));
        assert!((back.weights[3] - 1.5).abs() < 1e-3);
        assert!((back.weights[7] + 0.25).abs() < 1e-3);
        assert!(CueModel::decode(&bytes[..bytes.len() / 2]).is_err());
        assert!(CueModel::decode(b"not a model").is_err());
    }

    #[test]
    fn the_embedded_model_loads() {
        assert!(embedded().is_ok());
    }
}
