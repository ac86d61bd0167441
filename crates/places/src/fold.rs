//! The matching key of a place name, the same for gazetteer names and for the text: ASCII
//! transliteration (`deunicode`: "Kärnten" → "karnten", "Zürich" → "zurich"), lowercase,
//! every run of characters other than letters and digits one space, and a leading "St",
//! "Mt" or "Ft" spelled out ("St. Louis" and "Saint Louis" are one key). A possessive "'s"
//! is dropped ("Iraq's" → "iraq").

/// The folded key of `name`; empty when it holds no letter or digit.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    fold_into(name, &mut out);
    out
}

/// [`fold`] into a buffer the caller reuses (the gazetteer folds some 700,000 names on
/// loading: one allocation each would be most of its load time).
pub fn fold_into(name: &str, out: &mut String) {
    out.clear();
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
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.is_empty() {
            let spelled = [("st", "saint"), ("mt", "mount"), ("ft", "fort")]
                .iter()
                .find(|(short, _)| word.eq_ignore_ascii_case(short));
            if let Some((_, long)) = spelled {
                out.push_str(long);
                continue;
            }
        } else {
            out.push(' ');
        }
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    }
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
