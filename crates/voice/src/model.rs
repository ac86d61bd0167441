//! The logistic-regression model: its weights, its file format and its probability of opinion.
//!
//! File format (gzip-compressed, little-endian): the magic `PXVOICE2`, the [`FeatureConfig`]
//! (`bits` as one byte, the word, char and lexicon weights as f32, then the shortest and
//! longest character n-gram as one byte each), the bias as f32, a
//! scale as f32, then `2^bits` weights as i16 multiples of the scale. Quantizing to 16 bits
//! halves the file and changes no prediction at the precision the weights are learned to.

use crate::features::{self, FeatureConfig};
use crate::tokens::Tokens;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use std::io::{Read, Write};

const MAGIC: &[u8; 8] = b"PXVOICE2";
/// The largest hash space a model file may declare; guards the allocation against a bad file.
const MAX_BITS: u8 = 24;

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("model file is not gzip or is truncated: {0}")]
    Io(#[from] std::io::Error),
    #[error("model file does not start with {MAGIC:?}")]
    BadMagic,
    #[error("model file declares 2^{0} weights, more than 2^{MAX_BITS}")]
    TooLarge(u8),
    #[error("model file ends after {got} of {expected} weight bytes")]
    Truncated { got: usize, expected: usize },
    #[error("model file holds a non-finite number")]
    NotFinite,
}

/// A linear classifier over hashed features; a positive score means opinion.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub config: FeatureConfig,
    pub bias: f32,
    /// `2^config.bits` weights.
    pub weights: Vec<f32>,
}

impl Model {
    /// A model of zero weights for `config`.
    pub fn zeros(config: FeatureConfig) -> Model {
        Model {
            config,
            bias: 0.0,
            weights: vec![0.0; 1usize << config.bits],
        }
    }

    /// The logit of opinion for a tokenized sentence.
    pub fn score(&self, tokens: &Tokens) -> f32 {
        self.bias + features::score(tokens, &self.config, &self.weights)
    }

    /// The probability that the tokenized sentence is the author's opinion.
    pub fn probability(&self, tokens: &Tokens) -> f32 {
        sigmoid(self.score(tokens))
    }

    /// The gzip-compressed file bytes.
    pub fn encode(&self) -> Result<Vec<u8>, ModelError> {
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
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
        for weight in &self.weights {
            let q = (weight / scale)
                .round()
                .clamp(f32::from(i16::MIN), f32::from(i16::MAX));
            raw.extend_from_slice(&(q as i16).to_le_bytes());
        }
        let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&raw)?;
        Ok(encoder.finish()?)
    }

    /// Reads a model file; any damage is an error, never a panic.
    pub fn decode(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut raw = Vec::new();
        GzDecoder::new(bytes).read_to_end(&mut raw)?;
        let mut reader = Reader { raw: &raw };
        if reader.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let bits = reader.take(1)?.first().copied().unwrap_or(0);
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
        let count = 1usize << bits;
        let body = reader.raw;
        if body.len() < count * 2 {
            return Err(ModelError::Truncated {
                got: body.len(),
                expected: count * 2,
            });
        }
        let weights: Vec<f32> = body
            .chunks_exact(2)
            .take(count)
            .map(|pair| f32::from(i16::from_le_bytes([pair[0], pair[1]])) * scale)
            .collect();
        let finite = [
            config.word_weight,
            config.char_weight,
            config.lexicon_weight,
            bias,
            scale,
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
        })
    }
}

pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Consumes the header of a decompressed model file.
struct Reader<'a> {
    raw: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.raw.len() < n {
            return Err(ModelError::Truncated {
                got: self.raw.len(),
                expected: n,
            });
        }
        let (head, rest) = self.raw.split_at(n);
        self.raw = rest;
        Ok(head)
    }

    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?.first().copied().unwrap_or(0))
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        let bytes = self.take(4)?;
        Ok(f32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }
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
        let decoded = Model::decode(&model.encode().unwrap()).unwrap();
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
        let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(b"PXVOICE2\x1f").unwrap();
        assert!(matches!(
            Model::decode(&encoder.finish().unwrap()),
            Err(ModelError::TooLarge(31))
        ));
    }
}
