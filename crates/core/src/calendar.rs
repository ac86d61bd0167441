//! The names of months and weekdays, defined once for every annotator that reads dates: full
//! names and the abbreviations news copy writes ("Aug.", "Sept", "Thurs"), lowercase, with
//! their number (January = 1, Monday = 1).

/// Month names and abbreviations with their number.
pub const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names and abbreviations with their number.
pub const WEEKDAYS: [(&str, u32); 17] = [
    ("monday", 1),
    ("mon", 1),
    ("tuesday", 2),
    ("tue", 2),
    ("tues", 2),
    ("wednesday", 3),
    ("wed", 3),
    ("thursday", 4),
    ("thu", 4),
    ("thur", 4),
    ("thurs", 4),
    ("friday", 5),
    ("fri", 5),
    ("saturday", 6),
    ("sat", 6),
    ("sunday", 7),
    ("sun", 7),
];

/// The number of the month `word` names, in any case, with or without an abbreviation's
/// period ("Aug.").
pub fn month(word: &str) -> Option<u32> {
    lookup(&MONTHS, word)
}

/// The number of the weekday `word` names, in any case ("Sat." is Saturday).
pub fn weekday(word: &str) -> Option<u32> {
    lookup(&WEEKDAYS, word)
}

fn lookup(table: &[(&str, u32)], word: &str) -> Option<u32> {
    let word = word.strip_suffix('.').unwrap_or(word);
    table
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_abbreviations() {
        assert_eq!(month("Aug."), Some(8));
        assert_eq!(month("SEPTEMBER"), Some(9));
        assert_eq!(weekday("Thurs"), Some(4));
        assert_eq!(weekday("Mayday"), None);
    }
}
