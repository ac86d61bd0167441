//! The abbreviation layer: words whose trailing period does not end a sentence.
//!
//! Two kinds. Titles and other abbreviations that always precede more of the sentence
//! ("Mr.", "Gen.", "Aug.") never end one. Abbreviations that may also end a sentence
//! ("U.S.", "Inc.", "etc.") end one only when the next word is a common sentence opener.

/// Abbreviations that are never the last word of a sentence (compared without the period,
/// case-sensitively, because "No." and "no." differ).
const NON_TERMINAL: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Sgt",
    "Cpl", "Pvt", "Adm", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "Det", "Insp", "St",
    "Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "No", "Nos", "Art", "Vol", "vs", "v", "approx", "est", "Fig", "fig", "cf", "e.g", "i.e",
    "Ave", "Blvd", "Rd", "Sr", "Jr",
];

/// Abbreviations that may end a sentence.
const MAYBE_TERMINAL: &[&str] = &[
    "Inc", "Corp", "Ltd", "Co", "Bros", "etc", "a.m", "p.m", "U.S", "U.K", "U.N", "E.U", "U.S.A",
];

/// Words that commonly open a sentence; after a maybe-terminal abbreviation they signal a break.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "There",
    "When",
    "After",
    "Before",
    "While",
    "However",
    "Meanwhile",
    "According",
    "Some",
    "Many",
    "Most",
];

/// How a word followed by a period behaves at a potential sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    NotAbbreviation,
    NonTerminal,
    MaybeTerminal,
}

/// Classifies `word` (the word before a period, without the period).
pub fn classify(word: &str) -> Abbreviation {
    if NON_TERMINAL.contains(&word) {
        return Abbreviation::NonTerminal;
    }
    if MAYBE_TERMINAL.contains(&word) {
        return Abbreviation::MaybeTerminal;
    }
    let mut chars = word.chars();
    // A single capital letter is an initial ("John F. Kennedy").
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return Abbreviation::NonTerminal;
        }
    }
    // Dotted letters ("U.S", "a.m") are abbreviations of either kind; treat unknown ones
    // as possibly terminal.
    if word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() <= 2 && !p.is_empty())
    {
        return Abbreviation::MaybeTerminal;
    }
    Abbreviation::NotAbbreviation
}

/// Whether `word` commonly opens a sentence.
pub fn is_sentence_opener(word: &str) -> bool {
    SENTENCE_OPENERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_titles_initials_and_dotted_forms() {
        assert_eq!(classify("Mr"), Abbreviation::NonTerminal);
        assert_eq!(classify("Aug"), Abbreviation::NonTerminal);
        assert_eq!(classify("J"), Abbreviation::NonTerminal);
        assert_eq!(classify("U.S"), Abbreviation::MaybeTerminal);
        assert_eq!(classify("N.Y"), Abbreviation::MaybeTerminal);
        assert_eq!(classify("troops"), Abbreviation::NotAbbreviation);
        assert_eq!(classify("I"), Abbreviation::NonTerminal);
    }
}
