//! A crude suffix-stripping stem of a lowercase word, so that the learned cue classifier's
//! candidates and features carry over between a verb's forms ("endorsed", "endorses",
//! "endorsing" → "endors"; "denied", "denies", "deny" → "den"; "planned", "plans" → "plan").
//!
//! The stem is a prefix of the word, so it borrows and never allocates. It is not a
//! linguistic lemma: it only needs to map the forms of one verb to one key often enough.

/// The stem of `word`: without "-ing", "-ed", "-es" or "-s", then without a final "e", "y"
/// or "i", or else without one of a doubled final consonant ("called", "call" → "cal").
/// Words of fewer than four bytes, words not ending in four ASCII bytes, and stems that would
/// be shorter than three, are returned whole.
pub fn stem(word: &str) -> &str {
    let b = word.as_bytes();
    let n = b.len();
    // At most four bytes are cut: when they are ASCII every cut is a character boundary.
    if n < 4 || !b[n - 4..].is_ascii() {
        return word;
    }
    let cut = match (b[n - 2], b[n - 1]) {
        (b'n', b'g') if b[n - 3] == b'i' => 3,
        (b'e', b'd' | b's') => 2,
        (b's' | b'u', b's') => 0,
        (_, b's') => 1,
        _ => 0,
    };
    let mut end = n - cut;
    if end < 3 {
        return word;
    }
    let soft_end = matches!(b[end - 1], b'e' | b'y' | b'i');
    let doubled = b[end - 1] == b[end - 2] && !is_vowel(b[end - 1]);
    if end > 3 && (soft_end || doubled) {
        end -= 1;
    }
    &word[..end]
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn forms_of_one_verb_share_a_stem() {
        for group in [
            &["endorse", "endorsed", "endorses", "endorsing"][..],
            &["deny", "denied", "denies", "denying"],
            &["plan", "plans", "planned", "planning"],
            &["sing", "sings", "singing"],
            &["back", "backed", "backs", "backing"],
            &["claim", "claimed", "claims"],
            &["call", "calls", "called", "calling"],
        ] {
            let first = stem(group[0]);
            for w in group {
                assert_eq!(stem(w), first, "{w}");
            }
        }
        assert_eq!(stem("said"), "said");
        assert_eq!(stem("is"), "is");
        assert_eq!(stem("ing"), "ing");
        assert_eq!(stem("naïve"), "naïve");
    }
}
