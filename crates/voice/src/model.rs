//! The logistic-regression model: its weights, its file format and its probability of opinion.
//!
//! File format (gzip-compressed, little-endian): the magic `PXVOICE3`, the [`FeatureConfig`]
//! (`bits` as one byte, the word, char and lexicon weights as f32, then the shortest and
//! longest character n-gram as one byte each), the bias as f32, a
//! scale as f32, then `2^bits` weights as i16 multiples of the scale; then the word table:
//! the number of words (varint), each word (varint length, UTF-8 bytes) in byte order, a
//! scale as f32 and each word's weight as an i16 multiple of it. Quantizing to 16 bits
//! halves the file and changes no prediction at the precision the weights are learned to.

use crate::features::{self, FeatureConfig};
use crate::tokens::Tokens;
use parallax_modelfile::{FileError, Reader};
use rustc_hash::FxHashMap;

const MAGIC: &[u8; 8] = b"PXVOICE3";
/// The largest hash space a model file may declare; guards the allocation against a bad file.
const MAX_BITS: u8 = 24;

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("model file does not start with {MAGIC:?}")]
    BadMagic,
    #[error("model file declares 2^{0} weights, more than 2^{MAX_BITS}")]
    TooLarge(u8),
    #[error("model file holds a non-finite number")]
    NotFinite,
    #[error("model file's word table is malformed")]
    BadWords,
}

/// A linear classifier over hashed features; a positive score means opinion.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub config: FeatureConfig,
    pub bias: f32,
    /// `2^config.bits` weights.
    pub weights: Vec<f32>,
    /// Each word's weight in the word-vector block, from [`crate::embed`]: the sentence's
    /// score adds the mean weight of its words found here (every other word ignored).
    pub words: FxHashMap<String, f32>,
}

impl Model {
    /// A model of zero weights for `config`.
    pub fn zeros(config: FeatureConfig) -> Model {
        Model {
            config,
            bias: 0.0,
            weights: vec![0.0; 1usize << config.bits],
            words: FxHashMap::default(),
        }
    }

    /// The logit of opinion for a tokenized sentence.
    pub fn score(&self, tokens: &Tokens) -> f32 {
        self.bias + features::score(tokens, &self.config, &self.weights) + self.word_score(tokens)
    }

    /// The mean weight of the sentence's words in the word table (0 when none is).
    fn word_score(&self, tokens: &Tokens) -> f32 {
        if self.words.is_empty() {
            return 0.0;
        }
        let (mut sum, mut n) = (0f32, 0u32);
        for token in tokens.iter() {
            if let Some(weight) = self.words.get(token) {
                sum += weight;
                n += 1;
            }
        }
        if n == 0 {
            0.0
        } else {
            sum / n as f32
        }
    }

    /// The probability that the tokenized sentence is the author's opinion.
    pub fn probability(&self, tokens: &Tokens) -> f32 {
        sigmoid(self.score(tokens))
    }

    /// The gzip-compressed file bytes.
    pub fn encode(&self) -> Result<Vec<u8>, ModelError> {
        let scale = parallax_modelfile::scale_of(&self.weights);
        let mut raw = Vec::with_capacity(32 + self.weights.len() * 2);
        raw.extend_from_slice(MAGIC);
        raw.push(self.config.bits);
        for value in [
            self.config.word_weight,
            self.config.char_weight,
            self.config.lexicon_weight,
        ] {
            raw.extend_from_slice(&value.to_le_bytes());
        }
        raw.extend_from_slice(&[self.config.char_min, self.config.char_max]);
        for value in [self.bias, scale] {
            raw.extend_from_slice(&value.to_le_bytes());
        }
        parallax_modelfile::put_quantized(&mut raw, &self.weights, scale);
        let mut words: Vec<(&String, &f32)> = self.words.iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(b.0));
        parallax_modelfile::put_varint(&mut raw, words.len() as u64);
        for (word, _) in &words {
            parallax_modelfile::put_varint(&mut raw, word.len() as u64);
            raw.extend_from_slice(word.as_bytes());
        }
        let values: Vec<f32> = words.iter().map(|(_, v)| **v).collect();
        let scale = parallax_modelfile::scale_of(&values);
        raw.extend_from_slice(&scale.to_le_bytes());
        parallax_modelfile::put_quantized(&mut raw, &values, scale);
        Ok(parallax_modelfile::compress(&raw)?)
    }

    /// Reads a model file; any damage is an error, never a panic.
    pub fn decode(bytes: &[u8]) -> Result<Model, ModelError> {
        let raw = parallax_modelfile::decompress(bytes)?;
        let mut reader = Reader::new(&raw);
        if reader.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let bits = reader.u8()?;
        if bits > MAX_BITS {
            return Err(ModelError::TooLarge(bits));
        }
        let config = FeatureConfig {
            bits,
            word_weight: reader.f32()?,
            char_weight: reader.f32()?,
            lexicon_weight: reader.f32()?,
            char_min: reader.u8()?,
            char_max: reader.u8()?,
        };
        let bias = reader.f32()?;
        let scale = reader.f32()?;
        let weights = reader.quantized(1usize << bits, scale)?;
        let count = reader.varint()?;
        let mut names = Vec::new();
        for _ in 0..count {
            let len = usize::try_from(reader.varint()?).map_err(|_| ModelError::BadWords)?;
            let name = std::str::from_utf8(reader.take(len)?).map_err(|_| ModelError::BadWords)?;
            names.push(name.to_string());
        }
        let word_scale = reader.f32()?;
        let values = reader.quantized(names.len(), word_scale)?;
        let words: FxHashMap<String, f32> = names.into_iter().zip(values).collect();
        if words.len() as u64 != count {
            return Err(ModelError::BadWords);
        }
        let finite = [
            config.word_weight,
            config.char_weight,
            config.lexicon_weight,
            bias,
            scale,
            word_scale,
        ]
        .iter()
        .all(|v| v.is_finite());
        if !finite {
            return Err(ModelError::NotFinite);
        }
        Ok(Model {
            config,
            bias,
            weights,
            words,
        })
    }
}

pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_file_format() {
        let mut model = Model::zeros(FeatureConfig {
            bits: 6,
            ..FeatureConfig::default()
        });
        model.bias = -0.25;
        model.weights[3] = 1.5;
        model.weights[9] = -0.75;
        model.words.insert("absurd".to_string(), 2.0);
        model.words.insert("said".to_string(), -1.0);
        let decoded = Model::decode(&model.encode().unwrap()).unwrap();
        assert_eq!(decoded.words.len(), 2);
        assert!((decoded.words["said"] + 1.0).abs() < 1e-3);
        assert_eq!(decoded.config, model.config);
        assert_eq!(decoded.bias, model.bias);
        assert!((decoded.weights[3] - 1.5).abs() < 1e-3);
        assert!((decoded.weights[9] + 0.75).abs() < 1e-3);
    }

    #[test]
    fn damaged_files_are_errors() {
        assert!(Model::decode(b"").is_err());
        assert!(Model::decode(b"not gzip at all").is_err());
        let good = Model::zeros(FeatureConfig {
            bits: 4,
            ..FeatureConfig::default()
        });
        let bytes = good.encode().unwrap();
        assert!(Model::decode(&bytes[..bytes.len() / 2]).is_err());
        let header = parallax_modelfile::compress(b"PXVOICE3\x1f").unwrap();
        assert!(matches!(
            Model::decode(&header),
            Err(ModelError::TooLarge(31))
        ));
    }
}
