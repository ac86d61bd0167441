//! Bounded comparison over posting lists, shared by the stages that find candidate pairs
//! through an inverted index (reuse, quote groups).
//!
//! An all-pairs pass over a posting list costs the square of its length: a passage that 22
//! outlets ran has 231 pairs of copies to verify, and agency copy in a large corpus runs in
//! many more. Instead every entry is compared with at most [`ANCHORS`] entries before it in
//! the list — the earliest that it may be compared with — so the cost of a group of `n` copies
//! is at most `ANCHORS × n`, linear in the group.
//!
//! The rule changes nothing for lists of at most `ANCHORS + 1` entries: there, every entry is
//! compared with every comparable entry before it, exactly as an all-pairs pass would. In
//! longer lists the groups the pairs build (connected components) stay the same as long as
//! each copy matches one of the earliest copies, which is what copies do; only the pairs of
//! two late copies are no longer verified.

/// How many earlier entries of a posting list each entry is compared with.
pub const ANCHORS: usize = 8;

/// The entries an entry is compared with, given the entries before it in its posting list
/// (`earlier`, in list order): the first [`ANCHORS`] that `comparable` accepts.
pub fn anchors<'a, T>(
    earlier: &'a [T],
    mut comparable: impl FnMut(&T) -> bool + 'a,
) -> impl Iterator<Item = &'a T> + 'a {
    earlier.iter().filter(move |x| comparable(x)).take(ANCHORS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_compare_every_pair() {
        let list: Vec<usize> = (0..=ANCHORS).collect();
        let pairs: usize = (0..list.len())
            .map(|i| anchors(&list[..i], |_| true).count())
            .sum();
        assert_eq!(pairs, list.len() * (list.len() - 1) / 2);
    }

    #[test]
    fn long_lists_compare_each_entry_with_the_earliest_comparable() {
        let list: Vec<usize> = (0..100).collect();
        let odd: Vec<usize> = anchors(&list[..50], |x| x % 2 == 1).copied().collect();
        assert_eq!(odd, [1, 3, 5, 7, 9, 11, 13, 15]);
        let pairs: usize = (0..list.len())
            .map(|i| anchors(&list[..i], |_| true).count())
            .sum();
        assert!(pairs <= ANCHORS * list.len());
    }
}
