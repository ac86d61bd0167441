//! Reading the commented word lists of `crates/voice/lexicon/`: one lowercased word per line,
//! text after `#` a comment, blank lines ignored.

/// The words of a list, in file order.
pub(crate) fn words(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|word| !word.is_empty())
}
