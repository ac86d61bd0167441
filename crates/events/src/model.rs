//! The statistical type model: a linear classifier over hashed features of an event candidate
//! that scores the 18 PLOVER categories, so the type is decided by the trigger's lexicon type
//! together with its context (a killing by troops is FIGHT, by a bomber ASSAULT; "will
//! withdraw inspectors" is a threat). Trained by `parallax train events` (averaged perceptron;
//! see docs/models.md), committed as `model/types.bin.gz`.
//!
//! File format (gzip-compressed, little-endian, through `parallax-modelfile`): the magic
//! `PXEVTY01`, `bits` as one byte, the scale as f32, then `18 × 2^bits` weights as i16
//! multiples of the scale, class-major in [`EventType::ALL`] order.

use parallax_core::EventType;
use parallax_modelfile::{FileError, Reader};
use std::sync::LazyLock;

const MAGIC: &[u8; 8] = b"PXEVTY01";
/// The largest hash space a model file may declare; guards the allocation against a bad file.
const MAX_BITS: u8 = 20;
const CLASSES: usize = EventType::ALL.len();

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("event type model does not start with {MAGIC:?}")]
    BadMagic,
    #[error("event type model declares 2^{0} weights, more than 2^{MAX_BITS}")]
    TooLarge(u8),
    #[error("event type model holds a non-finite weight")]
    Invalid,
}

/// Weights per class over `2^bits` hashed features.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeModel {
    pub bits: u32,
    /// `CLASSES × 2^bits`, class-major.
    pub weights: Vec<f32>,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The slot of a feature: a template tag and its words, FNV-1a hashed, high bits folded in.
pub fn slot(tag: &str, words: &[&str], bits: u32) -> u32 {
    let mut h = FNV_OFFSET;
    for part in std::iter::once(tag).chain(words.iter().copied()) {
        for b in part.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
        h = (h ^ 0xff).wrapping_mul(FNV_PRIME);
    }
    ((h ^ (h >> 29)) & ((1u64 << bits) - 1)) as u32
}

/// The class index of a type.
pub fn class(t: EventType) -> usize {
    EventType::ALL.iter().position(|&x| x == t).unwrap_or(0)
}

impl TypeModel {
    /// A model of zero weights.
    pub fn zeros(bits: u32) -> TypeModel {
        TypeModel {
            bits,
            weights: vec![0.0; CLASSES << bits],
        }
    }

    /// Each class's score for the feature slots `features`.
    pub fn scores(&self, features: &[u32]) -> [f32; CLASSES] {
        let mut out = [0f32; CLASSES];
        let n = 1usize << self.bits;
        for (c, score) in out.iter_mut().enumerate() {
            let row = &self.weights[c * n..(c + 1) * n];
            *score = features
                .iter()
                .map(|&f| row.get(f as usize).copied().unwrap_or(0.0))
                .sum();
        }
        out
    }

    /// The best-scoring type.
    pub fn predict(&self, features: &[u32]) -> EventType {
        let scores = self.scores(features);
        let mut best = 0;
        for c in 1..CLASSES {
            if scores[c] > scores[best] {
                best = c;
            }
        }
        EventType::ALL[best]
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>, FileError> {
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        raw.push(self.bits as u8);
        let scale = parallax_modelfile::scale_of(&self.weights);
        raw.extend_from_slice(&scale.to_le_bytes());
        parallax_modelfile::put_quantized(&mut raw, &self.weights, scale);
        parallax_modelfile::compress(&raw)
    }

    /// Reads a model file; a damaged one is an error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<TypeModel, ModelError> {
        let raw = parallax_modelfile::decompress(bytes)?;
        let mut r = Reader::new(&raw);
        if r.take(8)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let bits = r.u8()?;
        if bits > MAX_BITS {
            return Err(ModelError::TooLarge(bits));
        }
        let scale = r.f32()?;
        if !scale.is_finite() {
            return Err(ModelError::Invalid);
        }
        let weights = r.quantized(CLASSES << bits, scale)?;
        Ok(TypeModel {
            bits: u32::from(bits),
            weights,
        })
    }
}

/// Averaged multi-class perceptron over `(features, gold class)` examples, in the given order
/// for `epochs` passes, from zero weights.
pub fn train(examples: &[(Vec<u32>, EventType)], bits: u32, epochs: usize) -> TypeModel {
    train_from(TypeModel::zeros(bits), examples, epochs)
}

/// The weights of a model that agrees with the lexicon: `weight` on each class's "type"
/// feature (the type the lexicon and modality rules give). Training from it, the perceptron
/// moves only where the rules are wrong on the training examples.
pub fn lexicon_prior(bits: u32, weight: f32) -> TypeModel {
    let mut model = TypeModel::zeros(bits);
    let n = 1usize << bits;
    for t in EventType::ALL {
        let f = slot("type", &[t.as_str()], bits) as usize;
        model.weights[class(t) * n + f] = weight;
    }
    model
}

/// [`train`] from the weights of `init`.
pub fn train_from(init: TypeModel, examples: &[(Vec<u32>, EventType)], epochs: usize) -> TypeModel {
    let bits = init.bits;
    let mut model = init;
    let mut total = vec![0f32; model.weights.len()];
    let n = 1usize << bits;
    let mut steps = 0f32;
    for _ in 0..epochs {
        for (features, gold) in examples {
            steps += 1.0;
            let guess = model.predict(features);
            if guess != *gold {
                for (class, sign) in [(class(*gold), 1f32), (class(guess), -1f32)] {
                    for &f in features {
                        let i = class * n + f as usize;
                        model.weights[i] += sign;
                        // The averaged weight counts each update for the steps still to come.
                        total[i] += sign * steps;
                    }
                }
            }
        }
    }
    // Average: w_avg = w - total / steps.
    for (w, t) in model.weights.iter_mut().zip(&total) {
        *w -= t / steps.max(1.0);
    }
    model
}

static EMBEDDED: &[u8] = include_bytes!("../model/types.bin.gz");

/// The committed model, read on first use.
pub fn embedded() -> Result<&'static TypeModel, &'static ModelError> {
    static MODEL: LazyLock<Result<TypeModel, ModelError>> =
        LazyLock::new(|| TypeModel::from_bytes(EMBEDDED));
    MODEL.as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_damage() {
        let mut m = TypeModel::zeros(4);
        m.weights[3] = 1.5;
        m.weights[40] = -2.0;
        let bytes = m.to_bytes().unwrap();
        let back = TypeModel::from_bytes(&bytes).unwrap();
        assert!((back.weights[3] - 1.5).abs() < 1e-3);
        assert!(TypeModel::from_bytes(&bytes[..bytes.len() / 2]).is_err());
        assert!(TypeModel::from_bytes(b"not a model").is_err());
    }

    #[test]
    fn perceptron_learns_a_separable_set() {
        let a = vec![slot("w", &["kill"], 8)];
        let b = vec![slot("w", &["meet"], 8)];
        let m = train(
            &[
                (a.clone(), EventType::Assault),
                (b.clone(), EventType::Consult),
            ],
            8,
            5,
        );
        assert_eq!(m.predict(&a), EventType::Assault);
        assert_eq!(m.predict(&b), EventType::Consult);
    }
}
