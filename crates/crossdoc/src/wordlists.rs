//! The word-list data files of the cross-document stages (`data/*.txt`): one entry a line,
//! `#` starting a comment, read once where they are used.

/// The entries of a word-list file: one a line, trimmed, comments and blank lines left out.
pub fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}
