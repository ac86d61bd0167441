//! Parsing the lexicon files and matching their phrases against token sequences.
//!
//! A phrase is stored under the hash of its normalized tokens, so a lookup costs one hash map
//! probe per candidate length and never allocates.

use super::{normalized_key, Kind, SOURCES};
use crate::hash::{Fnv, KeyMap, KeySet};

/// A lexicon phrase found in a token sequence: tokens `[start, end)` and the phrase's kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMatch {
    pub start: usize,
    pub end: usize,
    pub kinds: u32,
}

#[derive(Debug, Default)]
pub struct Lexicon {
    phrases: KeyMap<u32>,
    /// Demonym phrase key → the country's name as written in the lexicon.
    demonyms: KeyMap<String>,
    /// Keys of every proper prefix of a phrase ("united" of "united nations"): a scan stops
    /// extending a match as soon as no phrase can continue it.
    prefixes: KeySet,
    max_len: usize,
}

/// The key of a phrase given its tokens' word keys.
fn phrase_key(word_keys: &[u64]) -> u64 {
    word_keys
        .iter()
        .fold(Fnv::new(1), |h, &k| h.word(k))
        .finish()
}

/// Splits a lexicon phrase into tokens the way the segmenter would ("U.S." stays whole,
/// "Côte d'Ivoire" and "Guinea-Bissau" stay whole words, "St. Louis" keeps "St.").
fn phrase_words(phrase: &str) -> impl Iterator<Item = &str> {
    phrase.split_whitespace()
}

impl Lexicon {
    /// The lexicon of the compiled-in files.
    pub fn builtin() -> Lexicon {
        let mut lexicon = Lexicon::default();
        for (name, text) in SOURCES {
            lexicon.load(name, text);
        }
        lexicon
    }

    fn load(&mut self, source: &str, text: &str) {
        for (phrase, extra) in super::entries(text) {
            if (source, extra) == ("first_names", "?") {
                // Used for both genders: a first name, but no gender evidence.
                self.insert(phrase, Kind::MaleName.bit() | Kind::FemaleName.bit());
                continue;
            }
            let kind = match (source, extra) {
                ("countries", _) => Kind::Country,
                ("cities", _) => Kind::City,
                ("regions", _) => Kind::Region,
                ("places", _) => Kind::Place,
                ("demonyms", _) => Kind::Demonym,
                ("groups", _) => Kind::Group,
                ("organizations", _) => Kind::Organization,
                ("companies", _) => Kind::Company,
                ("clubs", _) => Kind::Club,
                ("first_names", "f") => Kind::FemaleName,
                ("first_names", _) => Kind::MaleName,
                ("titles", _) => Kind::Title,
                ("honorifics", _) => Kind::Honorific,
                ("head_words", "fac") => Kind::FacilityWord,
                ("head_words", "place") => Kind::PlaceWord,
                ("head_words", "event") => Kind::EventWord,
                ("head_words", _) => Kind::OrgWord,
                ("calendar", _) => Kind::Calendar,
                ("agencies", _) => Kind::Agency,
                _ => Kind::EventWord,
            };
            let key = self.insert(phrase, kind.bit());
            if kind == Kind::Demonym && !extra.is_empty() {
                self.demonyms.insert(key, extra.to_string());
            }
        }
    }

    /// Adds `bits` to the kinds of `phrase`; returns the phrase's key.
    fn insert(&mut self, phrase: &str, bits: u32) -> u64 {
        let keys: Vec<u64> = phrase_words(phrase).map(normalized_key).collect();
        self.max_len = self.max_len.max(keys.len());
        let key = phrase_key(&keys);
        if !keys.is_empty() {
            *self.phrases.entry(key).or_default() |= bits;
        }
        for end in 1..keys.len() {
            self.prefixes.insert(phrase_key(&keys[..end]));
        }
        key
    }

    /// The kinds of the phrase made of exactly these word keys (0 when unknown).
    pub fn kinds_of_keys(&self, word_keys: &[u64]) -> u32 {
        if word_keys.is_empty() || word_keys.len() > self.max_len {
            return 0;
        }
        self.phrases
            .get(&phrase_key(word_keys))
            .copied()
            .unwrap_or(0)
    }

    /// The kinds of the phrase made of exactly these words (0 when unknown).
    pub fn kinds_of_words(&self, words: &[&str]) -> u32 {
        let keys: Vec<u64> = words.iter().map(|w| normalized_key(w)).collect();
        self.kinds_of_keys(&keys)
    }

    /// The country a demonym belongs to ("Georgian" → "Georgia").
    pub fn demonym_country(&self, demonym: &str) -> Option<&str> {
        let keys: Vec<u64> = phrase_words(demonym).map(normalized_key).collect();
        self.demonyms.get(&phrase_key(&keys)).map(String::as_str)
    }

    /// For each start position, the longest lexicon phrase starting there. The phrase key is
    /// extended a word at a time and the scan stops when no phrase continues the words so far,
    /// so a position costs about one lookup per word of its longest match.
    pub fn longest_matches(&self, word_keys: &[u64], out: &mut Vec<GazMatch>) {
        out.clear();
        for start in 0..word_keys.len() {
            let mut hash = Fnv::new(1);
            let mut longest: Option<(usize, u32)> = None;
            for (len, &word) in word_keys[start..].iter().take(self.max_len).enumerate() {
                hash = hash.word(word);
                let key = hash.finish();
                if let Some(&kinds) = self.phrases.get(&key).filter(|k| **k != 0) {
                    longest = Some((len + 1, kinds));
                }
                if !self.prefixes.contains(&key) {
                    break;
                }
            }
            if let Some((len, kinds)) = longest {
                out.push(GazMatch {
                    start,
                    end: start + len,
                    kinds,
                });
            }
        }
    }
}
