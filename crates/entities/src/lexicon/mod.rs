//! Lexicons written for Parallax from public facts: countries, capitals and major cities,
//! regions, demonyms, international organizations, companies and clubs, first names with their
//! usual gender, titles and roles, and the head words that mark facilities, places,
//! organizations and events.
//!
//! They serve twice: as gazetteer features for the tagger (whether a phrase is a known country,
//! a first name, …) and as the rules that refine the tagger's four CoNLL classes into
//! Parallax's eight types (a known country is a GPE, a demonym is a NORP, …).
//!
//! The lists live in `crates/entities/lexicon/*.txt`, one entry a line, `#` starting a comment;
//! entries are matched case- and accent-insensitively, token by token. The files of `SOURCES`
//! are the tagger's gazetteer; those of [`lists`] are read by resolution only, so that adding
//! to them never changes what the trained tagger sees.

pub mod lists;
mod matcher;

pub use matcher::{GazMatch, Lexicon};

/// What a lexicon entry is. Kinds are bits so that one phrase may be several ("Georgia").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum Kind {
    Country = 1 << 0,
    City = 1 << 1,
    /// States, provinces and other regions with a government.
    Region = 1 << 2,
    /// Continents, seas, mountain ranges and other places without a government.
    Place = 1 << 3,
    Demonym = 1 << 4,
    /// Religious and political groups ("Muslim", "Republicans").
    Group = 1 << 5,
    /// International and governmental organizations.
    Organization = 1 << 6,
    Company = 1 << 7,
    /// Sports clubs and national teams' usual names.
    Club = 1 << 8,
    MaleName = 1 << 9,
    FemaleName = 1 << 10,
    /// Titles and roles written before a name ("President", "Foreign Minister").
    Title = 1 << 11,
    /// Honorifics that carry no role ("Mr", "Mrs", "Sir").
    Honorific = 1 << 12,
    /// Words that make a name a facility ("Airport", "Bridge").
    FacilityWord = 1 << 13,
    /// Words that make a name a place ("River", "Mountains").
    PlaceWord = 1 << 14,
    /// Words that make a name an organization ("Party", "Inc").
    OrgWord = 1 << 15,
    /// Words that make a name an event ("War", "Olympics").
    EventWord = 1 << 16,
    /// Months and weekdays: capitalized but never names in news.
    Calendar = 1 << 17,
    /// News agencies, as in datelines ("(AP)").
    Agency = 1 << 18,
}

impl Kind {
    pub const ALL: [Kind; 19] = [
        Kind::Country,
        Kind::City,
        Kind::Region,
        Kind::Place,
        Kind::Demonym,
        Kind::Group,
        Kind::Organization,
        Kind::Company,
        Kind::Club,
        Kind::MaleName,
        Kind::FemaleName,
        Kind::Title,
        Kind::Honorific,
        Kind::FacilityWord,
        Kind::PlaceWord,
        Kind::OrgWord,
        Kind::EventWord,
        Kind::Calendar,
        Kind::Agency,
    ];

    pub fn bit(self) -> u32 {
        self as u32
    }

    /// A small stable number for feature hashing.
    pub fn ordinal(self) -> u8 {
        (self as u32).trailing_zeros() as u8
    }
}

/// The lexicon files and the kind each one's entries have.
pub(crate) const SOURCES: [(&str, &str); 16] = [
    ("countries", include_str!("../../lexicon/countries.txt")),
    ("cities", include_str!("../../lexicon/cities.txt")),
    ("regions", include_str!("../../lexicon/regions.txt")),
    ("places", include_str!("../../lexicon/places.txt")),
    ("demonyms", include_str!("../../lexicon/demonyms.txt")),
    ("groups", include_str!("../../lexicon/groups.txt")),
    (
        "organizations",
        include_str!("../../lexicon/organizations.txt"),
    ),
    ("companies", include_str!("../../lexicon/companies.txt")),
    ("clubs", include_str!("../../lexicon/clubs.txt")),
    ("first_names", include_str!("../../lexicon/first_names.txt")),
    ("titles", include_str!("../../lexicon/titles.txt")),
    ("honorifics", include_str!("../../lexicon/honorifics.txt")),
    ("head_words", include_str!("../../lexicon/head_words.txt")),
    ("calendar", include_str!("../../lexicon/calendar.txt")),
    ("agencies", include_str!("../../lexicon/agencies.txt")),
    ("event_names", include_str!("../../lexicon/event_names.txt")),
];

/// The entries of a list file: each line's phrase and the text after its `|` (empty when it
/// has none), comments (`#` to the end of the line) and blank lines skipped.
pub(crate) fn entries(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines().filter_map(|line| {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            return None;
        }
        Some(match line.split_once('|') {
            Some((p, e)) => (p.trim(), e.trim()),
            None => (line, ""),
        })
    })
}

/// The lexicon built from the files compiled into the crate.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(Lexicon::builtin);
    &LEXICON
}

/// The form used to match words: lowercase, accents removed ("São" → "sao").
pub fn normalize(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        deunicode::deunicode(word).to_lowercase()
    }
}

/// The word key of [`normalize`]`(word)`: the key every word list is looked up by.
///
/// ASCII words, nearly all of them, are lowercased on the stack: one call a token in several
/// places, where allocating the lowercase word cost more than hashing it.
pub fn normalized_key(word: &str) -> u64 {
    const MAX: usize = 64;
    let bytes = word.as_bytes();
    if bytes.len() <= MAX && bytes.is_ascii() {
        let mut buf = [0u8; MAX];
        let lower = &mut buf[..bytes.len()];
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        crate::hash::bytes_key(lower)
    } else {
        crate::hash::word_key(&normalize(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> u32 {
        let words: Vec<&str> = text.split(' ').collect();
        lexicon().kinds_of_words(&words)
    }

    #[test]
    fn knows_countries_demonyms_and_names() {
        assert_ne!(kinds("Georgia") & Kind::Country.bit(), 0);
        assert_ne!(kinds("South Ossetia") & Kind::Region.bit(), 0);
        assert_ne!(kinds("Ossetian") & Kind::Demonym.bit(), 0);
        assert_ne!(kinds("Mikheil") & Kind::MaleName.bit(), 0);
        assert_ne!(kinds("tbilisi") & Kind::City.bit(), 0);
        assert_ne!(kinds("São Paulo") & Kind::City.bit(), 0);
        assert_eq!(kinds("lamb"), 0);
        assert_eq!(lexicon().demonym_country("Russian"), Some("Russia"));
    }

    #[test]
    fn normalized_keys_are_the_keys_of_normalized_words() {
        for word in [
            "Saakashvili",
            "U.S.",
            "SÃO",
            "São",
            "",
            "x".repeat(80).as_str(),
        ] {
            assert_eq!(
                normalized_key(word),
                crate::hash::word_key(&normalize(word)),
                "{word}"
            );
        }
    }
}
