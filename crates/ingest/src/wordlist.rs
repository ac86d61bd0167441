//! The word lists of this crate, kept as commented data files under `data/`: one entry a line,
//! `#` starting a comment, blank lines left out.

/// The entries of a word-list file, trimmed.
pub(crate) fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}
