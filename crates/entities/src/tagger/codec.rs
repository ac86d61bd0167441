//! The model file: a gzip stream of a small binary format, checked field by field on load so
//! that a damaged file is reported, never a panic.
//!
//! Layout (little-endian): magic `PXNER\0\x01\0`, `bits: u32`, `scale: f32`, transitions
//! (`pair` 17×17, `start` 17, `end` 17, all `f32`), `common: u32` count then that many `u64`
//! word keys, `rows: u32` count then per row a varint bucket delta and 17 zigzag-varint `i16`
//! weights.

use super::model::{Model, Transitions};
use super::row_index::RowIndex;
use super::tags::NUM_TAGS;
use crate::hash::KeySet;
use parallax_modelfile::{put_varint, FileError, Reader};

const MAGIC: &[u8; 8] = b"PXNER\0\x01\0";
/// Refuse tables larger than this (2^26 rows) instead of allocating whatever a file claims.
const MAX_BITS: u32 = 26;

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("model file has the wrong magic number (not a Parallax NER model of this version)")]
    Magic,
    #[error("model file is inconsistent: {0}")]
    Invalid(String),
}

/// The model as gzip-compressed bytes.
pub fn encode(model: &Model) -> Result<Vec<u8>, ModelError> {
    let mut raw = Vec::new();
    raw.extend_from_slice(MAGIC);
    raw.extend_from_slice(&model.bits.to_le_bytes());
    raw.extend_from_slice(&model.scale.to_le_bytes());
    let t = &model.transitions;
    for v in t.pair.iter().flatten().chain(&t.start).chain(&t.end) {
        raw.extend_from_slice(&v.to_le_bytes());
    }
    let mut common: Vec<u64> = model.common.iter().copied().collect();
    common.sort_unstable();
    raw.extend_from_slice(&(common.len() as u32).to_le_bytes());
    for key in common {
        raw.extend_from_slice(&key.to_le_bytes());
    }
    let rows: Vec<(u32, u32)> = model.index.buckets().collect();
    raw.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    let mut previous = 0u32;
    for (bucket, row) in rows {
        put_varint(&mut raw, u64::from(bucket - previous));
        previous = bucket;
        let weights = model
            .rows
            .get(row as usize)
            .copied()
            .unwrap_or([0; NUM_TAGS]);
        for w in weights {
            put_varint(&mut raw, zigzag(w));
        }
    }
    Ok(parallax_modelfile::compress(&raw)?)
}

/// Reads a model from gzip-compressed bytes.
pub fn decode(bytes: &[u8]) -> Result<Model, ModelError> {
    let raw = parallax_modelfile::decompress(bytes)?;
    let mut r = Reader::new(&raw);
    if r.take(8)? != MAGIC {
        return Err(ModelError::Magic);
    }
    let bits = r.u32()?;
    if !(1..=MAX_BITS).contains(&bits) {
        return Err(ModelError::Invalid(format!("{bits} hash bits")));
    }
    let scale = r.f32()?;
    if !scale.is_finite() {
        return Err(ModelError::Invalid("non-finite scale".into()));
    }
    let mut transitions = Transitions::default();
    for v in transitions.pair.iter_mut().flatten() {
        *v = r.f32()?;
    }
    for v in transitions
        .start
        .iter_mut()
        .chain(transitions.end.iter_mut())
    {
        *v = r.f32()?;
    }
    let n_common = r.u32()? as usize;
    let mut common = KeySet::default();
    for _ in 0..n_common {
        common.insert(r.u64()?);
    }
    let n_rows = r.u32()? as usize;
    let size = 1usize << bits;
    if n_rows > size {
        return Err(ModelError::Invalid(format!(
            "{n_rows} rows for {size} buckets"
        )));
    }
    let mut buckets = Vec::with_capacity(n_rows);
    let mut rows = Vec::with_capacity(n_rows);
    let mut bucket = 0u64;
    for _ in 0..n_rows {
        bucket = bucket.saturating_add(r.varint()?);
        buckets.push(
            u32::try_from(bucket)
                .map_err(|_| ModelError::Invalid(format!("bucket {bucket} out of range")))?,
        );
        let mut weights = [0i16; NUM_TAGS];
        for w in &mut weights {
            *w = unzigzag(r.varint()?)
                .ok_or_else(|| ModelError::Invalid("weight out of range".into()))?;
        }
        rows.push(weights);
    }
    if !r.rest().is_empty() {
        return Err(ModelError::Invalid("trailing bytes".into()));
    }
    // The in-memory index is built here from the file's bucket list (see `row_index`).
    let index = RowIndex::new(size, buckets)
        .ok_or_else(|| ModelError::Invalid("buckets out of order or out of range".into()))?;
    Ok(Model {
        bits,
        scale,
        index,
        rows,
        transitions,
        common,
    })
}

fn zigzag(w: i16) -> u64 {
    let w = i64::from(w);
    ((w << 1) ^ (w >> 63)) as u64
}

fn unzigzag(v: u64) -> Option<i16> {
    let w = ((v >> 1) as i64) ^ -((v & 1) as i64);
    i16::try_from(w).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Model {
        let index = RowIndex::new(16, [3, 9]).unwrap();
        let mut transitions = Transitions::default();
        transitions.pair[0][1] = -1.5;
        let mut common = KeySet::default();
        common.insert(42);
        Model {
            bits: 4,
            scale: 0.01,
            index,
            rows: vec![[-7; NUM_TAGS], [i16::MAX; NUM_TAGS]],
            transitions,
            common,
        }
    }

    #[test]
    fn round_trips() {
        let model = tiny();
        let back = decode(&encode(&model).unwrap()).unwrap();
        assert_eq!(back.index, model.index);
        assert_eq!(back.rows, model.rows);
        assert_eq!(back.transitions, model.transitions);
        assert_eq!(back.common, model.common);
    }

    #[test]
    fn damaged_files_are_errors() {
        let bytes = encode(&tiny()).unwrap();
        assert!(decode(&bytes[..bytes.len() / 2]).is_err());
        assert!(decode(b"not a model").is_err());
        let raw = parallax_modelfile::decompress(&bytes).unwrap();
        for cut in [0, 8, 20, raw.len() - 1] {
            let damaged = parallax_modelfile::compress(&raw[..cut]).unwrap();
            assert!(decode(&damaged).is_err(), "cut at {cut}");
        }
    }
}
