//! The word lists the paragraph roles read, kept as commented data files under `data/`: one
//! entry a line, `#` starting a comment.

use std::sync::LazyLock;

/// The entries of a word-list file.
fn entries(list: &'static str) -> Vec<&'static str> {
    list.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Words of a lead-in to pasted copy ("from", "via", "writes", "said"), each with whether it
/// introduces speech (`true`) or a document.
pub static LEAD_INS: LazyLock<Vec<(&str, bool)>> = LazyLock::new(|| {
    entries(include_str!("../data/lead_ins.txt"))
        .into_iter()
        .filter_map(|l| l.split_once(' '))
        .map(|(w, kind)| (w, kind.trim() == "speech"))
        .collect()
});

/// First-person singular words ("I", "my").
pub static SINGULAR_PRONOUNS: LazyLock<Vec<&str>> =
    LazyLock::new(|| entries(include_str!("../data/singular_pronouns.txt")));

/// First-person plural and second-person words ("we're", "your").
pub static VOICE_PRONOUNS: LazyLock<Vec<&str>> =
    LazyLock::new(|| entries(include_str!("../data/voice_pronouns.txt")));

/// Openings of a blogger's comment on pasted copy ("of course", "in other words").
pub static COMMENTARY_OPENERS: LazyLock<Vec<&str>> =
    LazyLock::new(|| entries(include_str!("../data/commentary_openers.txt")));

/// Nouns naming pasted copy ("story", "poll").
pub static SOURCE_NOUNS: LazyLock<Vec<&str>> =
    LazyLock::new(|| entries(include_str!("../data/source_nouns.txt")));

/// Words of a date label besides month, weekday names and numbers ("at", "GMT").
pub static DATE_LABEL_WORDS: LazyLock<Vec<&str>> =
    LazyLock::new(|| entries(include_str!("../data/date_label_words.txt")));

/// Whether `list` holds `word`, in any ASCII case.
pub fn holds(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}
