//! Small, fast, deterministic hashing for feature and lexicon keys.
//!
//! Feature weights are found by hashing feature strings into buckets, so the hash must be the
//! same in the trainer and at run time, on every platform and Rust version: the standard
//! library's hashers promise neither, hence this small multiply-rotate hash (in the style of
//! FxHash, eight bytes a step) with a final mix.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const K: u64 = 0x517c_c1b7_2722_0a95;

/// An incremental hash of byte strings.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Fnv {
    pub fn new(seed: u8) -> Self {
        Fnv(OFFSET).step(u64::from(seed))
    }

    fn step(self, word: u64) -> Self {
        Fnv((self.0.rotate_left(5) ^ word).wrapping_mul(K))
    }

    pub fn bytes(mut self, bytes: &[u8]) -> Self {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self = self.step(u64::from_le_bytes(word));
        }
        let mut tail = [0u8; 8];
        let rest = chunks.remainder();
        tail[..rest.len()].copy_from_slice(rest);
        // The length goes in too, so that ("ab", "c") and ("a", "bc") differ.
        self.step(u64::from_le_bytes(tail)).step(bytes.len() as u64)
    }

    pub fn word(self, word: u64) -> Self {
        self.bytes(&word.to_le_bytes())
    }

    pub fn finish(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
}

/// The key of a lowercased word, shared by the lexicon and the learned word lists.
pub fn word_key(lower: &str) -> u64 {
    bytes_key(lower.as_bytes())
}

/// [`word_key`] of a word given as its bytes.
pub fn bytes_key(lower: &[u8]) -> u64 {
    Fnv::new(0).bytes(lower).finish()
}

/// A hasher for keys that are already well-mixed hashes.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;
pub type KeySet = HashSet<u64, BuildHasherDefault<IdHasher>>;
