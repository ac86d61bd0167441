//! Titles, roles and honorifics around person names.
//!
//! A title written before a name ("President", "Foreign Minister", "rebel leader") is kept as
//! the mention's role and is not part of the name's span; an honorific ("Mr", "Mrs") is
//! dropped from the span too, but is not a role. Both tell the resolver a gender when they have
//! one. The longest title in the lexicon wins ("Foreign Minister" over "Minister").

use crate::lexicon::{lexicon, Kind};

/// Most words a title phrase may have.
const MAX_TITLE_WORDS: usize = 4;

/// A person's gender as far as the text tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

/// A title or honorific found next to a name: how many tokens it covers, whether it is a role,
/// and the gender it implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    pub len: usize,
    pub is_role: bool,
    pub gender: Gender,
}

/// The longest title or honorific that ends exactly at the end of `words`.
pub fn title_before(words: &[&str]) -> Option<Title> {
    let longest = MAX_TITLE_WORDS.min(words.len());
    (1..=longest)
        .rev()
        .find_map(|len| title_of(&words[words.len() - len..]))
}

/// The longest title or honorific that starts exactly at the start of `words`.
pub fn title_at_start(words: &[&str]) -> Option<Title> {
    let longest = MAX_TITLE_WORDS.min(words.len());
    (1..=longest).rev().find_map(|len| title_of(&words[..len]))
}

fn title_of(words: &[&str]) -> Option<Title> {
    let kinds = lexicon().kinds_of_words(words);
    let is_role = kinds & Kind::Title.bit() != 0;
    if !is_role && kinds & Kind::Honorific.bit() == 0 {
        return None;
    }
    Some(Title {
        len: words.len(),
        is_role,
        gender: gender_of_title(words),
    })
}

/// The gender a title or honorific implies, when it implies one.
fn gender_of_title(words: &[&str]) -> Gender {
    let last = words
        .last()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .unwrap_or_default();
    match last.as_str() {
        "mr" | "mister" | "sir" | "lord" | "king" | "prince" | "emperor" | "herr" | "monsieur"
        | "spokesman" | "congressman" | "chairman" | "father" | "pope" | "sultan" | "emir" => {
            Gender::Male
        }
        "mrs" | "ms" | "miss" | "madam" | "madame" | "mme" | "dame" | "lady" | "queen"
        | "princess" | "frau" | "spokeswoman" | "congresswoman" | "chairwoman" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// The gender a first name usually has, when the lexicon knows it as one gender only.
pub fn gender_of_first_name(word: &str) -> Gender {
    let kinds = lexicon().kinds_of_words(&[word]);
    let male = kinds & Kind::MaleName.bit() != 0;
    let female = kinds & Kind::FemaleName.bit() != 0;
    match (male, female) {
        (true, false) => Gender::Male,
        (false, true) => Gender::Female,
        // A month that is also a given name ("June Davis"): the gazetteer lists it as a
        // month only, since the tagger must keep reading "June 5" as a date.
        (false, false) => crate::lexicon::lists::lists()
            .given_name_month(&crate::lexicon::normalize(word))
            .unwrap_or(Gender::Unknown),
        _ => Gender::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_longest_title() {
        let t = title_before(&["the", "Georgian", "Foreign", "Minister"]).unwrap();
        assert_eq!((t.len, t.is_role), (2, true));
        let t = title_before(&["by", "rebel", "leader"]).unwrap();
        assert_eq!(t.len, 2);
        let t = title_before(&["Mr"]).unwrap();
        assert_eq!((t.is_role, t.gender), (false, Gender::Male));
        assert!(title_before(&["said"]).is_none());
        assert_eq!(
            title_at_start(&["President", "Mikheil", "Saakashvili"]).map(|t| t.len),
            Some(1)
        );
    }

    #[test]
    fn genders_from_first_names() {
        assert_eq!(gender_of_first_name("Mikheil"), Gender::Male);
        assert_eq!(gender_of_first_name("Nino"), Gender::Female);
        assert_eq!(gender_of_first_name("Saakashvili"), Gender::Unknown);
    }
}
