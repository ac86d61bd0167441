//! The envelope every committed model file shares: little-endian fields inside a gzip
//! stream, read back by a [`Reader`] that checks each field so that a damaged file is an
//! error, never a panic, and weight tables stored as 16-bit multiples of one scale.
//!
//! Each model keeps its own layout and magic number; this crate owns only what they have in
//! common, so the tagger, the cue classifier and the voice classifier read and write files
//! the same way.
//!
//! # Example
//!
//! A damaged model file is an error the caller turns into a diagnostic, never a panic.
//!
//! ```
//! use parallax_modelfile::{compress, decompress, Reader};
//!
//! let mut raw = Vec::new();
//! raw.extend_from_slice(b"PXM1");
//! raw.extend_from_slice(&42u32.to_le_bytes());
//! let file = compress(&raw)?;
//! let back = decompress(&file)?;
//! let mut reader = Reader::new(&back);
//! assert_eq!(reader.take(4)?, b"PXM1");
//! assert_eq!(reader.take(4)?, &42u32.to_le_bytes());
//! assert!(reader.take(1).is_err(), "reading past the end is an error");
//! assert!(decompress(&file[..file.len() / 2]).is_err(), "a cut file is an error");
//! # Ok::<(), parallax_modelfile::FileError>(())
//! ```

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use std::io::{Read, Write};

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("model file is not a readable gzip stream: {0}")]
    Gzip(#[from] std::io::Error),
    #[error("model file ends after {got} of {expected} bytes")]
    Truncated { got: usize, expected: usize },
    #[error("model file has a malformed variable-length integer")]
    Varint,
}

/// The gzip stream of `raw`, compressed as tightly as flate2 can (model files are committed).
pub fn compress(raw: &[u8]) -> Result<Vec<u8>, FileError> {
    let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(raw)?;
    Ok(encoder.finish()?)
}

/// The bytes inside a gzip stream.
pub fn decompress(bytes: &[u8]) -> Result<Vec<u8>, FileError> {
    let mut raw = Vec::new();
    GzDecoder::new(bytes).read_to_end(&mut raw)?;
    Ok(raw)
}

/// The scale that maps the largest absolute weight to `i16::MAX` (1 when all are zero).
pub fn scale_of(weights: &[f32]) -> f32 {
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
    if max > 0.0 {
        max / f32::from(i16::MAX)
    } else {
        1.0
    }
}

/// `weight` as the nearest 16-bit multiple of `scale`.
fn quantize(weight: f32, scale: f32) -> i16 {
    (weight / scale)
        .round()
        .clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16
}

/// Appends `weights` as little-endian 16-bit multiples of `scale`.
pub fn put_quantized(raw: &mut Vec<u8>, weights: &[f32], scale: f32) {
    raw.reserve(weights.len() * 2);
    for &weight in weights {
        raw.extend_from_slice(&quantize(weight, scale).to_le_bytes());
    }
}

/// Appends `v` as a LEB128 variable-length integer.
pub fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Consumes a decompressed model file field by field.
pub struct Reader<'a> {
    raw: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(raw: &'a [u8]) -> Self {
        Reader { raw }
    }

    /// The bytes not read yet.
    pub fn rest(&self) -> &'a [u8] {
        self.raw
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], FileError> {
        if self.raw.len() < n {
            return Err(FileError::Truncated {
                got: self.raw.len(),
                expected: n,
            });
        }
        let (head, rest) = self.raw.split_at(n);
        self.raw = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], FileError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    pub fn u8(&mut self) -> Result<u8, FileError> {
        Ok(u8::from_le_bytes(self.array()?))
    }

    pub fn u32(&mut self) -> Result<u32, FileError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    pub fn u64(&mut self) -> Result<u64, FileError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    pub fn f32(&mut self) -> Result<f32, FileError> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    /// A LEB128 variable-length integer, as [`put_varint`] writes it.
    pub fn varint(&mut self) -> Result<u64, FileError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(FileError::Varint)
    }

    /// `count` weights stored by [`put_quantized`] with `scale`.
    pub fn quantized(&mut self, count: usize, scale: f32) -> Result<Vec<f32>, FileError> {
        let bytes = self.take(count.saturating_mul(2))?;
        Ok(bytes
            .chunks_exact(2)
            .map(|p| f32::from(i16::from_le_bytes([p[0], p[1]])) * scale)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_round_trip_through_gzip() {
        let weights = [1.5f32, -0.25, 0.0, 3.0];
        let scale = scale_of(&weights);
        let mut raw = Vec::new();
        raw.extend_from_slice(&7u32.to_le_bytes());
        put_varint(&mut raw, 300);
        put_quantized(&mut raw, &weights, scale);
        let bytes = compress(&raw).unwrap();
        let back = decompress(&bytes).unwrap();
        let mut r = Reader::new(&back);
        assert_eq!(r.u32().unwrap(), 7);
        assert_eq!(r.varint().unwrap(), 300);
        let read = r.quantized(4, scale).unwrap();
        for (a, b) in read.iter().zip(weights) {
            assert!((a - b).abs() < 1e-3);
        }
        assert!(r.rest().is_empty());
        assert!(matches!(r.u8(), Err(FileError::Truncated { .. })));
    }

    #[test]
    fn damage_is_an_error() {
        assert!(decompress(b"not gzip").is_err());
        assert!(Reader::new(&[0x80; 12]).varint().is_err());
        assert!(Reader::new(&[1, 2]).quantized(2, 1.0).is_err());
        assert_eq!(scale_of(&[0.0, 0.0]), 1.0);
    }
}
