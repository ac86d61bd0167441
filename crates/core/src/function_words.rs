//! Closed-class words (articles, possessives, prepositions, conjunctions, pronouns, modals)
//! and their classes, from `crates/core/data/function_words.txt`: one list that the entity
//! layer (noun phrases, pronouns, headlines) and cross-document resolution (unnamed actors
//! owned by a possessive) both read.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The classes of a closed-class word (`data/function_words.txt`), as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FunctionWord(u16);

impl FunctionWord {
    pub const DETERMINER: FunctionWord = FunctionWord(1);
    pub const POSSESSIVE: FunctionWord = FunctionWord(1 << 1);
    pub const PREPOSITION: FunctionWord = FunctionWord(1 << 2);
    pub const CONJUNCTION: FunctionWord = FunctionWord(1 << 3);
    pub const SUBJECT: FunctionWord = FunctionWord(1 << 4);
    pub const MODAL: FunctionWord = FunctionWord(1 << 5);
    pub const MALE: FunctionWord = FunctionWord(1 << 6);
    pub const FEMALE: FunctionWord = FunctionWord(1 << 7);
    pub const PLURAL: FunctionWord = FunctionWord(1 << 8);
    pub const NEUTER: FunctionWord = FunctionWord(1 << 9);
    pub const RELATIVE: FunctionWord = FunctionWord(1 << 10);
    pub const DEFINITE: FunctionWord = FunctionWord(1 << 11);

    fn named(class: &str) -> FunctionWord {
        match class {
            "determiner" => Self::DETERMINER,
            "possessive" => Self::POSSESSIVE,
            "preposition" => Self::PREPOSITION,
            "conjunction" => Self::CONJUNCTION,
            "subject" => Self::SUBJECT,
            "modal" => Self::MODAL,
            "male" => Self::MALE,
            "female" => Self::FEMALE,
            "plural" => Self::PLURAL,
            "neuter" => Self::NEUTER,
            "relative" => Self::RELATIVE,
            "definite" => Self::DEFINITE,
            _ => FunctionWord(0),
        }
    }

    /// Whether the word has any of the classes in `classes`.
    pub fn is(self, classes: FunctionWord) -> bool {
        self.0 & classes.0 != 0
    }
}

impl std::ops::BitOr for FunctionWord {
    type Output = FunctionWord;
    fn bitor(self, other: FunctionWord) -> FunctionWord {
        FunctionWord(self.0 | other.0)
    }
}

static WORDS: LazyLock<HashMap<String, FunctionWord>> = LazyLock::new(|| {
    crate::text::data_lines(include_str!("../data/function_words.txt"))
        .filter_map(|line| line.split_once('|'))
        .map(|(word, classes)| {
            let class = classes
                .split_whitespace()
                .fold(FunctionWord::default(), |c, name| {
                    c | FunctionWord::named(name)
                });
            (word.trim().to_string(), class)
        })
        .collect()
});

/// The classes of `word` (any case) as a closed-class word: none when it is not one.
pub fn class_of(word: &str) -> FunctionWord {
    if word.len() > 12 || !word.is_ascii() {
        return FunctionWord::default();
    }
    WORDS
        .get(&word.to_ascii_lowercase())
        .copied()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_their_classes() {
        assert!(class_of("The").is(FunctionWord::DETERMINER));
        assert!(class_of("her").is(FunctionWord::POSSESSIVE));
        assert!(class_of("her").is(FunctionWord::FEMALE));
        assert!(class_of("who").is(FunctionWord::RELATIVE));
        assert_eq!(class_of("gunman"), FunctionWord::default());
    }
}
