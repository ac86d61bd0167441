//! The matching key of a place name, the same for gazetteer names and for the text: ASCII
//! transliteration (`deunicode`: "Kärnten" → "karnten", "Zürich" → "zurich"), lowercase,
//! every run of characters other than letters and digits one space, and a leading "St",
//! "Mt" or "Ft" spelled out ("St. Louis" and "Saint Louis" are one key). A possessive "'s"
//! is dropped ("Iraq's" → "iraq").

/// The folded key of `name`; empty when it holds no letter or digit.
pub fn fold(name: &str) -> String {
    let name = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("’s"))
        .unwrap_or(name);
    // Most names are ASCII already; deunicode only the others.
    let ascii: std::borrow::Cow<str> = if name.is_ascii() {
        name.into()
    } else {
        deunicode::deunicode(name).into()
    };
    let mut out = String::with_capacity(ascii.len());
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        let lower = word.to_ascii_lowercase();
        let spelled = match lower.as_str() {
            "st" if out.is_empty() => "saint",
            "mt" if out.is_empty() => "mount",
            "ft" if out.is_empty() => "fort",
            other => other,
        };
        out.push_str(spelled);
    }
    out
}

/// The hash a folded key is indexed under (the entity layer's word hash, shared).
pub fn key_hash(folded: &str) -> u64 {
    parallax_entities::hash::word_key(folded)
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_accents_case_punctuation_and_abbreviations() {
        assert_eq!(fold("Kärnten"), "karnten");
        assert_eq!(fold("St. Louis"), "saint louis");
        assert_eq!(fold("Saint-Louis"), "saint louis");
        assert_eq!(fold("Iraq's"), "iraq");
        assert_eq!(fold("U.S."), "u s");
        assert_eq!(fold("  "), "");
        // Only a first word is an abbreviation: "Main St" stays.
        assert_eq!(fold("Main St"), "main st");
    }
}
