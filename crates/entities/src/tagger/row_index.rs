//! Which weight row a feature bucket has, as a bitmap of the buckets that have one.
//!
//! Why not a `u32` per bucket: the tagger looks up some forty buckets a token in a table of
//! 2^20, and at 4 MiB most of those look-ups missed the processor's caches (half the scoring
//! time went to waiting for them). One bit per bucket plus the count of rows before each 64
//! buckets is 256 KiB, which stays in the second-level cache. Rows are numbered in bucket
//! order, so a bucket's row is the number of buckets with rows before it.

/// The buckets that have weight rows, rows numbered in bucket order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowIndex {
    blocks: Vec<Block>,
}

/// 64 buckets: which have rows, and how many rows the buckets before them have.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Block {
    bits: u64,
    before: u32,
}

impl RowIndex {
    /// The index of a table of `size` buckets in which `buckets`, strictly increasing, have
    /// rows; `None` when they are not increasing or not below `size`.
    pub fn new(size: usize, buckets: impl IntoIterator<Item = u32>) -> Option<RowIndex> {
        let mut blocks = vec![Block::default(); size.div_ceil(64)];
        let mut previous = None;
        for bucket in buckets {
            if previous.is_some_and(|p| p >= bucket) {
                return None;
            }
            previous = Some(bucket);
            if bucket as usize >= size {
                return None;
            }
            let block = blocks.get_mut(bucket as usize / 64)?;
            block.bits |= 1 << (bucket % 64);
        }
        let mut rows = 0u32;
        for block in &mut blocks {
            block.before = rows;
            rows += block.bits.count_ones();
        }
        Some(RowIndex { blocks })
    }

    /// One more than the row of `bucket`, or 0 when it has none.
    ///
    /// Without branches on whether the bucket has a row, so that the look-ups of a sentence's
    /// buckets overlap in the processor.
    #[inline]
    pub fn slot(&self, bucket: u32) -> u32 {
        let Some(block) = self.blocks.get(bucket as usize / 64) else {
            return 0;
        };
        let bit = 1u64 << (bucket % 64);
        let has = u32::from(block.bits & bit != 0);
        (block.before + (block.bits & (bit - 1)).count_ones() + 1) * has
    }

    /// Every bucket with a row and its row, in bucket order.
    pub fn buckets(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.blocks.iter().enumerate().flat_map(|(b, block)| {
            let base = b as u32 * 64;
            (0..64u32)
                .filter(move |i| block.bits & (1 << i) != 0)
                .enumerate()
                .map(move |(k, i)| (base + i, block.before + k as u32))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_numbered_in_bucket_order() {
        let size = 1000;
        let buckets: Vec<u32> = (0..size as u32)
            .filter(|b| b.wrapping_mul(2_654_435_761) % 7 < 2)
            .collect();
        let index = RowIndex::new(size, buckets.iter().copied()).unwrap();
        // The table this replaces: one more than the row per bucket, 0 for none.
        let mut dense = vec![0u32; size];
        for (row, &b) in buckets.iter().enumerate() {
            dense[b as usize] = row as u32 + 1;
        }
        for (b, &slot) in dense.iter().enumerate() {
            assert_eq!(index.slot(b as u32), slot, "bucket {b}");
        }
        assert_eq!(index.slot(size as u32 + 64), 0);
        let listed: Vec<(u32, u32)> = index.buckets().collect();
        let expected: Vec<(u32, u32)> = buckets.iter().copied().zip(0..).collect();
        assert_eq!(listed, expected);
    }

    #[test]
    fn refuses_unordered_or_outside_buckets() {
        assert!(RowIndex::new(128, [5, 5]).is_none());
        assert!(RowIndex::new(128, [9, 3]).is_none());
        assert!(RowIndex::new(128, [200]).is_none());
        assert!(RowIndex::new(128, [0, 127]).is_some());
    }
}
