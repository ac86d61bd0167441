//! Name keys for matching entities across documents.
//!
//! A name is folded to ASCII lowercase words with honorifics dropped ([`words`]). Two names
//! match exactly when their words are equal, and loosely when their *consonant skeletons*
//! are equal: each word without vowels (counting `y`), doubled letters, `h` after another
//! consonant, and the `w`/`v` distinction. The skeleton absorbs the usual transliteration
//! variants (Mikheil/Mikhail → `mkl`, Dmitry/Dmitri → `dmtr`, Sergei/Sergey → `srg`) and vowel
//! slips and transpositions of vowels ("Tiblisi"/"Tbilisi" → `tblss`).

/// Words that precede a name without being part of it.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "premier",
    "prime",
    "minister",
    "gen",
    "general",
    "col",
    "colonel",
    "lt",
    "sgt",
    "capt",
    "captain",
    "gov",
    "governor",
    "sen",
    "senator",
    "rep",
    "rev",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "the",
];

/// The folded words of `name`: ASCII, lowercase, without punctuation or honorifics.
pub fn words(name: &str) -> Vec<String> {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut out: Vec<String> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').to_string())
        .filter(|w| !w.is_empty())
        .collect();
    // Drop a possessive "s" left by "Georgia's".
    out.retain(|w| w != "s");
    while out.len() > 1 && HONORIFICS.contains(&out[0].as_str()) {
        out.remove(0);
    }
    out
}

/// The exact matching key: folded words joined by spaces.
pub fn exact_key(name: &str) -> String {
    words(name).join(" ")
}

/// The loose matching key: the consonant skeleton of each folded word.
pub fn skeleton_key(name: &str) -> String {
    words(name)
        .iter()
        .map(|w| skeleton(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The consonant skeleton of one folded word.
pub fn skeleton(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut previous: Option<char> = None;
    for (i, c) in word.chars().enumerate() {
        let c = if c == 'w' { 'v' } else { c };
        let is_vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        let silent_h =
            c == 'h' && previous.is_some_and(|p| !matches!(p, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'));
        // A leading vowel carries identity ("Abkhazia" vs "Bkhazia" do not exist, but
        // "Ossetia"/"Estonia" must stay apart).
        let keep = (i == 0 && is_vowel) || (!is_vowel && !silent_h);
        if keep && !out.ends_with(c) {
            out.push(c);
        }
        previous = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honorifics_and_accents_fold_away() {
        assert_eq!(
            exact_key("President Mikheil Saakashvili"),
            "mikheil saakashvili"
        );
        assert_eq!(exact_key("Mr. Lavrov"), "lavrov");
        assert_eq!(exact_key("Škoda"), "skoda");
    }

    #[test]
    fn transliterations_share_a_skeleton() {
        assert_eq!(
            skeleton_key("Mikheil Saakashvili"),
            skeleton_key("Mikhail Saakashvili")
        );
        assert_eq!(skeleton("dmitry"), skeleton("dmitri"));
        assert_eq!(skeleton("sergei"), skeleton("sergey"));
        assert_eq!(skeleton("tbilisi"), skeleton("tiblisi"));
        assert_ne!(skeleton("ossetia"), skeleton("estonia"));
        assert_ne!(skeleton_key("Sergei Lavrov"), skeleton_key("Sergei Ivanov"));
    }
}
