//! From a feature's 64-bit hash to its weight row.

/// The row of a feature hash in a table of `2^bits` rows (the hash's top bits, which are the
/// best mixed).
pub fn bucket(hash: u64, bits: u32) -> u32 {
    let bits = bits.clamp(1, 31);
    (hash >> (64 - bits)) as u32
}
