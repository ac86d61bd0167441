//! Repairing text that was decoded twice ("mojibake"): UTF-8 bytes read as windows-1252 (or
//! Latin-1) and saved again as UTF-8 turn "’" into "â€™", and a second round turns it into
//! "Ã¢â‚¬â„¢". Scrapers and CMS exports do this often, to titles above all.
//!
//! A character sequence is a candidate when its windows-1252 bytes form one UTF-8 character:
//! a lead byte followed by its continuation bytes (0x80–0xBF). Only leads that such damage
//! produces in news text are considered — `Â`–`Ë` (0xC2–0xCB: Latin letters and accents),
//! `â` (0xE2: punctuation, currency and symbols such as ’ “ – € ™) and `ð` (0xF0: emoji) —
//! and the character the bytes decode to must lie in the block that lead belongs to. A text is
//! repaired only when it holds at least one unmistakable sequence (a lead `Ã` or `Â`, or `â€`,
//! `â‚`, `â„`, `ðŸ`): "groß“" or a French "Ça" stay as written. Repair runs again on its own
//! output (at most three rounds), which undoes double decoding.

use encoding_rs::WINDOWS_1252;
use std::sync::OnceLock;

/// Rounds of repair at most: three undoes a text decoded wrongly three times.
const MAX_ROUNDS: usize = 3;

/// The repaired text and how many sequences were replaced, or `None` when nothing was.
pub fn repair(text: &str) -> Option<(String, usize)> {
    if !text.contains(['Ã', 'Â', 'â', 'ð']) {
        return None;
    }
    let mut current = text.to_string();
    let mut total = 0;
    for _ in 0..MAX_ROUNDS {
        match repair_round(&current) {
            Some((next, n)) => {
                current = next;
                total += n;
            }
            None => break,
        }
    }
    (total > 0).then_some((current, total))
}

/// The windows-1252 byte of each character 0x80–0x9F decodes to.
fn high_table() -> &'static [char; 32] {
    static TABLE: OnceLock<[char; 32]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = ['\0'; 32];
        for (i, slot) in table.iter_mut().enumerate() {
            let byte = [0x80 + i as u8];
            let (decoded, _) = WINDOWS_1252.decode_without_bom_handling(&byte);
            *slot = decoded.chars().next().unwrap_or('\u{FFFD}');
        }
        table
    })
}

/// The windows-1252 byte written as `c`, for the bytes 0x80–0xFF (the five bytes
/// windows-1252 leaves undefined come back as the C1 controls of Latin-1).
fn cp1252_byte(c: char) -> Option<u8> {
    let code = c as u32;
    if (0xA0..=0xFF).contains(&code) || (0x80..=0x9F).contains(&code) {
        return Some(code as u8);
    }
    high_table()
        .iter()
        .position(|&t| t == c)
        .map(|i| 0x80 + i as u8)
}

/// How many continuation bytes a lead byte takes, and the block its character must lie in.
fn lead(byte: u8) -> Option<(usize, std::ops::RangeInclusive<u32>)> {
    match byte {
        0xC2..=0xCB => Some((1, 0x80..=0x2FF)),
        0xE2 => Some((2, 0x2000..=0x2BFF)),
        0xF0 => Some((3, 0x1F000..=0x1FAFF)),
        _ => None,
    }
}

/// One pass: each candidate sequence replaced by its character.
fn repair_round(text: &str) -> Option<(String, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found: Vec<(usize, usize, char)> = Vec::new(); // (first char, char count, repaired)
    let mut unmistakable = false;
    let mut i = 0;
    while i < chars.len() {
        let Some((need, block)) = cp1252_byte(chars[i].1).and_then(lead) else {
            i += 1;
            continue;
        };
        let mut bytes = vec![cp1252_byte(chars[i].1).unwrap_or(0)];
        for k in 1..=need {
            match chars.get(i + k).and_then(|(_, c)| cp1252_byte(*c)) {
                Some(b @ 0x80..=0xBF) => bytes.push(b),
                _ => break,
            }
        }
        let decoded = (bytes.len() == need + 1)
            .then(|| std::str::from_utf8(&bytes).ok()?.chars().next())
            .flatten()
            .filter(|c| block.contains(&(*c as u32)));
        match decoded {
            Some(c) => {
                unmistakable |= matches!(bytes[..2], [0xC2 | 0xC3, _] | [0xE2, 0x80 | 0x82 | 0x84])
                    || bytes.starts_with(&[0xF0, 0x9F]);
                found.push((i, need + 1, c));
                i += need + 1;
            }
            None => i += 1,
        }
    }
    if !unmistakable {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for &(first, count, c) in &found {
        let start = chars[first].0;
        out.push_str(&text[at..start]);
        out.push(c);
        at = chars
            .get(first + count)
            .map_or(text.len(), |(offset, _)| *offset);
    }
    out.push_str(&text[at..]);
    Some((out, found.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_and_double_decoding_are_undone() {
        assert_eq!(
            repair("Itâ€™s the â€œbestâ€\u{9d} cafÃ© â€“ 5 â‚¬").unwrap(),
            ("It’s the “best” café – 5 €".to_string(), 6)
        );
        let (text, _) = repair("Ã¢â‚¬Ëœthe pastÃ¢â‚¬â„¢").unwrap();
        assert_eq!(text, "‘the past’");
        assert_eq!(repair("Thumbs ðŸ‘\u{8d}").unwrap().0, "Thumbs 👍");
    }

    #[test]
    fn correct_text_is_left_alone() {
        for text in [
            "Plain ASCII text.",
            "Der Mann sagte „groß“ und ging.",
            "« Ça va », dit-il au château.",
            "Ångström, Ærø, Øresund, Ñandú, São Paulo",
            "Prices: £5, ¥300, ©2024, 25°C",
            "It’s “fine” — really.",
        ] {
            assert_eq!(repair(text), None, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn repair_never_panics_and_only_shortens(text in "(\\PC|[ÃÂâðËœ€™‚¬Ÿ‘\u{8d}\u{9d}]){0,40}") {
            if let Some((repaired, count)) = repair(&text) {
                proptest::prop_assert!(count > 0);
                proptest::prop_assert!(repaired.chars().count() < text.chars().count());
            }
        }
    }
}
